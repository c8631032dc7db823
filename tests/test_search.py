"""Search: the Pagefind index built at the end of every pelican build, and the /search/ page.

Builds the sample (data/public) and a copy of the fixture with look-alike
records, each once per module, with SHOWCASE_SEARCH on; reads the index files
(gzip, a ``pagefind_dcd`` signature, then JSON); runs real queries with
Pagefind's own ``pagefind.js`` in Node.js (no browser) against the built
site served on localhost. The browser tests of the page are in
tests/browser/test_search.py.

Run from the project root: .venv/bin/python -m pytest tests/test_search.py -q
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml
from pelican import Pelican
from pelican.settings import read_settings
from sitebuild import ROOT, build, copy_fixture, proposal, soup, text, write_yaml

sys.path.insert(0, str(ROOT / "plugins"))

from showcase import search as showcase_search

SAMPLE = ROOT / "data" / "public"
NODE = shutil.which("node")
# The citation block, the timeline, the nav, the banner, the footer: on the page, never in the index.
NOT_INDEXED = [
    "引用本页",
    "参考文献格式",
    "[EB/OL]",
    "永久链接",
    "办理进程",
    "跳到正文",
    "本站内容由程序生成",
    "开放数据",
]
# The filters (data-pagefind-filter), named as /search/ shows them: kind, campaign, topic, district, year, decision.
KIND, CAMPAIGN, TOPIC, DISTRICT, YEAR, DECISION = "类别", "专项活动", "领域", "建议人所在地区", "年份", "办理结果"
FILTER_KEYS = {KIND, CAMPAIGN, TOPIC, DISTRICT, YEAR, DECISION}
CITYWIDE = "全市（未细分）"  # the district bucket of coarsened proposers (facet pages)


# --- helpers ---------------------------------------------------------------


def read_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def records(data: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    """Published proposals and stories of a data folder, by page URL."""
    proposals = {f"/proposals/{r['id']}/": r for r in map(read_yaml, sorted((data / "proposals").glob("*.yaml")))}
    stories = {f"/stories/{r['id']}/": r for r in map(read_yaml, sorted((data / "stories").glob("*.yaml")))}
    return {url: r for url, r in proposals.items() if r["status"] == "published"}, stories


def fragments(site: Path) -> dict[str, dict]:
    """Every fragment of the index, by page URL: Pagefind writes gzip(signature + JSON)."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        start = raw.index(b"{")
        assert raw[:start] == b"pagefind_dcd", path
        fragment = json.loads(raw[start:])
        found[fragment["url"]] = fragment
    return found


def plain(value: str) -> str:
    """Text without Pagefind's word breaks (U+200B) and without whitespace."""
    return "".join(value.replace("\u200b", "").split())


def indexed_text(fragment: dict) -> str:
    return plain(json.dumps(fragment, ensure_ascii=False))


def page_text(site: Path, url: str) -> str:
    return plain(soup(site, url.strip("/") + "/index.html").get_text())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# pagefind.js takes the query's language from <html lang>: a stand-in document gives it the site's,
# so Node.js takes the browser's path for Chinese queries (plugins/showcase/search.py).
SEARCH_JS = """
const [bundle, base, queries] = process.argv.slice(1);
const pagefind = await import(bundle);
globalThis.document = { querySelector: () => ({ getAttribute: () => "zh-Hans" }) };
await pagefind.options({ basePath: base, baseUrl: "/" });
await pagefind.init();
const found = {};
for (const query of JSON.parse(queries)) {
  const response = await pagefind.search(query);
  found[query] = (await Promise.all(response.results.map((r) => r.data()))).map((d) => d.url);
}
console.log(JSON.stringify(found));
"""


def run_search(site: Path, queries: list[str]) -> dict[str, list[str]]:
    """Each query's result URLs, best first, from Pagefind's own pagefind.js in Node.js.

    pagefind.js fetches its index over HTTP (Node's fetch has no file: URLs),
    so the site is served on an ephemeral localhost port for the run.
    """
    if NODE is None:
        pytest.skip("Node.js is not installed: the index is checked from its files only")
    handler = functools.partial(_Quiet, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/pagefind/"
            bundle = (site / "pagefind" / "pagefind.js").as_uri()
            result = subprocess.run(
                [NODE, "--input-type=module", "-e", SEARCH_JS, bundle, base, json.dumps(queries)],
                capture_output=True, text=True, timeout=60, check=False,
            )  # fmt: skip
        finally:
            server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- sites -----------------------------------------------------------------


LOOKALIKE = "/proposals/xzjy-2024-000301/"  # 电话 and 楼梯, never 电梯
RIDERS = "/proposals/xzjy-2024-000302/"
FIRE = "/proposals/xzjy-2024-000303/"
LIFT = "/proposals/xzjy-2024-000215/"  # the fixture's lift proposal (its co-unit: 市消防救援支队)


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("sample"), SAMPLE, SHOWCASE_SEARCH=True)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    data = copy_fixture(tmp_path_factory.mktemp("data"))
    folder = data / "proposals"
    write_yaml(
        folder / "xzjy-2024-000301.yaml",
        proposal(
            "xzjy-2024-000301",
            title="老旧小区楼梯间照明坏了没人修",
            topic="城乡建设",
            body="我们楼的楼梯间灯坏了半年，晚上上下楼很不方便。打物业电话一直没人接，希望公布维修电话。",
            outcome="物业已修好楼梯间照明，并在单元门口公示维修电话。",
        ),
    )
    write_yaml(
        folder / "xzjy-2024-000302.yaml",
        proposal(
            "xzjy-2024-000302",
            title="为外卖骑手设置临时停车点",
            topic="新就业群体",
            received="2023-11",
            body="外卖骑手送餐时找不到地方停车，建议在商圈设置临时停车点。",
        ),
    )
    write_yaml(
        folder / "xzjy-2024-000303.yaml",
        proposal(
            "xzjy-2024-000303",
            title="在老旧小区开展消防安全宣传",
            topic="安全生产",
            decision="部分采纳",
            body="很多老人不会用灭火器，建议组织消防安全宣传进小区。",
        ),
    )
    return data


@pytest.fixture(scope="module")
def fixture_site(data, tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("fixture"), data, SHOWCASE_SEARCH=True)


# --- the index -------------------------------------------------------------


def test_the_bundle_is_written_with_the_files_the_page_loads(sample_site):
    bundle = sample_site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == "1.5.2"
    assert list(entry["languages"]) == ["zh-hans"]  # from <html lang="zh-Hans">
    for name in ("pagefind.js", "pagefind-worker.js"):
        assert (bundle / name).is_file(), name
    assert list(bundle.glob("wasm.*.pagefind")) and list(bundle.glob("index/*.pf_index"))
    page = soup(sample_site, "search/index.html")
    urls = [tag.get("src") or tag.get("href") for tag in page.find_all(src=True) + page.find_all("link", href=True)]
    urls.append(page.select_one("form[role=search]")["data-pagefind"])  # what theme/js/search.js imports
    assert "../pagefind/pagefind.js" in urls
    for url in urls:
        assert (sample_site / "search" / url).resolve().is_file(), url


def test_pagefinds_ready_made_interfaces_are_not_published(sample_site):
    bundle = sample_site / "pagefind"
    names = {p.name for p in bundle.iterdir() if p.is_file()}
    assert not names & set(showcase_search.UNUSED_FILES), names
    assert not [name for name in names if "-ui" in name or "highlight" in name], names
    search_page = (sample_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "-ui." not in search_page and "pagefind-" not in search_page


def test_indexes_exactly_the_published_proposals_and_stories(sample_site):
    proposals, stories = records(SAMPLE)
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["zh-hans"]["page_count"] == len(proposals) + len(stories)
    assert set(fragments(sample_site)) == set(proposals) | set(stories)


def test_only_proposal_story_and_session_pages_mark_a_region_to_index(sample_site):
    proposals, stories = records(SAMPLE)
    sessions = {f"/sessions/{p.stem}/" for p in (SAMPLE / "sessions").glob("*.yaml")}
    assert sessions
    for path in sorted(sample_site.rglob("*.html")):
        url = "/" + str(path.relative_to(sample_site)).removesuffix("index.html")
        marked = soup(sample_site, path.relative_to(sample_site)).select("[data-pagefind-body]")
        assert len(marked) == (1 if url in proposals or url in stories or url in sessions else 0), url


def test_filters_are_the_records_facets(sample_site):
    proposals, stories = records(SAMPLE)
    for url, fragment in fragments(sample_site).items():
        filters = {key: values for key, values in fragment["filters"].items()}
        assert set(filters) <= FILTER_KEYS, url
        if url in proposals:
            r = proposals[url]
            expected = {
                KIND: ["建议"],
                TOPIC: [r["topic"]],
                DISTRICT: [r["proposer"]["district"] or CITYWIDE],
                YEAR: [f"{r['received'][:4]}年"],
                DECISION: [r["decision"]],
            }
        else:
            r = stories[url]
            expected = {KIND: ["成果案例"], YEAR: [f"{r['published_on'][:4]}年"]}
        if r["campaign"]:
            expected[CAMPAIGN] = [r["campaign"]]
        assert filters == expected, url
        assert fragment["meta"]["title"] == r["title"], url


def test_fixture_districts_and_campaigns_are_filters(fixture_site):
    found = fragments(fixture_site)
    assert found["/proposals/xzjy-2024-000101/"]["filters"][DISTRICT] == ["铜山区"]
    assert found["/proposals/xzjy-2024-000188/"]["filters"][DISTRICT] == ["泉山区"]
    assert found[LIFT]["filters"][DISTRICT] == [CITYWIDE]
    assert found["/proposals/xzjy-2024-000101/"]["filters"][CAMPAIGN] == ["为基层减负"]
    assert CAMPAIGN not in found[LIFT]["filters"]
    assert found[RIDERS]["filters"][YEAR] == ["2023年"]
    assert "/proposals/xzjy-2023-000045/" not in found  # withdrawn


def test_the_index_holds_only_what_the_pages_show(sample_site):
    found = fragments(sample_site)
    for url, fragment in found.items():
        shown = page_text(sample_site, url)
        # Pagefind ends a heading or block without a stop with ". ": not text of its own.
        for word in fragment["content"].replace("\u200b", "").split():
            assert plain(word).rstrip(".") in shown, (url, word)
        assert plain(fragment["meta"]["title"]) in shown, url
        for key, values in fragment["filters"].items():
            for value in values:
                assert value in shown or (key == DISTRICT and value == CITYWIDE), (url, key, value)
        for words in NOT_INDEXED:
            assert words not in indexed_text(fragment), (url, words)


def test_no_credited_name_is_in_the_index(sample_site):
    names = {
        award["recipient"]
        for path in sorted((SAMPLE / "commendations").glob("*.yaml"))
        for award in read_yaml(path)["awards"]
        if award["recipient"]
    }
    assert names, "the sample should credit some recipients by name"
    for path in sorted((sample_site / "pagefind").rglob("*.pf_*")):
        raw = path.read_bytes()
        content = plain(gzip.decompress(raw).decode("utf-8", errors="ignore") if raw[:2] == b"\x1f\x8b" else "")
        assert not [name for name in names if name in content], path


def test_leak_scan_of_the_built_site_is_clean(sample_site):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(SAMPLE), str(sample_site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


# --- real queries (Pagefind's pagefind.js in Node.js) ----------------------


def test_queries_find_the_right_records_and_no_lookalikes(fixture_site):
    found = fragments(fixture_site)
    assert "电话" in indexed_text(found[LOOKALIKE]) and "楼梯" in indexed_text(found[LOOKALIKE])
    results = run_search(fixture_site, ["电梯", "电话", "减负", "外卖骑手", "消防"])
    assert results["电梯"] == [LIFT]
    assert LOOKALIKE in results["电话"]  # it is searchable: 电梯 does not find it because it only looks alike
    assert set(results["减负"]) == {"/proposals/xzjy-2024-000101/", "/stories/grassroots-burden-2024/"}
    assert results["外卖骑手"] == [RIDERS]
    assert results["消防"][0] == FIRE
    assert set(results["消防"]) == {FIRE, LIFT}  # the lift proposal's co-unit is 市消防救援支队


QUERIES = ["电梯", "减负", "外卖骑手", "消防"]


@pytest.fixture(scope="module")
def sample_results(sample_site) -> dict[str, list[str]]:
    return run_search(sample_site, QUERIES)


@pytest.mark.parametrize("query", QUERIES)
def test_sample_queries_rank_a_matching_title_first(sample_site, sample_results, query):
    results = sample_results[query]
    found = fragments(sample_site)
    assert results, query
    assert query in found[results[0]]["meta"]["title"], results[0]
    # Every result shows the words of the query (外卖骑手: 外卖 and 骑手); none only looks alike.
    words = ["外卖", "骑手"] if query == "外卖骑手" else [query]
    for url in results:
        assert all(word in indexed_text(found[url]) for word in words), (query, url)
    # And every indexed page that shows the query is found.
    assert {url for url, f in found.items() if query in indexed_text(f)} <= set(results)


def test_chinese_queries_are_not_split_by_the_browser(sample_site):
    """In Chromium, Intl.Segmenter splits 加装电梯 into 加装 + 电梯 and 营商环境 into 营商 + 环境, words the
    index does not have (it has 加 装 电梯, 营商 环境...): nothing was found. Pagefind's own matching finds all."""
    for name in showcase_search.SEARCH_SCRIPTS:
        code = (sample_site / "pagefind" / name).read_bytes()
        assert showcase_search.SPLIT_LANGUAGES not in code and showcase_search.SPLIT_LANGUAGES_BUT_CHINESE in code
    queries = ["加装电梯", "营商环境", "基层减负", "电动车充电"]
    results = run_search(sample_site, queries)
    found = fragments(sample_site)
    for query in queries:
        showing = {url for url, f in found.items() if query in indexed_text(f)}
        assert showing and showing <= set(results[query]), query
        assert results[query][0] in showing, query


# --- the build -------------------------------------------------------------


def test_two_builds_give_the_same_fragments_and_word_index(sample_site, tmp_path):
    """Pagefind's fragments and word index are content-hashed and identical between builds.
    Its filter files are not: it writes filter values in hash-map order, so their names,
    the .pf_meta name and the hash in pagefind-entry.json change from build to build."""
    again = build(tmp_path / "again", SAMPLE, SHOWCASE_SEARCH=True)
    for folder in ("fragment", "index"):
        mine = {p.name: p.read_bytes() for p in (sample_site / "pagefind" / folder).iterdir()}
        theirs = {p.name: p.read_bytes() for p in (again / "pagefind" / folder).iterdir()}
        assert mine == theirs, folder
    assert (again / "search/index.html").read_bytes() == (sample_site / "search/index.html").read_bytes()


def test_an_earlier_index_is_replaced(tmp_path):
    stale = tmp_path / "site" / "pagefind" / "fragment" / "zh-hans_0000000.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(gzip.compress(b'pagefind_dcd{"url": "/gone/"}'))
    site = build(tmp_path / "site", SHOWCASE_SEARCH=True)
    assert not stale.exists()
    assert (site / "pagefind" / "pagefind-entry.json").is_file()


def test_with_a_cache_the_index_is_kept_until_an_indexed_page_changes(tmp_path, monkeypatch):
    data, site, cache = copy_fixture(tmp_path), tmp_path / "site", tmp_path / "cache"
    build(site, data, SHOWCASE_SEARCH=True, SHOWCASE_CACHE=str(cache))
    entry = site / "pagefind" / "pagefind-entry.json"
    first = entry.stat().st_mtime_ns
    runs = []
    original = showcase_search.build_index
    monkeypatch.setattr(
        showcase_search, "build_index", lambda output, *rest: runs.append(output) or original(output, *rest)
    )
    build(site, data, SHOWCASE_SEARCH=True, SHOWCASE_CACHE=str(cache))
    assert runs == [] and entry.stat().st_mtime_ns == first
    path = data / "proposals" / "xzjy-2024-000101.yaml"
    record = read_yaml(path)
    record["title"] = "关于加装无障碍坡道的建议"
    write_yaml(path, record)
    build(site, data, SHOWCASE_SEARCH=True, SHOWCASE_CACHE=str(cache))
    assert len(runs) == 1
    fragments = [gzip.decompress(f.read_bytes()) for f in (site / "pagefind" / "fragment").iterdir()]
    assert any("关于加装无障碍坡道的建议".encode() in fragment for fragment in fragments)


def test_a_pagefind_failure_fails_the_build(tmp_path, monkeypatch):
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'Error: broken' >&2\nexit 3\n")
    failing.chmod(0o755)
    monkeypatch.setattr(showcase_search, "executable", lambda: failing)
    with pytest.raises(showcase_search.SearchIndexError, match="退出码 3"):
        build(tmp_path / "site", SHOWCASE_SEARCH=True)


def test_the_pelican_command_exits_non_zero_when_pagefind_fails(tmp_path, monkeypatch):
    from pelican import main

    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setattr(showcase_search, "executable", lambda: failing)
    monkeypatch.chdir(ROOT)
    args = [
        "content",
        "-s",
        "pelicanconf.py",
        "-o",
        str(tmp_path / "site"),
        "-e",
        'SHOWCASE_DATA="tests/fixtures/public"',
    ]
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 1


def test_an_index_of_other_pages_than_the_marked_ones_fails_the_build(tmp_path, monkeypatch):
    # As if one page had lost its data-pagefind-body: Pagefind indexes more pages than are marked.
    real = showcase_search.marked_pages
    monkeypatch.setattr(showcase_search, "marked_pages", lambda output, *rest: real(output, *rest)[1:])
    with pytest.raises(showcase_search.SearchIndexError, match="应为"):
        build(tmp_path / "site", SHOWCASE_SEARCH=True)


def test_a_site_without_records_gets_no_index(tmp_path):
    (tmp_path / "proposals" / "xzjy-2024-000001").mkdir(parents=True)
    (tmp_path / "proposals" / "xzjy-2024-000001" / "index.html").write_text(
        '<html lang="zh-CN"><body><p>这条建议已不再公开。</p></body></html>', encoding="utf-8"
    )
    assert showcase_search.build_index(tmp_path) is None
    assert not (tmp_path / "pagefind").exists()


def test_search_off_writes_no_index(tmp_path):
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(tmp_path / "site"), "SHOWCASE_DATA": str(ROOT / "tests" / "fixtures" / "public"),
                  "SHOWCASE_SEARCH": False},
    )  # fmt: skip
    Pelican(settings=settings).run()
    assert (tmp_path / "site" / "search" / "index.html").is_file()
    assert not (tmp_path / "site" / "pagefind").exists()


# --- the /search/ page -----------------------------------------------------


def test_search_page_has_a_get_form_a_lazy_filter_pane_and_a_live_summary(sample_site):
    page = soup(sample_site, "search/index.html")
    assert text(page.h1) == "搜索"
    ui = page.select_one("main .search-ui")
    form = ui.select_one("form[role=search]")
    assert form["method"] == "get"  # ?q= on this page, read by search.js
    assert (sample_site / "search" / form["action"] / "index.html").resolve() == sample_site / "search/index.html"
    field = form.select_one("input[type=search][name=q]")
    assert text(form.find("label", attrs={"for": field["id"]})) == "搜索关键词"
    assert field["placeholder"].startswith("例如")
    assert [text(b) for b in form.select("button[type=submit]")] == ["搜索"]
    status = ui.select_one(".search-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    assert ui.select_one("ol.search-results") is not None
    more = ui.select_one("button.search-more")
    assert text(more) == "更多结果" and more.has_attr("hidden")
    # The pane is empty until opened (search.js fills it from pagefind.filters()); its order names
    # every filter of the index, and its summary says what they are.
    filters = ui.select_one("details.search-filters")
    assert not filters.has_attr("open") and not filters.select("input")
    summary = text(filters.summary)
    assert all(name in summary for name in ("类别", "专项活动", "领域", "地区", "年份", "办理结果"))
    assert set(filters["data-order"].split()) == FILTER_KEYS
    keys = {key for fragment in fragments(sample_site).values() for key in fragment["filters"]}
    assert keys == FILTER_KEYS - ({CAMPAIGN} if not any(r["campaign"] for r in records(SAMPLE)[0].values()) else set())
    assert [s["src"] for s in page.find_all("script", src=True)] == ["../theme/js/search.js"]
    assert page.find("script", src=True)["type"] == "module"


SCRIPT = ROOT / "theme" / "static" / "js" / "search.js"
HAN_OR_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def test_the_script_has_no_words_of_its_own_and_the_page_gives_every_one_it_uses(sample_site):
    """Each edition's search page speaks its language: search.js takes its words from .search-ui's
    data-* attributes (written with gettext), never from Chinese of its own."""
    script = SCRIPT.read_text(encoding="utf-8")
    assert not HAN_OR_CJK_PUNCTUATION.findall(script)
    used = set(re.findall(r"""\bwords\("(\w+)\"""", script)) | set(re.findall(r"\bWORDS\.(\w+)", script))
    used |= {f"{way}{about}" for way in ("found", "none") for about in ("Term", "Filters")}  # say() builds these keys
    assert {"unavailable", "count", "kindFilter", "yearFilter"} <= used
    ui = soup(sample_site, "search/index.html").select_one("main .search-ui")
    given = {re.sub(r"-(\w)", lambda m: m.group(1).upper(), name[len("data-"):]): value
             for name, value in ui.attrs.items() if name.startswith("data-")}  # fmt: skip
    assert used <= set(given), used - set(given)
    assert {given["kindFilter"], given["yearFilter"]} <= FILTER_KEYS
    for key in ("foundTerm", "noneTerm"):
        assert "{term}" in given[key], key
    for key in ("foundTerm", "foundFilters", "count"):
        assert "{count}" in given[key], key
    assert given["foundTerm"] == "找到 {count} 条与“{term}”相关的结果。"  # today's words, from the page


def test_without_javascript_the_page_says_so_and_links_to_the_lists(sample_site):
    page = soup(sample_site, "search/index.html")
    noscript = page.find("main").find("noscript")
    assert "本页搜索需要启用 JavaScript" in text(noscript)
    assert page.select_one("main .search-ui").has_attr("hidden")  # theme/js/search.js shows it
    links = {a["href"] for a in noscript.find_all("a")}
    assert {"../proposals/", "../stories/", "../campaigns/"} <= links
    assert "../proposals/topic/work-safety/" in links and "../proposals/district/citywide/" in links
    for href in links:
        assert (sample_site / "search" / href / "index.html").resolve().is_file(), href


def test_every_page_links_to_search_in_the_nav(sample_site):
    for path in [Path("index.html"), Path("proposals/index.html"), Path("search/index.html")]:
        nav = soup(sample_site, path).find("nav", attrs={"aria-label": "主导航"})
        link = nav.select_one("li.nav-search a")
        assert text(link) == "搜索"
        assert (sample_site / path.parent / link["href"] / "index.html").resolve() == sample_site / "search/index.html"
    current = soup(sample_site, "search/index.html").select_one("li.nav-search a")
    assert current["aria-current"] == "page"
