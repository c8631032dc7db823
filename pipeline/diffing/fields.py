"""How each published field reads in a review: its Chinese label and its
value as lines of text (a timeline as one line per stage, a metric as
`label：before → after unit`), so that a change shows as old → new, or as
the changed lines of a longer value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import yamlio
from .textdiff import line_diff

# Written by the pipeline to keep dates stable across exports: a change in
# them alone is not something a reviewer approves.
BOOKKEEPING = frozenset({"first_published", "last_updated", "withdrawn_on"})
# `id` is the file name; `status` decides whether a record is new or withdrawn.
NOT_COMPARED = BOOKKEEPING | {"id", "status"}

LABELS = {
    "proposal": {
        "title": "标题", "title_en": "英文标题", "summary_en": "英文摘要", "received": "收到时间",
        "channel": "征集渠道", "campaign": "专项活动", "topic": "领域",
        "proposer": "建议人", "decision": "办理结果", "stage": "当前环节", "lead_unit": "牵头单位",
        "co_units": "协办单位", "timeline": "办理进程", "stories": "成果案例", "commendations": "褒奖",
        "body": "建议内容", "outcome": "办理情况",
    },
    "story": {
        "title": "标题", "title_en": "英文标题", "summary": "摘要", "summary_en": "英文摘要",
        "published_on": "发布日期", "campaign": "专项活动", "lead_unit": "牵头单位", "proposals": "相关建议",
        "metrics": "成果指标", "body": "正文", "body_en": "英文正文",
    },
    "commendation": {"year": "年度", "awards": "奖项"},
    "session": {
        "title": "活动名称", "held_on": "活动日期", "district": "所在地区", "street": "街道（镇）", "topic": "领域",
        "campaign": "专项活动", "units": "参加单位", "proposers_present": "到场建议人数",
        "residents_present": "到场居民人数", "proposals_discussed": "商议建议数", "proposals": "商议的公开建议",
        "agreed": "商定事项", "follow_up_on": "跟进日期", "attendees": "署名参加人",
    },
}  # fmt: skip
SHORT = 40  # a value this long or shorter, on one line, reads as old → new
EMPTY = "（空）"


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str | None = None  # short values: old → new
    new: str | None = None
    lines: tuple[str, ...] = ()  # longer values: the changed lines, marked


def scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def number(value: object) -> str:
    return "（无）" if value is None else scalar(value)


def stage_line(entry: dict) -> str:
    return f"{entry.get('stage')} {entry.get('date') or '（无日期）'}"


def metric_line(metric: dict) -> str:
    unit = f" {metric['unit']}" if metric.get("unit") else ""
    note = f"（{metric['note']}）" if metric.get("note") else ""
    return f"{metric.get('label')}：{number(metric.get('before'))} → {number(metric.get('after'))}{unit}{note}"


def award_line(award: dict) -> str:
    who = (
        f"{award['recipient']}（{award.get('recipient_label')}）"
        if award.get("recipient")
        else award.get("recipient_label")
    )
    proposal = f" · 建议 {award['proposal']}" if award.get("proposal") else ""
    citation = f" · 英文褒奖词：{award['citation_en']}" if award.get("citation_en") else ""
    return f"{award.get('award')} · {who}{proposal} · {award.get('awarded_on')}{citation}"


def each(line: Callable[[dict], str]) -> Callable[[object], list[str]]:
    return lambda value: [line(item) if isinstance(item, dict) else scalar(item) for item in value or ()]


FORMATS: dict[str, Callable[[object], list[str]]] = {
    "proposer": lambda value: [scalar(value.get("label"))] if isinstance(value, dict) else lines(value),
    "timeline": each(stage_line),
    "metrics": each(metric_line),
    "awards": each(award_line),
    "commendations": each(lambda item: f"{item.get('year')} {item.get('award')}"),
}


def lines(value: object) -> list[str]:
    """Any value as lines: text by its lines, a list of words on one line, a
    structure as YAML."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ["、".join(value)] if value else []
    if isinstance(value, dict | list):
        return yamlio.dump(value).splitlines()
    return scalar(value).splitlines()


def shown(field: str, value: object) -> list[str]:
    return FORMATS.get(field, lines)(value)


def field_change(label: str, old: list[str], new: list[str]) -> FieldChange:
    if len(old) <= 1 and len(new) <= 1 and all(len(line) <= SHORT for line in old + new):
        return FieldChange(label, old="".join(old) or EMPTY, new="".join(new) or EMPTY)
    return FieldChange(label, lines=tuple(line_diff(old, new)))


def compare(kind: str, old: dict, new: dict) -> tuple[FieldChange, ...]:
    """The published fields that differ, in the order of the record's page.
    A field whose display hides the difference is shown whole, as YAML."""
    labels = LABELS.get(kind, {})
    keys = [key for key in (old.keys() | new.keys()) - NOT_COMPARED if old.get(key) != new.get(key)]
    keys.sort(key=lambda key: (list(labels).index(key) if key in labels else len(labels), key))
    changes = []
    for key in keys:
        before, after = shown(key, old.get(key)), shown(key, new.get(key))
        if before == after and not (old.get(key) or new.get(key)):
            continue  # null and an empty list read the same: nothing to review
        if before == after:
            before, after = lines(old.get(key)), lines(new.get(key))
        changes.append(field_change(labels.get(key, key), before, after))
    return tuple(changes)
