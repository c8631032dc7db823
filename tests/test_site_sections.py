"""Commendations, statistics, the process page and the home page.

Builds the real sample (data/public) once and the small fixture (tests/fixtures/public) once,
parses the HTML and compares it with the YAML read here independently of the plugin.

Run from the project root: .venv/bin/python -m pytest tests/test_site_sections.py -q
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from section_pages import (
    AWARDS,
    CAMPAIGN_SLUGS,
    FIXTURE,
    NESTED,
    SAMPLE,
    SECTION_PAGES,
    SINGLE,
    build,
    expected_rows,
    figure,
    read,
    resolves,
    soup,
    table_rows,
    text,
    years,
)


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("sample"), SAMPLE)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("fixture"), FIXTURE)


@pytest.fixture(params=["sample", "fixture"])
def built(request) -> tuple[Path, Path]:
    """(site, its data folder), for the sample and the fixture in turn."""
    site = request.getfixturevalue(f"{request.param}_site")
    return site, SAMPLE if request.param == "sample" else FIXTURE


# --- commendations ---------------------------------------------------------


def test_one_page_per_year_file_and_an_index(built):
    site, data = built
    written = {str(p.relative_to(site)) for p in (site / "commendations").rglob("*.html")}
    assert written == {"commendations/index.html"} | {f"commendations/{y}/index.html" for y in years(data)}


def test_year_page_lists_every_award_by_vocabulary_order(built):
    site, data = built
    for year, record in years(data).items():
        page = soup(site, f"commendations/{year}/index.html")
        assert text(page.h1) == f"{year}年度褒奖"
        found = [
            (text(section.h2), [entry(li) for li in section.select("li.award")])
            for section in page.select("section.award-group")
        ]
        expected = []
        for name in AWARDS:
            awards = [a for a in record["awards"] if a["award"] == name]
            if awards:
                expected.append((name, [expected_entry(a, data) for a in awards]))
        assert found == expected, year


def entry(li) -> tuple:
    name = li.select_one(".recipient-name")
    return (
        text(name) if name else None,
        text(li.select_one(".recipient-label")).strip("（）"),
        [a["href"] for a in li.select(".award-proposal a")],
        [a["href"] for a in li.select(".award-story a")],
    )


def expected_entry(award: dict, data: Path) -> tuple:
    proposal = award["proposal"]
    stories = read(data / "proposals" / f"{proposal}.yaml")["stories"] if proposal else []
    return (
        award["recipient"],
        award["recipient_label"],
        [f"../../proposals/{proposal}/"] if proposal else [],
        [f"../../stories/{story}/" for story in stories],
    )


def test_names_only_where_the_yaml_has_a_recipient_and_only_on_commendation_pages(sample_site):
    named = set()
    for year, record in years(SAMPLE).items():
        page = soup(sample_site, f"commendations/{year}/index.html")
        elements = page.select(".recipient-name")
        assert all(element.has_attr("data-pagefind-ignore") for element in elements)
        assert [text(e) for e in elements] == [a["recipient"] for a in record["awards"] if a["recipient"]]
        named |= {a["recipient"] for a in record["awards"] if a["recipient"]}
    assert named, "the sample should name some consenting recipients"
    for path in sample_site.rglob("*.html"):
        if path.relative_to(sample_site).parts[0] == "commendations":
            continue
        body = path.read_text(encoding="utf-8")
        assert not [name for name in named if name in body], path


def test_commendation_links_lead_to_written_pages(sample_site):
    pages = ["commendations/index.html", *(f"commendations/{y}/index.html" for y in years(SAMPLE))]
    for name in pages:
        for a in soup(sample_site, name).main.select("a[href]"):
            assert resolves(sample_site, name, a["href"]), (name, a["href"])


def test_commendations_index_counts_each_award_newest_year_first(built):
    site, data = built
    page = soup(site, "commendations/index.html")
    found = [
        (
            text(card.h2),
            card.h2.a["href"],
            [(text(dt), text(dd)) for dt, dd in zip(card.select("dt"), card.select("dd"))],
        )
        for card in page.select(".commendation-years > li")
    ]
    expected = []
    for year, record in sorted(years(data).items(), reverse=True):
        counts = Counter(a["award"] for a in record["awards"])
        expected.append(
            (f"{year}年度褒奖", f"../commendations/{year}/", [(n, f"{counts[n]} 项") for n in AWARDS if counts[n]])
        )
    assert found == expected


# --- statistics ------------------------------------------------------------


def test_every_stats_table_equals_stats_yaml(built):
    site, data = built
    stats = read(data / "stats.yaml")
    page = soup(site, "stats/index.html")
    for stat in ["totals", *NESTED, *SINGLE]:
        assert table_rows(page, stat) == expected_rows(stats, stat), stat
    assert len(page.select("table.data")) == 1 + len(NESTED) + len(SINGLE)


def test_suppressed_values_are_written_as_text_and_drawn_dashed(built):
    site, data = built
    stats = read(data / "stats.yaml")
    page = soup(site, "stats/index.html")
    for block in page.select("section.chart-block"):
        section = stats[block["data-stat"]]
        values = [v for value in section.values() for v in (value.values() if isinstance(value, dict) else [value])]
        suppressed = [v for v in values if isinstance(v, str)]
        cells = [text(td) for td in block.select("td")]
        assert sorted(c for c in cells if c.startswith("<")) == sorted(suppressed), block["id"]
        dashed = block.select("svg path[stroke-dasharray]")
        notes = [text(p) for p in block.select("p.note")]
        if suppressed:
            assert dashed and any("<5" in note for note in notes), block["id"]
        else:
            assert not dashed and not any("<5" in note for note in notes), block["id"]
    assert "<5" in [text(td) for td in page.select("td")]


def test_every_chart_is_a_titled_svg_image_with_its_table(built):
    site, _ = built
    for name in ("stats/index.html", "process/index.html"):
        page = soup(site, name)
        blocks = page.select("section.chart-block")
        assert blocks, name
        for block in blocks:
            heading = text(block.find(["h2", "h3"]))
            (svg,) = block.select("svg")
            assert svg["role"] == "img"
            assert [text(svg.find(id=i)) for i in svg["aria-labelledby"].split()] == [
                heading,
                text(svg.desc),
            ]
            assert svg.title.parent is svg and text(svg.desc)
            assert text(block.table.caption) == heading
            assert all(th.get("scope") in ("col", "row") for th in block.table("th"))
            assert text(block.select_one("p.definition"))
            assert len(str(svg).encode()) < 3000, (name, heading)


def test_bars_are_drawn_for_each_positive_count(sample_site):
    stats = read(SAMPLE / "stats.yaml")
    block = soup(sample_site, "stats/index.html").select_one("section[data-stat=funnel]")
    (bars,) = block.select("svg path[fill]:not([fill=none])")
    segments = re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v", bars["d"])
    assert len(segments) == sum(1 for v in stats["funnel"].values() if not isinstance(v, str) and v > 0)
    widths = [float(w) for _, _, w in segments]
    top = max(stats["funnel"].values())
    assert widths == [round(v * 320 / top, 1) for v in stats["funnel"].values()]
    assert all(float(x) * 2 + float(w) == pytest.approx(320, abs=0.2) for x, _, w in segments)  # centred


# --- process ---------------------------------------------------------------


def test_process_page_explains_the_stages_and_shows_the_funnel(built):
    site, data = built
    stats = read(data / "stats.yaml")
    page = soup(site, "process/index.html")
    assert text(page.h1) == "办理流程"
    assert [text(h) for h in page.select(".text h2")] == [
        "七个环节",
        "怎样判断一条建议",
        "金点子",
        "面对面",
        "重大决策先问计于民",
    ]
    stages = [text(li.strong) for li in page.select(".text ol li")]
    assert stages == list(stats["funnel"])
    assert table_rows(page, "funnel") == expected_rows(stats, "funnel")
    for a in page.main.select("a[href]"):
        assert resolves(site, "process/index.html", a["href"]), a["href"]


# --- home page and navigation ----------------------------------------------


def test_home_page_sections(built):
    site, data = built
    stats = read(data / "stats.yaml")
    totals = stats["totals"]
    page = soup(site, "index.html")
    assert text(page.h1) == "建设美好徐州，我们一起建言"
    figures = {text(f.dt): text(f.dd) for f in page.select("dl.figures .figure")}
    assert figures == {
        "收到建议": figure(totals["received"], "件"),
        "采纳（含部分采纳）": figure(totals["adopted"], "件"),
        "公开展示": figure(totals["published"], "件"),
        "获得褒奖": figure(totals["commendations"], "项"),
    }
    published = [read(p) for p in sorted((data / "proposals").glob("*.yaml"))]
    published = [p for p in published if p["status"] == "published"]
    latest = sorted(published, key=lambda p: (p["received"], p["id"]), reverse=True)[:6]
    assert [a["href"] for a in page.select("#latest-heading ~ ul .card-title a")] == [
        f"./proposals/{p['id']}/" for p in latest
    ]
    stories = sorted(map(read, (data / "stories").glob("*.yaml")), key=lambda s: (s["published_on"], s["id"]))
    cards = page.select("#stories-heading ~ ul > li")
    assert [c.select_one(".card-title a")["href"] for c in cards] == [f"./stories/{s['id']}/" for s in stories[::-1]]
    assert [text(c.select_one(".headline-value")) for c in cards] == [headline(s) for s in stories[::-1]]
    assert [a["href"] for a in page.select("#campaigns-heading ~ ul .card-title a")] == [
        f"./campaigns/{slug}/" for slug in CAMPAIGN_SLUGS
    ]
    assert [a["href"] for a in page.select("#more-heading ~ ul a")] == ["./stats/", "./process/", "./commendations/"]


def headline(story: dict) -> str:
    metric = next((m for m in story["metrics"] if m["before"] is not None), story["metrics"][0])
    before = f"{metric['before']} → " if metric["before"] is not None else ""
    return f"{before}{metric['after']} {metric['unit'] or ''}".strip()


def test_sample_home_page_shows_the_grassroots_figure(sample_site):
    page = soup(sample_site, "index.html")
    assert "148 → 61 项" in [text(v) for v in page.select(".headline-value")]


def test_nav_links_the_sections_and_marks_the_current_one(sample_site):
    current = {
        "commendations/index.html": "褒奖",
        "commendations/2024/index.html": "褒奖",
        "stats/index.html": "统计",
        "process/index.html": "办理流程",
    }
    for name in [*SECTION_PAGES, "commendations/2024/index.html"]:
        page = soup(sample_site, name)
        nav = [text(a) for a in page.nav("a")]
        assert [nav.count(label) for label in ("褒奖", "统计", "办理流程")] == [1, 1, 1], name
        assert [text(a) for a in page.nav.select("[aria-current=page]")] == [current.get(name, "首页")], name
        assert len(page("h1")) == 1 and page("script") == [], name


def test_section_pages_are_deterministic(sample_site, tmp_path):
    again = build(tmp_path / "again", SAMPLE)
    names = [*SECTION_PAGES, *(f"commendations/{y}/index.html" for y in years(SAMPLE))]
    for name in names:
        assert (again / name).read_bytes() == (sample_site / name).read_bytes(), name
