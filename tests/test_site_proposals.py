"""Proposal lists, facets, campaign pages, feeds, sitemap and robots.txt.

The sample site (data/public) is built once per module; expectations are
computed straight from its YAML files and config/vocabulary.yaml, never from
the plugin's code. The small fixture (tests/fixtures/public) has a tombstone.

Run from the project root: .venv/bin/python -m pytest tests/test_site_proposals.py -q
"""

from __future__ import annotations

import math
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "public"
FIXTURE = ROOT / "tests" / "fixtures" / "public"
sys.path.insert(0, str(ROOT / "plugins"))

from showcase.atom import urn  # noqa: E402
from showcase.dates import first_day, published_on  # noqa: E402
from showcase.models import Proposal  # noqa: E402
from showcase.vocabulary import Vocabulary  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PER_PAGE = 20
CAMPAIGN_SLUGS = ["business-environment", "work-safety", "lasting-tourism", "grassroots-burden"]


# --- helpers ---------------------------------------------------------------


def build(output: Path, data: Path = SAMPLE, **override) -> Path:
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "SHOWCASE_DATA": str(data), "SHOWCASE_SEARCH": False, **override},
    )
    Pelican(settings=settings).run()
    return output


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def read_folder(data: Path, kind: str) -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / kind).glob("*.yaml"))]


VOCAB = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))
SLUGS = {key: {item["name"]: item["slug"] for item in VOCAB[key]} for key in ("campaigns", "topics", "districts")}
SLUGS["decisions"] = {d["name"]: d["slug"] for d in VOCAB["decisions"]}
PROPOSALS = [p for p in read_folder(SAMPLE, "proposals") if p["status"] == "published"]
STORIES = read_folder(SAMPLE, "stories")
NEWEST_FIRST = [p["id"] for p in sorted(PROPOSALS, key=lambda p: (str(p["received"]), p["id"]), reverse=True)]


def facet_key(kind: str, proposal: dict) -> str | None:
    """The facet slug of a proposal, computed from its YAML."""
    if kind == "campaign":
        return SLUGS["campaigns"].get(proposal["campaign"])
    if kind == "topic":
        return SLUGS["topics"][proposal["topic"]]
    if kind == "district":
        district = proposal["proposer"]["district"]
        return SLUGS["districts"][district] if district else "citywide"
    if kind == "year":
        return str(proposal["received"])[:4]
    return SLUGS["decisions"][proposal["decision"]]


KINDS = ["campaign", "topic", "district", "year", "decision"]
EXPECTED_COUNTS = {kind: Counter(key for p in PROPOSALS if (key := facet_key(kind, p)) is not None) for kind in KINDS}


def list_pages(site: Path, first: str) -> list[str]:
    """The files of a paginated list: first page, then <list>/page/<n>/ while they exist."""
    base = first.removesuffix("index.html")
    pages, number = [first], 2
    while (site / f"{base}page/{number}/index.html").is_file():
        pages.append(f"{base}page/{number}/index.html")
        number += 1
    return pages


def listed_ids(site: Path, first: str) -> list[str]:
    """Proposal ids of the cards over every page of a list, in order."""
    ids = []
    for path in list_pages(site, first):
        for a in soup(site, path).select("main .cards .card-title a"):
            match = re.search(r"proposals/([a-z0-9-]+)/$", a["href"])
            if match:
                ids.append(match.group(1))
    return ids


