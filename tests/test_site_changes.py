"""The public record of changes: /changes/, feeds/changes.atom.xml, and the
update note of a record page, on data the real pipeline exported twice:
first at A (six proposals and a story), then at B with one new proposal (7),
one changed (2) and one withdrawn (3).

Run from the project root: .venv/bin/python -m pytest tests/test_site_changes.py -q
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from exports import default_rows, suggestion, write_export
from sitebuild import build, soup, text

from pipeline.__main__ import main
from sitecheck import feeds, links
from sitecheck.site import Site

A, B = "2025-03-01", "2025-04-15"
SITEURL = "https://jianyi.example.cn"
ATOM = "{http://www.w3.org/2005/Atom}"
PAGINATED = {"proposals": 20, "facet": 20, "campaign": 20, "changes": 3}


def title(number: int) -> str:
    return f"建议：关于老旧小区加装电梯的建议{number}"


def href(number: int, prefix: str = "../") -> str:
    return f"{prefix}proposals/xzjy-2024-{number:06d}/"


STORY = ("成果案例：电梯里的“电动车识别”", "../stories/lift-ebike-ai/")
WITHDRAWN = ("建议：xzjy-2024-000003（已撤回）", href(3))
DAY_B = (
    "2025年4月15日",
    "新公开 1 条，更新 1 条，撤回 1 条",
    [("published", [(title(7), href(7))]), ("updated", [(title(2), href(2))]), ("withdrawn", [WITHDRAWN])],
)
FIRST = [(title(1), href(1)), (title(2), href(2)), WITHDRAWN, *[(title(n), href(n)) for n in (4, 5, 6)], STORY]
DAY_A = ("2025年3月1日", "新公开 7 条", [("published", FIRST)])


def export(folder: Path, out: Path, as_of: str) -> None:
    args = ["export", "--input", folder, "--out", out, "--as-of", as_of, "--audit", folder.parent / "audit"]
    assert main([str(arg) for arg in args]) == 0


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("changes")
    rows = default_rows()
    rows["suggestions"] += [suggestion(n) for n in range(3, 7)]
    export(write_export(folder / "in", rows), folder / "data", A)
    rows["suggestions"][1]["办理情况"] = "已在三个小区试点。"
    rows["suggestions"][2]["已撤回"] = "是"
    rows["suggestions"].append(suggestion(7))
    export(write_export(folder / "in", rows), folder / "data", B)
    return folder / "data"


@pytest.fixture(scope="module")
def site(data, tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("site"), data)


@pytest.fixture(scope="module")
def paged_site(data, tmp_path_factory) -> Path:
    """With an absolute SITEURL, three changes a page, and four changes a feed entry."""
    out = tmp_path_factory.mktemp("paged")
    return build(out, data, SITEURL=SITEURL, RELATIVE_URLS=False, PAGINATED_TEMPLATES=PAGINATED, FEED_MAX_ITEMS=4)


def flat(tag) -> str:
    """Visible text as a reader sees it: inline elements joined without a space."""
    return " ".join(tag.get_text("").split())


def days(page: BeautifulSoup) -> list[tuple]:
    """(day, summary, [(kind, [(text, href)])]) of each day section, in page order."""
    return [
        (
            text(section.h2),
            text(section.find(class_="day-summary")),
            [(ul["data-kind"], [(flat(li), li.a["href"]) for li in ul("li")]) for ul in section("ul")],
        )
        for section in page.select("main section.change-day")
    ]


def test_changes_page_lists_each_day_newest_first(site):
    page = soup(site, "changes/index.html")
    assert text(page.h1) == "更新记录"
    assert days(page) == [DAY_B, DAY_A]
    assert [text(h) for h in page.select("section.change-day h3")] == ["新公开", "更新", "撤回", "新公开"]
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == "../feeds/changes.atom.xml"


def test_every_page_links_the_changes_from_its_footer(site):
    for name in ("index.html", "proposals/xzjy-2024-000001/index.html", "changes/index.html"):
        footer = [a["href"] for a in soup(site, name).footer("a")]
        assert any(h.endswith("changes/") for h in footer), name


def test_changes_links_and_feed_pass_the_site_checks(site, paged_site):
    def findings(check, built: Site) -> list:
        # These builds have no search index, which /search/ loads.
        return [finding for finding in check(built) if finding.file != "search/index.html"]

    assert findings(links.check, Site(site)) == []
    assert findings(feeds.check, Site(site)) == []
    assert findings(links.check, Site(paged_site, SITEURL)) == []
    assert findings(feeds.check, Site(paged_site, SITEURL)) == []


def blocks(content: BeautifulSoup) -> list[tuple]:
    """(text of each paragraph, [(text, href)] of the list under it, or of its own links)."""
    found = []
    for p in content("p"):
        below = p.find_next_sibling()
        items = below("li") if below is not None and below.name == "ul" else [p]
        found.append((text(p), [(flat(item), item.a["href"]) for item in items]))
    return found


def entries(site: Path) -> list[tuple]:
    """(title, published, updated, link, blocks of its content) of each feed entry."""
    root = ET.parse(site / "feeds/changes.atom.xml").getroot()
    assert root.findtext(f"{ATOM}title") == "倾听徐州·在一起 · 更新记录"
    assert root.findtext(f"{ATOM}updated") == f"{B}T00:00:00+08:00"
    found = []
    for entry in root.findall(f"{ATOM}entry"):
        found.append((
            entry.findtext(f"{ATOM}title"),
            entry.findtext(f"{ATOM}published"),
            entry.findtext(f"{ATOM}updated"),
            entry.find(f"{ATOM}link").get("href"),
            blocks(BeautifulSoup(entry.findtext(f"{ATOM}content"), "html.parser")),
        ))  # fmt: skip
    return found


def test_feed_has_one_entry_per_day_with_its_changes(site):
    def moment(day: str) -> str:
        return f"{day}T00:00:00+08:00"

    def links_of(day: tuple) -> list:
        kinds = {"published": "新公开", "updated": "更新", "withdrawn": "撤回"}
        return [(f"{kinds[kind]}（{len(items)} 条）：", items) for kind, items in day[2]]

    assert entries(site) == [
        ("2025年4月15日：新公开 1 条，更新 1 条，撤回 1 条", moment(B), moment(B), "../changes/", links_of(DAY_B)),
        ("2025年3月1日：新公开 7 条", moment(A), moment(A), "../changes/", links_of(DAY_A)),
    ]


def test_feed_links_are_absolute_and_a_long_day_is_cut(paged_site):
    [newest, oldest] = entries(paged_site)
    assert newest[3] == f"{SITEURL}/changes/"
    assert [h for _, items in newest[4] for _, h in items] == [href(n, f"{SITEURL}/") for n in (7, 2, 3)]
    absolute = [(label, link.replace("../", f"{SITEURL}/")) for label, link in FIRST]
    more = ("另有 3 条，见 更新记录 。", [("另有 3 条，见更新记录。", f"{SITEURL}/changes/")])
    assert oldest[4] == [("新公开（7 条）：", absolute[:4]), more]  # FEED_MAX_ITEMS = 4 changes an entry


def test_long_record_is_paginated_and_a_day_keeps_its_whole_counts(paged_site):
    names = ["changes/index.html", *(f"changes/page/{n}/index.html" for n in (2, 3, 4))]
    pages = [days(soup(paged_site, name)) for name in names]
    assert not (paged_site / "changes/page/5").exists()
    assert [[day[0] for day in page] for page in pages] == [
        ["2025年4月15日"],
        ["2025年3月1日"],
        ["2025年3月1日"],
        ["2025年3月1日"],
    ]
    assert {day[1] for page in pages[1:] for day in page} == {"新公开 7 条"}  # the whole day's count on every page
    listed = [item for page in pages for day in page for _, items in day[2] for item in items]
    expected = [item for day in (DAY_B, DAY_A) for _, items in day[2] for item in items]
    assert listed == [(label, link.replace("../", f"{SITEURL}/")) for label, link in expected]
    pager = [a["href"] for a in soup(paged_site, "changes/page/2/index.html").select("nav.pager a")]
    assert pager[0] == f"{SITEURL}/changes/" and f"{SITEURL}/changes/page/3/" in pager


def test_updated_record_says_so_at_the_top(site):
    page = soup(site, "proposals/xzjy-2024-000002/index.html")
    note = page.article.find(class_="update-note")
    assert note.find_previous_sibling() == page.article.h1
    assert text(note) == "本条于 2025年4月15日 更新（首次公开于 2025年3月1日 ）。 查看更新记录"
    assert note.a["href"] == "../../changes/"
    cite = page.find("section", class_="cite")
    facts = dict(zip([text(dt) for dt in cite.dl("dt")], [text(dd) for dd in cite.dl("dd")], strict=True))
    assert (facts["首次公开"], facts["最后更新"]) == ("2025年3月1日", "2025年4月15日")


def test_unchanged_records_have_no_update_note(site):
    for name in ("proposals/xzjy-2024-000001/index.html", "proposals/xzjy-2024-000007/index.html"):
        assert soup(site, name).find(class_="update-note") is None, name
    assert soup(site, "stories/lift-ebike-ai/index.html").find(class_="update-note") is None


def test_withdrawn_page_says_when(site):
    page = soup(site, "proposals/xzjy-2024-000003/index.html")
    assert text(page.find(class_="withdrawn-dates")) == "首次公开于 2025年3月1日 ，于 2025年4月15日 撤回。"
    assert "../../changes/" in [a["href"] for a in page.main("a")]
