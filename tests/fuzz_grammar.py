"""Hypothesis strategies for VALID staff exports, generated from the export's
grammar (config/columns.yaml, config/vocabulary.yaml, docs/input-format.md):
every accepted spelling of dates, yes/no cells, lists and vocabulary values.

`exports()` draws an `Export`: the four tables as header + rows of cell
strings (what is written to CSV), and for each suggestion, story and
commendation the canonical values the pipeline should read from them
(`Export.expected`), for the round-trip property. Free texts and personal
values come from disjoint pools, so a valid export is always publishable:
nothing in it looks like personal data where it is not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml
from exports import ROOT, SCHEMA
from hypothesis import strategies as st

VOCABULARY = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))


def names(list_name: str) -> list[str]:
    return [item["name"] if isinstance(item, dict) else item for item in VOCABULARY[list_name]]


STAGES = names("stages")
STAGE_DATE_KEYS = [item["date_key"] for item in VOCABULARY["stages"]]
ADOPTED = [item["name"] for item in VOCABULARY["decisions"] if item.get("adopted")]
PUBLIC_STAGES = VOCABULARY["published_stages"]
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
# Trimmed by the loader: spaces, full-width spaces, no-break spaces.
PADDING = st.sampled_from(["", " ", "\u3000", "\u00a0", "  "])

# Disjoint pools: no word of a text contains a character of a name, and no
# text holds a digit, so the scrubber and the leak scanner have nothing to do
# with the texts of a valid export (mutations add what they should catch).
WORDS = [
    "建议", "小区", "加装电梯", "公交线路", "优化", "增设", "停车位", "垃圾分类", "口袋公园", "便民",
    "服务", "窗口", "绿化", "改善", "照明", "学校", "门口", "交通", "安全", "设施", "群众", "居民",
    "bus", "park", "lift", "open data", "，", "。", "！", "（试点）", "“", "”",
]  # fmt: skip
SURNAMES = "赵钱孙周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施曹严华"
GIVEN = "伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英"
UNITS = ["市住房城乡建设局", "市交通运输局", "云龙区政府", "市市场监管局", "市教育局", "市卫生健康委", "鼓楼区政府"]
LIST_SEPARATORS = ["、", "；", ";", ",", "，"]


@st.composite
def text(draw, min_words: int = 1, max_words: int = 12, lines: bool = False) -> str:
    """Words of the text pool, with line breaks between some when `lines`."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words))
    breaks = ["", "\n", "\n\n", "\r\n"] if lines else [""]
    return "".join(word + draw(st.sampled_from(breaks)) for word in words).strip() or WORDS[0]


@st.composite
def padded(draw, strategy: st.SearchStrategy[str]) -> str:
    return draw(PADDING) + draw(strategy) + draw(PADDING)


@st.composite
def date_spelling(draw, day: dt.date) -> str:
    """One of the accepted spellings of a day (docs/input-format.md)."""
    y, m, d = day.year, day.month, day.day

    def part(n: int) -> str:
        return f"{n:02d}" if draw(st.booleans()) else str(n)

    kind = draw(st.sampled_from(["iso", "slash", "dot", "chinese", "time", "full-width"]))
    if kind == "iso":
        return day.isoformat()
    if kind == "slash":
        return f"{y}/{part(m)}/{part(d)}"
    if kind == "dot":
        return f"{y}.{part(m)}.{part(d)}"
    if kind == "chinese":
        return f"{y}年{part(m)}月{part(d)}日"
    if kind == "time":
        return f"{day.isoformat()} {draw(st.sampled_from(['00:00:00', '08:30', '23:59:59.5']))}"
    return f"{y}年{m}月{d}日".translate(FULL_WIDTH_DIGITS)


@st.composite
def yes_no(draw, value: bool) -> str:
    spelling = draw(st.sampled_from(VOCABULARY["yes_values" if value else "no_values"]))
    return "".join(c.upper() if draw(st.booleans()) else c for c in str(spelling))


@st.composite
def vocab(draw, list_name: str, optional: bool = False) -> tuple[str, str | None]:
    """(cell, canonical): brackets may be typed full-width (NFKC folds them)."""
    choices = names(list_name) + ([None] if optional else [])
    value = draw(st.sampled_from(choices))
    if value is None:
        return "", None
    cell = value.replace("(", "（").replace(")", "）") if draw(st.booleans()) else value
    return cell, value


@st.composite
def unit_list(draw, items: list[str]) -> str:
    """Items joined by any accepted separator, with spaces or doubled separators."""
    cell = items[0] if items else ""
    for item in items[1:]:
        separator = draw(st.sampled_from(LIST_SEPARATORS))
        cell += draw(st.sampled_from(["", " "])) + separator * draw(st.integers(1, 2)) + draw(PADDING) + item
    return cell


