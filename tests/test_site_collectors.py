"""/collectors/ and /collectors/<sector>/ built from a real export: the lists hold
the flagged proposals, a sector page only those whose type is shown, figures from stats.yaml."""

from __future__ import annotations

import pytest
import yaml
from exports import default_rows, suggestion, write_export
from sitebuild import build, soup, text

from pipeline.__main__ import main

SECTOR_SLUGS = {
    "人大代表": "npc-deputies", "政协委员": "cppcc-members", "媒体记者": "journalists", "教师": "teachers",
    "村(社区)党组织书记": "community-secretaries", "民营企业家": "entrepreneurs",
    "行业协会商会负责人": "association-heads", "新就业群体": "new-employment",
}  # fmt: skip


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """5 teacher collectors (shown as 教师), 2 journalist collectors (shown as their group: the flag stays,
    the type goes), 1 citizen collector and 2 teachers who are not collectors (flag withheld: rare cells)."""
    folder = tmp_path_factory.mktemp("collectors")
    rows = default_rows()
    rows["suggestions"] += [suggestion(n, 建议人类别="教师", 特约建议人="是") for n in range(3, 8)]
    rows["suggestions"] += [suggestion(n, 建议人类别="媒体记者", 特约建议人="是") for n in (8, 9)]
    rows["suggestions"] += [suggestion(10, 建议人类别="市民", 特约建议人="是")]
    out = folder / "data"
    assert main(["export", "--input", str(write_export(folder / "in", rows)), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def site(exported, tmp_path_factory):
    return build(tmp_path_factory.mktemp("site"), exported)


def flags(data):
    found = {}
    for path in sorted((data / "proposals").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        found[record["id"]] = (record["proposer"]["type"], record["proposer"]["special_collector"])
    return found


def listed(site, path):
    return sorted(a["href"].rstrip("/").rsplit("/", 1)[-1] for a in soup(site, path).select("main .cards a"))


def test_the_published_flag_follows_coarsening(exported):
    assert flags(exported) == {
        **{f"xzjy-2024-{n:06d}": (None, None) for n in (1, 2, 10)},
        **{f"xzjy-2024-{n:06d}": ("教师", True) for n in range(3, 8)},
        **{f"xzjy-2024-{n:06d}": (None, True) for n in (8, 9)},
    }


def test_corps_page_lists_every_flagged_proposal(site):
    assert listed(site, "collectors/index.html") == [f"xzjy-2024-{n:06d}" for n in range(3, 10)]


def test_the_corps_is_in_the_main_navigation_and_marked_current_on_its_pages(site):
    links = {text(a): a for a in soup(site, "index.html").select("nav.site-nav a")}
    assert links["特约征集人"]["href"].endswith("collectors/")
    current = soup(site, "collectors/index.html").select("nav.site-nav a[aria-current=page]")
    assert [text(a) for a in current] == ["特约征集人"]


def test_sector_pages_never_reveal_a_coarsened_type(site):
    assert listed(site, "collectors/teachers/index.html") == [f"xzjy-2024-{n:06d}" for n in range(3, 8)]
    assert listed(site, "collectors/journalists/index.html") == []
    for slug in SECTOR_SLUGS.values():
        assert (site / "collectors" / slug / "index.html").is_file()


def test_figures_come_from_stats_with_suppression(site, exported):
    stats = yaml.safe_load((exported / "stats.yaml").read_text(encoding="utf-8"))["collectors"]
    table = soup(site, "collectors/index.html").select_one('table[data-stat="collectors"]')
    rows = {text(tr.th): [text(td) for td in tr.find_all("td")] for tr in table.select("tbody tr, tfoot tr")}
    assert rows["教师"] == ["5", "5", "5", "100.0%"]
    assert rows["媒体记者"] == ["<5", "<5", "<5", "—"]
    assert rows["人大代表"] == ["0", "0", "0", "—"]
    assert rows["全部特约人民建议征集人"] == ["8", "8", "8", "100.0%"]
    assert rows["全部建议（对照）"] == ["10", "10", "—", "100.0%"]
    assert stats["by_sector"]["媒体记者"]["received"] == "<5"
    links = {text(a): a["href"] for a in table.select("tbody th a")}
    assert {name: href.rstrip("/").rsplit("/", 1)[-1] for name, href in links.items()} == SECTOR_SLUGS
    teachers = soup(site, "collectors/teachers/index.html")
    assert teachers.select_one(".rates").get_text() == "采纳率：本界别 100.0%，全部建议 100.0%。"


def test_a_flagged_proposal_links_to_its_sector(site):
    page = soup(site, "proposals/xzjy-2024-000003/index.html")
    facts = dict(zip((text(d) for d in page.select(".facts dt")), page.select(".facts dd")))
    assert facts["提出方式"].a["href"].endswith("collectors/teachers/")
    grouped = soup(site, "proposals/xzjy-2024-000008/index.html")
    link = [dd.a for dt, dd in zip(grouped.select(".facts dt"), grouped.select(".facts dd")) if text(dt) == "提出方式"]
    assert link[0]["href"].endswith("collectors/")
    unflagged = soup(site, "proposals/xzjy-2024-000001/index.html")
    assert "提出方式" not in [text(d) for d in unflagged.select(".facts dt")]


def test_stats_page_defines_the_counts(site):
    section = soup(site, "stats/index.html").select_one("#collectors")
    assert "特约建议人" in text(section) and "<5" in text(section)
    assert section.select_one('a[href$="collectors/"]')