def facet_nav(page: BeautifulSoup) -> dict[str, list[tuple[str, str, int]]]:
    """{kind: [(name, href, count)]} of a page's facet nav."""
    return {
        div["data-facet"]: [(text(li.a), li.a["href"], int(li.data["value"])) for li in div.select("li")]
        for div in page.select("nav.facets .facet")
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The small fixture: three proposals and a tombstone."""
    return build(tmp_path_factory.mktemp("fixture"), FIXTURE)


# --- the proposals index ---------------------------------------------------


def test_index_lists_every_published_proposal_once_newest_first(site):
    pages = list_pages(site, "proposals/index.html")
    assert len(pages) == math.ceil(len(PROPOSALS) / PER_PAGE)
    assert pages[1] == "proposals/page/2/index.html"
    assert listed_ids(site, "proposals/index.html") == NEWEST_FIRST
    sizes = [len(soup(site, path).select("main .cards > li")) for path in pages]
    assert sizes == [PER_PAGE] * (len(pages) - 1) + [len(PROPOSALS) - PER_PAGE * (len(pages) - 1)]


def test_pager_marks_the_current_page_and_works_without_js(site):
    page = soup(site, "proposals/page/2/index.html")
    pager = page.find("nav", class_="pager")
    assert pager["aria-label"] == "建议列表分页"
    last = len(list_pages(site, "proposals/index.html"))
    expected = [("上一页", "../../../proposals/", None, "prev"), ("1", "../../../proposals/", None, None)]
    expected += [
        (str(n), f"../../../proposals/page/{n}/", "page" if n == 2 else None, None) for n in range(2, last + 1)
    ]
    expected += [("下一页", "../../../proposals/page/3/", None, "next")]
    assert [
        (text(a), a["href"], a.get("aria-current"), (a.get("rel") or [None])[0]) for a in pager.find_all("a")
    ] == expected
    assert page.find_all("script") == []
    assert text(page.find(class_="page-status")) == f"第 2 页，共 {last} 页（第 21–40 条）"
    assert page.title.string.startswith("建议公开（第 2 页）")


def test_first_page_has_no_previous_and_last_no_next(site):
    pages = list_pages(site, "proposals/index.html")
    first = [text(a) for a in soup(site, pages[0]).select("nav.pager a")]
    last = [text(a) for a in soup(site, pages[-1]).select("nav.pager a")]
    assert first[0] == "1" and first[-1] == "下一页"
    assert last[0] == "上一页" and last[-1] == str(len(pages))


# --- facets ----------------------------------------------------------------


def test_index_shows_facets_with_counts_that_match_the_data(site):
    nav = facet_nav(soup(site, "proposals/index.html"))
    assert list(nav) == KINDS
    for kind in KINDS:
        shown = {re.search(rf"proposals/{kind}/([^/]+)/$", href).group(1): count for _, href, count in nav[kind]}
        assert shown == dict(EXPECTED_COUNTS[kind]), kind
    assert sum(count for _, _, count in nav["district"]) == len(PROPOSALS)
    assert sum(count for _, _, count in nav["year"]) == len(PROPOSALS)
    assert [name for name, _, _ in nav["topic"]] == [
        t for t in SLUGS["topics"] if EXPECTED_COUNTS["topic"][SLUGS["topics"][t]]
    ]
    assert [name for name, _, _ in nav["year"]] == [f"{y}年" for y in sorted(EXPECTED_COUNTS["year"], reverse=True)]


def test_facet_pages_are_written_for_every_value_with_proposals(site):
    for kind in KINDS:
        written = {p.name for p in (site / "proposals" / kind).iterdir()}
        assert written == set(EXPECTED_COUNTS[kind]), kind


@pytest.mark.parametrize("kind", KINDS)
def test_each_facet_page_lists_exactly_its_proposals(site, kind):
    for slug, count in EXPECTED_COUNTS[kind].items():
        first = f"proposals/{kind}/{slug}/index.html"
        expected = [i for i in NEWEST_FIRST if facet_key(kind, next(p for p in PROPOSALS if p["id"] == i)) == slug]
        assert listed_ids(site, first) == expected, (kind, slug)
        page = soup(site, first)
        assert int(page.select_one("main h1 ~ p data")["value"]) == count
        assert len(list_pages(site, first)) == max(1, math.ceil(count / PER_PAGE))
        current = page.select('nav.facets a[aria-current="page"]')
        assert [a["href"] for a in current] == [f"../../../proposals/{kind}/{slug}/"]


def test_facet_page_heading_names_the_facet(site):
    assert text(soup(site, "proposals/topic/transport/index.html").h1) == "领域：交通出行"
    assert text(soup(site, "proposals/year/2024/index.html").h1) == "收到年份：2024年"
    assert text(soup(site, "proposals/decision/partly-adopted/index.html").h1) == "办理结果：部分采纳"
    if EXPECTED_COUNTS["district"]["citywide"]:
        assert text(soup(site, "proposals/district/citywide/index.html").h1) == "建议人所在地区：全市（未细分）"


# --- campaigns -------------------------------------------------------------


def test_vocabulary_slugs_match_the_site_vocabulary():
    vocabulary = Vocabulary.from_yaml(VOCAB)
    assert list(vocabulary.campaigns.values()) == CAMPAIGN_SLUGS
    assert list(vocabulary.topic_slugs) == list(vocabulary.topics)
    assert list(vocabulary.district_slugs) == list(vocabulary.districts)
    assert vocabulary.district_slugs["徐州经济技术开发区"] == "xuzhou-etdz"


@pytest.mark.parametrize("slug", CAMPAIGN_SLUGS)
def test_campaign_page_lists_exactly_its_proposals_and_stories(site, slug):
    name = next(n for n, s in SLUGS["campaigns"].items() if s == slug)
    page = soup(site, f"campaigns/{slug}/index.html")
    assert text(page.h1) == name
    assert page.select_one(".campaign-intro p")  # the hand-written intro
    expected = [i for i in NEWEST_FIRST if next(p for p in PROPOSALS if p["id"] == i)["campaign"] == name]
    assert listed_ids(site, f"campaigns/{slug}/index.html") == expected
    stories = sorted(
        (s for s in STORIES if s["campaign"] == name), key=lambda s: (s["published_on"], s["id"]), reverse=True
    )
    assert [a["href"] for a in page.select("#stories-heading ~ ul .card-title a")] == [
        f"../../stories/{s['id']}/" for s in stories
    ]
    figures = {text(f.dt): int(f.dd.data["value"]) for f in page.select("dl.figures .figure") if f.dd.data}
    assert figures["公开展示"] == len(expected) and figures["成果案例"] == len(stories)
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == (
        f"../../feeds/campaigns/{slug}.atom.xml"
    )


def test_campaigns_index(site):
    page = soup(site, "campaigns/index.html")
    cards = page.select("main .card")
    assert [c["data-campaign"] for c in cards] == CAMPAIGN_SLUGS
    assert [[int(d["value"]) for d in c.select("data")] for c in cards] == [
        [
            sum(1 for p in PROPOSALS if SLUGS["campaigns"].get(p["campaign"]) == slug),
            sum(1 for s in STORIES if SLUGS["campaigns"].get(s["campaign"]) == slug),
        ]
        for slug in CAMPAIGN_SLUGS
    ]


# --- feeds -----------------------------------------------------------------


FEED_MAX_ITEMS = read_settings(str(ROOT / "pelicanconf.py"))["FEED_MAX_ITEMS"]


def feed_entries(site: Path, path: str) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.parse(site / path).getroot()
    return root, root.findall(f"{ATOM}entry")


def expected_publication(proposal: dict) -> str:
    return proposal["first_published"]


def test_all_feed_has_the_newest_proposals_and_stories_newest_first(site):
    root, entries = feed_entries(site, "feeds/all.atom.xml")
    assert root.tag == f"{ATOM}feed"
    assert len(PROPOSALS) + len(STORIES) > FEED_MAX_ITEMS == len(entries)
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    published = [e.findtext(f"{ATOM}published") for e in entries]
    assert published == sorted(published, reverse=True)
    assert root.findtext(f"{ATOM}updated") == published[0]
    # Exactly the newest records: none left out is newer than the oldest entry.
    every = {f"../proposals/{p['id']}/": f"{expected_publication(p)}T00:00:00+08:00" for p in PROPOSALS}
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    left_out = [day for link, day in every.items() if link not in links]
    assert all(day <= published[-1] for day in left_out)
    by_link = {e.find(f"{ATOM}link").get("href"): e for e in entries}
    for p in PROPOSALS:
        if f"../proposals/{p['id']}/" not in by_link:
            continue
        entry = by_link[f"../proposals/{p['id']}/"]
        assert entry.findtext(f"{ATOM}published") == f"{expected_publication(p)}T00:00:00+08:00"
        assert entry.findtext(f"{ATOM}id") == urn(f"proposal:{p['id']}")
        assert entry.findtext(f"{ATOM}title") == p["title"]


@pytest.mark.parametrize("slug", CAMPAIGN_SLUGS)
def test_campaign_feed_has_the_campaign_records(site, slug):
    name = next(n for n, s in SLUGS["campaigns"].items() if s == slug)
    root, entries = feed_entries(site, f"feeds/campaigns/{slug}.atom.xml")
    assert len(entries) == min(FEED_MAX_ITEMS, sum(1 for r in PROPOSALS + STORIES if r["campaign"] == name))
    assert root.findtext(f"{ATOM}title").endswith(f" · {name}")
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == f"../../campaigns/{slug}/"
    assert {e.find(f"{ATOM}link").get("href")[:9] for e in entries} <= {"../../pro", "../../sto"}


def test_publication_date_falls_back_to_the_latest_dated_stage():
    record = yaml.safe_load((FIXTURE / "proposals/xzjy-2024-000101.yaml").read_text(encoding="utf-8"))
    del record["first_published"], record["last_updated"]  # data exported before the dates were recorded
    vocabulary = Vocabulary.from_yaml(VOCAB)
    assert published_on(Proposal.from_yaml(record, vocabulary)) == date(2024, 7, 15)
    record["timeline"][5]["date"] = None  # 展示 without a date: 褒奖 is the latest dated stage
    assert published_on(Proposal.from_yaml(record, vocabulary)) == date(2024, 12, 20)
    for item in record["timeline"]:
        item["date"] = "2024" if item["date"] else None
    assert published_on(Proposal.from_yaml(record, vocabulary)) == date(2024, 1, 1)
    assert first_day("2024-03") == date(2024, 3, 1)


def test_feed_escapes_citizen_text(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "proposals/xzjy-2024-000188.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["body"] = '<script>alert("x")</script>'
    record["outcome"] = "<b>粗</b>"
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, entries = feed_entries(build(tmp_path / "site", data), "feeds/all.atom.xml")
    entry = next(e for e in entries if e.find(f"{ATOM}link").get("href").endswith("xzjy-2024-000188/"))
    assert entry.findtext(f"{ATOM}content") == (
        "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p><p>&lt;b&gt;粗&lt;/b&gt;</p>"
    )


# --- sitemap, robots.txt, tombstones ---------------------------------------


def sitemap(site: Path) -> dict[str, str | None]:
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    return {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root}


def indexable_pages(site: Path) -> set[str]:
    found = set()
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        robots = page.find("meta", attrs={"name": "robots"})
        if not (robots and "noindex" in robots["content"]):
            found.add(str(path.relative_to(site)).removesuffix("index.html") or "./")
    return found


def test_sitemap_lists_every_indexable_page(site):
    urls = sitemap(site)
    assert set(urls) == indexable_pages(site)
    assert list(urls) == sorted(urls)
    assert "404.html" not in urls
    assert {f"proposals/{p['id']}/" for p in PROPOSALS} <= set(urls)
    assert {"proposals/page/2/", "campaigns/work-safety/", "proposals/topic/transport/"} <= set(urls)
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in urls.values() if d)
    proposal = next(p for p in PROPOSALS if p["id"] == NEWEST_FIRST[0])
    assert urls[f"proposals/{proposal['id']}/"] == proposal["last_updated"]


def test_tombstones_are_not_in_sitemap_or_feeds(fixture_site):
    tombstone = "xzjy-2023-000045"
    assert (fixture_site / f"proposals/{tombstone}/index.html").is_file()
    assert not any(tombstone in url for url in sitemap(fixture_site))
    for feed in ["feeds/all.atom.xml", *(f"feeds/campaigns/{s}.atom.xml" for s in CAMPAIGN_SLUGS)]:
        assert tombstone not in (fixture_site / feed).read_text(encoding="utf-8"), feed
    _, entries = feed_entries(fixture_site, "feeds/all.atom.xml")
    assert len(entries) == 3 + 1  # published proposals and the story


def test_empty_campaign_feed_is_still_valid_and_dated(fixture_site):
    root, entries = feed_entries(fixture_site, "feeds/campaigns/business-environment.atom.xml")
    assert entries == []
    assert root.findtext(f"{ATOM}updated") == "2024-09-10T00:00:00+08:00"  # the site's newest entry


def test_robots_txt(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n\nSitemap: /sitemap.xml\n"


def test_absolute_urls_when_siteurl_is_set(tmp_path):
    siteurl = "https://jianyi.example.cn"
    out = build(tmp_path / "site", FIXTURE, SITEURL=siteurl, RELATIVE_URLS=False)
    assert (out / "robots.txt").read_text(encoding="utf-8").endswith(f"Sitemap: {siteurl}/sitemap.xml\n")
    assert all(url.startswith(f"{siteurl}/") for url in sitemap(out))
    root, entries = feed_entries(out, "feeds/all.atom.xml")
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{siteurl}/feeds/all.atom.xml"
    assert {e.find(f"{ATOM}link").get("href") for e in entries} == {
        f"{siteurl}/proposals/xzjy-2024-000101/",
        f"{siteurl}/proposals/xzjy-2024-000188/",
        f"{siteurl}/proposals/xzjy-2024-000215/",
        f"{siteurl}/stories/grassroots-burden-2024/",
    }
    # Ids do not depend on the host.
    _, relative = feed_entries(build(tmp_path / "relative", FIXTURE), "feeds/all.atom.xml")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [e.findtext(f"{ATOM}id") for e in relative]


# --- determinism -----------------------------------------------------------


def test_two_builds_give_identical_bytes(site, tmp_path):
    again = build(tmp_path / "again")
    mine = ["sitemap.xml", "robots.txt"]
    for folder in ["feeds", "campaigns", "proposals"]:
        mine += [str(p.relative_to(site)) for p in (site / folder).rglob("*") if p.is_file()]
    for name in mine:
        assert (again / name).read_bytes() == (site / name).read_bytes(), name