@st.composite
def number(draw) -> tuple[str, int | float]:
    if draw(st.booleans()):
        value = draw(st.integers(0, 10_000_000))
        return (f"{value:,}" if draw(st.booleans()) else str(value)), value
    cents = draw(st.integers(0, 10_000_00))
    cell = f"{cents // 100}.{cents % 100:02d}"
    return cell, float(cell) if cents % 100 else int(cents // 100)


@st.composite
def person(draw, number: int) -> dict[str, str]:
    """Personal cells of one proposer: unique by construction."""
    name = draw(st.sampled_from(SURNAMES)) + GIVEN[number % len(GIVEN)] + GIVEN[number // len(GIVEN) % len(GIVEN)]
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    id_number = "320303" + "1985" + "0312" + f"{number:03d}"[-3:]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(id_number, weights)) % 11]
    return {
        "建议人姓名": name,
        "联系电话": draw(st.sampled_from(["138", "159", "177"])) + f"{52000000 + number:08d}",
        "身份证号": id_number + check,
        "联系地址": f"{draw(st.sampled_from(['民主南路', '淮海路']))}{number + 1}号",
        "电子邮箱": f"user{number}@example.com",
        "工作单位": f"某某机械厂{number + 1}分厂",
    }


@dataclass
class Export:
    """Header + rows of cells per table, and what the pipeline must read back."""

    tables: dict[str, tuple[list[str], list[list[str]]]]
    expected: dict[str, dict] = field(default_factory=dict)
    encoding: str = "utf-8-sig"
    newline: str = "\r\n"

    def __repr__(self) -> str:  # what a failing example prints: long cells shortened
        def short(cell: str) -> str:
            return repr(cell) if len(cell) <= 60 else f"{cell[:20]!r}...({len(cell)} characters)"

        tables = {
            name: [", ".join(map(short, cells)) for cells in [header, *rows]]
            for name, (header, rows) in self.tables.items()
        }
        return f"Export(encoding={self.encoding!r}, newline={self.newline!r}, tables={tables})"

    def _repr_pretty_(self, printer, cycle) -> None:  # hypothesis prints examples with this
        printer.text(repr(self))


def headers(table: str) -> list[str]:
    return [column["header"] for column in SCHEMA[table]["columns"].values()]


def as_rows(table: str, rows: list[dict[str, str]]) -> tuple[list[str], list[list[str]]]:
    header = headers(table)
    return header, [[row.get(h, "") for h in header] for row in rows]


@st.composite
def stage_dates(draw, reached: int) -> list[dt.date | None]:
    """Non-decreasing dates for the stages up to `reached` (some left empty),
    none after it."""
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2025, 6, 30)))
    days, dates = start, [start]
    for _ in range(reached):
        days = days + dt.timedelta(days=draw(st.integers(0, 60)))
        dates.append(days if draw(st.integers(0, 4)) else None)
    return dates + [None] * (len(STAGES) - 1 - reached)


@st.composite
def suggestion(draw, number: int, published: bool) -> tuple[dict[str, str], dict]:
    """(row by header, canonical values by pipeline key) of one suggestion."""
    reached = draw(st.sampled_from([STAGES.index(s) for s in PUBLIC_STAGES])) if published else draw(st.integers(0, 6))
    dates = draw(stage_dates(reached))
    decision = draw(st.sampled_from(ADOPTED if published else names("decisions")))
    consent = True if published else draw(st.booleans())
    withdrawn = False if published else draw(st.sampled_from([None, False, True]))
    if not published and decision in ADOPTED and consent and not withdrawn and STAGES[reached] in PUBLIC_STAGES:
        consent = False  # drawn unpublished: make it so
    channel, topic = draw(vocab("channels")), draw(vocab("topics"))
    campaign, proposer_type = draw(vocab("campaigns", optional=True)), draw(vocab("proposer_types"))
    district = draw(vocab("districts"))
    co_units = draw(st.lists(st.sampled_from(UNITS), max_size=3, unique=True))
    lead_unit = draw(st.sampled_from(["", *UNITS]))
    case_id = f"{draw(st.sampled_from(['XZJY', 'xzjy', 'JY']))}-{dates[0].year}-{number:06d}"
    row = {
        "建议编号": case_id,
        "征集渠道": channel[0],
        "专项活动": campaign[0],
        "领域": topic[0],
        "建议标题": draw(padded(text(1, 6))),
        "建议内容": draw(text(1, 30, lines=True)),
        **draw(person(number)),
        "建议人类别": proposer_type[0],
        "所在地区": draw(padded(st.just(district[0]))),
        "特约建议人": draw(st.sampled_from(["", "是", "否"])),
        "当前环节": STAGES[reached],
        "办理结果": decision,
        "牵头单位": lead_unit,
        "协办单位": draw(unit_list(co_units)),
        "办理情况": draw(st.sampled_from(["", *WORDS[:5]])),
        "同意公开": draw(yes_no(consent)),
        "同意署名": draw(st.sampled_from(["", "否", "是"])),
        "已撤回": "" if withdrawn is None else draw(yes_no(withdrawn)),
    }
    stage_headers = [SCHEMA["suggestions"]["columns"][key]["header"] for key in STAGE_DATE_KEYS]
    for header, date in zip(stage_headers, dates):
        row[header] = draw(padded(date_spelling(date))) if date else ""
    expected = {
        "case_id": case_id,
        "published": published,
        "channel": channel[1],
        "topic": topic[1],
        "campaign": campaign[1],
        "proposer_type": proposer_type[1],
        "district": district[1],
        "decision": decision,
        "stage": STAGES[reached],
        "lead_unit": lead_unit or None,
        "co_units": co_units,
        "dates": [date.isoformat() if date else None for date in dates[: reached + 1]],
    }
    return row, expected


