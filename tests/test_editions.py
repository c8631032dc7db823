"""The three editions (issue #14): 简体中文 at the root, 繁體中文 under zh-hant/, English under en/.

Builds the fixture site with all three editions (the rest of the suite builds the original
alone: tests/conftest.py) and checks URLs, languages, alternates, the Traditional conversion,
the English pages' text, feeds, citations, the sitemap and the search index per language.
"""

from __future__ import annotations

import functools
import http.server
import json
import posixpath
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin

import opencc
import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitebuild import FIXTURE, build, copy_fixture, soup, text
from test_search import NODE, _Quiet
from test_site import EXPECTED_FILES

ALL = ["zh-Hans", "zh-Hant", "en"]
PREFIXES = {"zh-Hans": "", "zh-Hant": "zh-hant/", "en": "en/"}
# Han ideographs, CJK punctuation and full-width forms: what an English page may show only
# inside an element marked lang="zh-…".
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Characters whose Traditional form differs: none may be left in the Traditional edition.
SIMPLIFIED_ONLY = "这们个发区议馆长证书时间办处见让说设计过还实现"
PROPOSAL = "proposals/xzjy-2024-000101/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("editions"), SHOWCASE_EDITIONS=ALL)


def html_pages(site: Path, prefix: str) -> list[str]:
    """The edition's HTML pages, as paths below its folder."""
    folder = site / prefix if prefix else site
    others = [p for p in PREFIXES.values() if p and p != prefix]
    found = []
    for page in folder.rglob("*.html"):
        path = page.relative_to(folder).as_posix()
        if not prefix and any(path.startswith(other) for other in others):
            continue
        found.append(path)
    return sorted(found)


def test_the_original_edition_keeps_every_url(site):
    original = {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith(("zh-hant/", "en/"))
    }
    assert original == EXPECTED_FILES


def test_every_page_exists_in_every_edition_with_its_language(site):
    pages = html_pages(site, "")
    assert len(pages) > 30
    for code, prefix in PREFIXES.items():
        assert html_pages(site, prefix) == pages, code
        for path in pages:
            assert soup(site, prefix + path).html["lang"] == code, (code, path)


def test_open_data_files_are_one_set(site):
    for prefix in ("zh-hant/", "en/"):
        written = sorted(p.relative_to(site / prefix / "data").as_posix() for p in (site / prefix / "data").rglob("*"))
        assert written == ["index.html"], prefix
        page = soup(site, prefix + "data/index.html")
        for link in page.select("a[href]"):
            href = link["href"]
            if href.endswith((".csv", ".json", ".yaml")):
                target = urljoin(f"{prefix}data/index.html", href)
                assert not target.startswith(prefix), href  # the root's files
                assert (site / target).is_file(), href


def alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def resolve(path: str, href: str) -> str:
    """The file a relative link of the page at ``path`` leads to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
    target = "" if target == "." else target
    return f"{target}/index.html".lstrip("/") if href.endswith("/") else target


def test_hreflang_alternates_exist_and_point_back(site):
    for code, prefix in PREFIXES.items():
        for path in html_pages(site, prefix):
            here = prefix + path
            if path == "404.html":  # served at any missing path: its links start at the root
                continue
            page = soup(site, here)
            found = alternates(page)
            assert set(found) == {*ALL, "x-default"}, here
            assert resolve(here, found["x-default"]) == path
            for other, href in found.items():
                there = resolve(here, href)
                assert (site / there).is_file(), (here, other, href)
                assert resolve(there, alternates(soup(site, there))[code]) == here, (here, other)


def test_the_language_switch_goes_to_the_same_page(site):
    for code, prefix in PREFIXES.items():
        here = prefix + PROPOSAL
        switch = soup(site, here).find("nav", class_="editions")
        links = {a["hreflang"]: resolve(here, a["href"]) for a in switch.select("a[hreflang]")}
        assert links == {c: p + PROPOSAL for c, p in PREFIXES.items() if c != code}
        assert switch.select_one('[aria-current="true"]')["lang"] == code


def test_the_traditional_edition_is_opencc_of_the_original(site):
    converter = opencc.OpenCC("s2hk")
    for path in (PROPOSAL, "index.html", "stats/index.html", "process/index.html", "data/index.html"):
        original = text(soup(site, path).find("main"))
        # The text, not the links: the page's permanent URL is its own edition's.
        traditional = text(soup(site, "zh-hant/" + path).find("main")).replace("/zh-hant/", "/")
        assert traditional == converter.convert(original), path
        left = {c for c in SIMPLIFIED_ONLY if c in original}
        assert left, path  # the page had Simplified-only characters...
        assert not left & set(traditional), path  # ...and they are all converted


def test_the_traditional_feed_and_citation_are_converted(site):
    converter = opencc.OpenCC("s2hk")
    for path in ("feeds/all.atom.xml", "proposals/xzjy-2024-000101/cite.bib"):
        original = (site / path).read_text(encoding="utf-8")
        traditional = (site / "zh-hant" / path).read_text(encoding="utf-8")
        assert "这" not in traditional and traditional != original
    feed = (site / "zh-hant/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert 'xml:lang="zh-Hant"' in feed
    assert converter.convert("考核指标不应层层下压到社区") in feed


def visible_outside_chinese(page: BeautifulSoup) -> list[str]:
    """Texts and readable attributes of a page outside elements marked lang="zh-…"."""
    for marked in page.select('[lang^="zh"]'):
        if marked.name != "html":
            marked.decompose()
    for hidden in page.select("script, style"):
        hidden.decompose()
    found = [s for s in page.find_all(string=True) if CJK.search(s)]
    for tag in page.find_all(True):
        for name in ("title", "aria-label", "alt", "content", "placeholder", "value"):
            value = tag.get(name)
            if isinstance(value, str) and CJK.search(value):
                found.append(f"{tag.name}[{name}]={value}")
    return found


def test_english_pages_have_no_untranslated_text(site):
    bad = {}
    for path in html_pages(site, "en/"):
        found = visible_outside_chinese(soup(site, "en/" + path))
        if found:
            bad[path] = found[:3]
    assert not bad


def test_an_english_proposal_page_marks_the_original_text(site):
    page = soup(site, "en/" + PROPOSAL)
    marked = page.select('main [lang="zh-Hans"]')
    assert any("社区每年要配合完成的考核和台账事项越来越多" in text(m) for m in marked)
    assert page.find(class_="note-original") is not None


def test_english_dates_read_in_english(site):
    page = soup(site, "en/" + PROPOSAL)
    dates = [text(t) for t in page.select("main time")]
    assert dates and all(re.fullmatch(r"(\d{1,2} )?([A-Z][a-z]+ )?\d{4}", d) for d in dates), dates


def test_english_feed_and_citations(site):
    feed = (site / "en/feeds/all.atom.xml").read_text(encoding="utf-8")
    assert 'xml:lang="en"' in feed
    assert "Listening to Xuzhou" in feed
    original = (site / "feeds/all.atom.xml").read_text(encoding="utf-8")
    ids = set(re.findall(r"<id>([^<]+)</id>", original))
    assert not ids & set(re.findall(r"<id>([^<]+)</id>", feed))  # each edition's entries have their own ids
    bib = (site / "en/proposals/xzjy-2024-000101/cite.bib").read_text(encoding="utf-8")
    assert "/en/proposals/xzjy-2024-000101/" in bib


def test_the_sitemap_lists_the_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url><loc>proposals/xzjy-2024-000101/</loc>.*?</url>", sitemap).group()
    assert 'hreflang="zh-Hant" href="zh-hant/proposals/xzjy-2024-000101/"' in entry
    assert 'hreflang="en" href="en/proposals/xzjy-2024-000101/"' in entry
    assert 'hreflang="x-default" href="proposals/xzjy-2024-000101/"' in entry
    assert "<loc>en/proposals/xzjy-2024-000101/</loc>" in sitemap


def test_a_missing_translation_fails_the_build_naming_it(tmp_path, monkeypatch):
    from showcase import editions

    catalogues = tmp_path / "i18n"
    shutil.copytree(editions.CATALOGUES, catalogues)
    site_po = catalogues / "en" / "site.po"
    cut = site_po.read_text(encoding="utf-8").replace('msgstr "Language editions"', 'msgstr ""')
    site_po.write_text(cut, encoding="utf-8")
    monkeypatch.setattr(editions, "CATALOGUES", catalogues)
    with pytest.raises(Exception, match="语言版本"):
        build(tmp_path / "out", SHOWCASE_EDITIONS=ALL)


def test_a_build_of_the_original_alone_writes_no_other_edition(tmp_path):
    out = build(tmp_path / "one", SHOWCASE_EDITIONS=["zh-Hans"])
    assert not (out / "en").exists() and not (out / "zh-hant").exists()
    assert soup(out, PROPOSAL).find("nav", class_="editions") is None
    assert not alternates(soup(out, PROPOSAL))


SEARCH_JS = """
const [bundle, base, lang, queries] = process.argv.slice(1);
const pagefind = await import(bundle);
globalThis.document = { querySelector: () => ({ getAttribute: () => lang }) };
await pagefind.options({ basePath: base, baseUrl: "/" });
await pagefind.init();
const found = {};
for (const query of JSON.parse(queries)) {
  const response = await pagefind.search(query);
  found[query] = (await Promise.all(response.results.map((r) => r.data()))).map((d) => d.url);
}
console.log(JSON.stringify(found));
"""


def search(site: Path, lang: str, *queries: str) -> dict[str, list[str]]:
    """Result URLs from Pagefind's own pagefind.js in Node.js, on a page whose <html lang> is
    ``lang`` (Node's fetch reads no file: URLs: the site is served on localhost)."""
    if NODE is None:
        pytest.fail("Node.js is needed to search the index")
    handler = functools.partial(_Quiet, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/pagefind/"
            command = [NODE, "--input-type=module", "-e", SEARCH_JS, (site / "pagefind" / "pagefind.js").as_uri(), base]
            result = subprocess.run([*command, lang, json.dumps(queries)], capture_output=True, text=True, timeout=60)
        finally:
            server.shutdown()
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def searched(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("search")
    data = copy_fixture(folder)
    return build(folder / "site", data, SHOWCASE_EDITIONS=ALL, SHOWCASE_SEARCH=True)


def test_each_edition_has_its_own_search_index(searched):
    entry = json.loads((searched / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "zh-hans", "zh-hant"]
    pages = {lang: value["page_count"] for lang, value in entry["languages"].items()}
    assert len(set(pages.values())) == 1


def test_traditional_search_finds_traditional_pages(searched):
    found = search(searched, "zh-Hant", "電梯", "减负")
    assert found["電梯"] and all(url.startswith("/zh-hant/") for url in found["電梯"])
    simplified = search(searched, "zh-Hans", "电梯")["电梯"]
    assert simplified and not any(url.startswith(("/zh-hant/", "/en/")) for url in simplified)


def test_english_search_finds_a_record_by_its_english_title(searched):
    titled = [
        path
        for path in sorted((FIXTURE / "proposals").glob("*.yaml"))
        if "title_en:" in path.read_text(encoding="utf-8")
    ]
    assert titled, "the fixture needs a proposal with an English title"
    record_id = titled[0].stem
    title = soup(searched, f"en/proposals/{record_id}/index.html").h1
    word = max(re.findall(r"[A-Za-z]{6,}", text(title)), key=len)
    found = search(searched, "en", word.lower())[word.lower()]
    assert f"/en/proposals/{record_id}/" in found
    assert all(url.startswith("/en/") for url in found)


def test_the_editions_build_is_deterministic(site, tmp_path):
    again = build(tmp_path / "again", SHOWCASE_EDITIONS=ALL)
    for path in [*html_pages(site, "zh-hant/")[:40], *html_pages(site, "en/")[:40]]:
        for prefix in ("zh-hant/", "en/"):
            assert (again / prefix / path).read_bytes() == (site / prefix / path).read_bytes()