@st.composite
def story_slug(draw) -> str:
    parts = draw(
        st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=3)
    )
    return "-".join(parts)


@st.composite
def exports(draw, max_suggestions: int = 6) -> Export:
    """A valid export of 1..max_suggestions suggestions (at least one published),
    0-2 stories with metrics, 0-3 commendations."""
    count = draw(st.integers(1, max_suggestions))
    drawn = [draw(suggestion(n + 1, published=n == 0 or draw(st.booleans()))) for n in range(count)]
    rows, expected = [row for row, _ in drawn], {e["case_id"]: e for _, e in drawn}
    case_ids = list(expected)
    stories, metrics, awards, story_expected = [], [], [], {}
    for story_id in draw(st.lists(story_slug(), max_size=2, unique=True)):
        cases = draw(st.lists(st.sampled_from(case_ids), max_size=3))
        published_on = draw(st.dates(dt.date(2020, 1, 1), dt.date(2025, 10, 31)))
        stories.append({
            "案例编号": story_id,
            "标题": draw(text(1, 6)),
            "摘要": draw(text(1, 10)),
            "正文": draw(text(1, 30, lines=True)),
            "相关建议": draw(unit_list(cases)),
            "专项活动": draw(vocab("campaigns", optional=True))[0],
            "牵头单位": draw(st.sampled_from(["", *UNITS])),
            "发布日期": draw(date_spelling(published_on)),
        })  # fmt: skip
        figures = []
        for _ in range(draw(st.integers(0, 2))):
            (before, before_value), (after, after_value) = draw(number()), draw(number())
            if draw(st.booleans()):
                before, before_value = "", None
            label = draw(text(1, 3))
            metrics.append(
                {"案例编号": story_id, "指标": label, "原值": before, "现值": after, "单位": "项", "说明": ""}
            )
            figures.append({"label": label, "before": before_value, "after": after_value})
        story_expected[story_id] = {"cases": cases, "published_on": published_on.isoformat(), "metrics": figures}
    award_expected = []
    for _ in range(draw(st.integers(0, 3))):
        case = draw(st.sampled_from(["", *case_ids]))
        year = draw(st.integers(2020, 2025))
        awarded_on = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        credited = draw(st.booleans())
        name = draw(st.sampled_from(SURNAMES)) + "小" + GIVEN[len(awards)]
        awards.append({
            "年度": draw(st.sampled_from([str(year), f"{year}年"])),
            "奖项": draw(st.sampled_from(names("awards"))),
            "建议编号": case,
            "获奖人姓名": name,
            "获奖人类别": draw(vocab("proposer_types"))[0],
            "所在地区": draw(vocab("districts"))[0],
            "同意署名": draw(yes_no(credited)),
            "颁发日期": draw(date_spelling(awarded_on)),
        })  # fmt: skip
        award_expected.append(
            {"year": year, "case": case, "awarded_on": awarded_on.isoformat(), "name": name, "credited": credited}
        )
    tables = {
        "suggestions": as_rows("suggestions", rows),
        "stories": as_rows("stories", stories),
        "story_metrics": as_rows("story_metrics", metrics),
        "commendations": as_rows("commendations", awards),
    }
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
    return Export(
        tables,
        {"suggestions": expected, "stories": story_expected, "commendations": award_expected},
        encoding,
        draw(st.sampled_from(["\r\n", "\n"])),
    )
