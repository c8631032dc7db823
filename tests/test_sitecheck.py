"""The static gates of `make check` (`python -m sitecheck OUTPUT`, and the leak
scan of `python -m pipeline check`): the sample site passes every check, and
each gate fails on a planted defect of `tests/fixtures/badsite/` with exactly
the expected findings.

The sample site is built as `make check` builds it: with the search index
(SHOWCASE_SEARCH), which the /search/ page loads. The HTML check needs Java
(.ci/run installs it); without Java its tests are skipped, except in CI.
Run from the project root: .venv/bin/python -m pytest tests/test_sitecheck.py -q
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitebuild import ROOT, build

from sitecheck import datapackage, feeds, html, links
from sitecheck.__main__ import CHECKS
from sitecheck.__main__ import main as sitecheck_main
from sitecheck.findings import Finding
from sitecheck.site import EXTERNAL, INTERNAL, SKIPPED, UNSAFE, Site

BADSITE = ROOT / "tests" / "fixtures" / "badsite"
SITEURL = "https://jianyi.example.cn"
needs_java = pytest.mark.skipif(
    shutil.which("java") is None and not os.environ.get("CI"), reason="the Nu HTML checker needs Java"
)
NO_REQUEST = "（本站不得向其他主机发起请求，外部链接只能出现在成果案例正文中）"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("sitecheck") / "site", ROOT / "data" / "public", SHOWCASE_SEARCH=True)


# --- the sample site passes ---------------------------------------------------


@pytest.mark.parametrize("name", [n for n in CHECKS if n != "html"])
def test_sample_site_passes(site, name):
    assert CHECKS[name][1](Site(site)) == []


@needs_java
def test_sample_site_is_valid_html(site):
    assert html.check(Site(site)) == []


def test_absolute_build_passes_with_its_siteurl(tmp_path):
    out = build(tmp_path / "site", ROOT / "data" / "public", SITEURL=SITEURL, RELATIVE_URLS=False, SHOWCASE_SEARCH=True)
    assert links.check(Site(out, SITEURL)) == []
    assert feeds.check(Site(out, SITEURL)) == []
    assert datapackage.check(Site(out, SITEURL)) == []
    # Without its address, the site's own absolute links are another host's.
    assert {f.code for f in links.check(Site(out))} == {"external"}


def test_command_passes_on_the_sample_site(site, capsys):
    assert sitecheck_main([str(site), "--only", "links", "--only", "feeds", "--only", "datapackage"]) == 0
    assert f"网站检查通过：{site}" in capsys.readouterr().out


@needs_java
def test_story_text_with_dropped_links_is_valid_html(tmp_path):
    """The sanitiser drops a link's unsafe URL: what is left must still be valid HTML."""
    from showcase.render import render_markdown

    text = render_markdown('[a](http://x.example/) [b](javascript:alert(1) "t") [c](https://x.example/) [d](../x/)')
    head = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head>'
    page = f"{head}<body>{text}</body></html>"
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    assert html.check(Site(tmp_path)) == []


# --- each gate fails on its planted defect -------------------------------------


def test_links_finds_the_broken_link_the_missing_anchor_and_every_other_host():
    assert links.check(Site(BADSITE)) == [
        Finding(
            "index.html",
            "第 7 行",
            "external",
            f"<script src> 引用了其他网站的地址：https://cdn.example.cn/tracker.js{NO_REQUEST}",
        ),
        Finding("index.html", "第 14 行", "broken", "<a href> 指向不存在的文件：missing/"),
        Finding("index.html", "第 15 行", "anchor", "<a href> 的锚点不存在：about/#team（目标页面没有 id=“team”）"),
        Finding(
            "index.html", "第 16 行", "external", f"<a href> 引用了其他网站的地址：https://example.cn/{NO_REQUEST}"
        ),
        # inside the story's text a link may leave the site, an image may not
        Finding(
            "index.html",
            "第 19 行",
            "external",
            f"<img src> 引用了其他网站的地址：https://img.example.cn/x.png{NO_REQUEST}",
        ),
        Finding(
            "theme/css/site.css",
            "第 2 行",
            "external",
            f"CSS url() 引用了其他网站的地址：https://fonts.example.cn/a.woff2{NO_REQUEST}",
        ),
    ]


@needs_java
def test_html_finds_the_invalid_construct():
    assert html.check(Site(BADSITE)) == [
        Finding(
            "about/index.html",
            "第 11 行第 5 列",
            "html",
            "HTML 不合规范：Element “p” not allowed as child of element “ul” in this context. "
            "(Suppressing further errors from this subtree.)",
        )
    ]


def test_feeds_finds_the_broken_xml_the_incomplete_entry_and_the_missing_pages():
    assert feeds.check(Site(BADSITE)) == [
        Finding("feeds/all.atom.xml", "第 3 行第 20 列", "xml", "XML 无法解析（mismatched tag）"),
        Finding("feeds/incomplete.atom.xml", "第 1 个 <entry>", "atom", "必须恰好有一个 <updated>（现有 0 个）"),
        Finding(
            "feeds/incomplete.atom.xml",
            "第 2 个 <entry>",
            "feed-link",
            "<link href> 指向不存在的页面：../proposals/gone/",
        ),
        Finding("sitemap.xml", "第 3 个 <url>", "sitemap", "<loc> 指向不存在的页面：missing/"),
    ]


def test_datapackage_finds_the_bad_field():
    assert datapackage.check(Site(BADSITE)) == [
        Finding(
            "data/datapackage.json",
            "资源 records 第 3 行 字段 count",
            "datapackage",
            '数据包校验错误（type-error）：type is "integer/default"',
        )
    ]


def test_leak_scan_fails_on_the_planted_phone_number(cli, tmp_path):
    status, _, err = cli("check", BADSITE)
    assert status == 1
    assert [line.strip() for line in err.splitlines() if line.startswith("  ")] == [
        f"{BADSITE}/leak/index.html 第 10 行第 11 列：疑似手机号 [mobile]"
    ]
    clean = shutil.copytree(BADSITE, tmp_path / "site", ignore=shutil.ignore_patterns("leak"))
    assert cli("check", clean)[0] == 0  # the phone number is what failed it


def test_command_fails_on_the_bad_site_and_lists_every_finding(capsys):
    assert sitecheck_main([str(BADSITE), "--only", "links", "--only", "feeds"]) == 1
    err = capsys.readouterr().err
    assert "链接与锚点：6 处问题" in err and "订阅与站点地图：4 处问题" in err
    assert "  index.html（第 14 行）：<a href> 指向不存在的文件：missing/ [broken]" in err.splitlines()
    assert err.splitlines()[-1] == f"网站检查未通过：{BADSITE} 共 10 处问题。"


def test_command_usage_errors(tmp_path, capsys):
    assert sitecheck_main([str(tmp_path / "missing")]) == 2
    assert "找不到要检查的网站文件夹" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit:
        sitecheck_main([str(tmp_path), "--only", "nonsense"])
    assert exit.value.code == 2


# --- what a URL points to -------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind", "file", "fragment"),
    [
        ("../about/", INTERNAL, "about/index.html", ""),
        ("../about", INTERNAL, "about/index.html", ""),  # a folder: its index.html
        ("/about/#intro", INTERNAL, "about/index.html", "intro"),
        ("%61bout/", INTERNAL, "leak/about/index.html", ""),  # percent-decoded, relative to the page
        ("#main", INTERNAL, "leak/index.html", "main"),
        ("?page=2", INTERNAL, "leak/index.html", ""),
        (f"{SITEURL}/about/", INTERNAL, "about/index.html", ""),
        (f"{SITEURL}", INTERNAL, "index.html", ""),
        ("//jianyi.example.cn/feeds/all.atom.xml", INTERNAL, "feeds/all.atom.xml", ""),
        ("http://jianyi.example.cn/about/", EXTERNAL, None, ""),  # not the site's own scheme
        ("https://jianyi.example.cn.evil.example/", EXTERNAL, None, ""),
        ("//evil.example/x.js", EXTERNAL, None, ""),
        ("/\\evil.example/", EXTERNAL, None, ""),  # browsers read \ as /
        ("HTTPS://evil.example/", EXTERNAL, None, ""),
        ("ftp://evil.example/", EXTERNAL, None, ""),
        ("java\nscript:alert(1)", UNSAFE, None, ""),
        ("  JavaScript:alert(1)", UNSAFE, None, ""),
        ("mailto:jianyi@example.cn", SKIPPED, None, ""),
        ("tel:12345", SKIPPED, None, ""),
        ("data:,", SKIPPED, None, ""),
    ],
)
def test_resolve(url, kind, file, fragment):
    target = Site(BADSITE, SITEURL).resolve(url, BADSITE / "leak" / "index.html")
    assert target.kind == kind
    if kind == INTERNAL:
        assert (Site(BADSITE).name(target.file), target.fragment) == (file, fragment)


def test_resolve_outside_the_site_and_missing_files():
    page = BADSITE / "about" / "index.html"
    outside = Site(BADSITE).resolve("../../../etc/passwd", page)
    assert (outside.kind, outside.file, outside.exists) == (INTERNAL, None, False)
    assert not Site(BADSITE).resolve("../index.html/", page).exists  # a file is not a folder
    assert Site(BADSITE).resolve("../index.html", page).exists


# --- never a crash on bad input ------------------------------------------------


def test_bad_input_is_a_finding_never_a_crash(tmp_path):
    (tmp_path / "page.html").write_bytes(b"<p>\xff\xfe</p>")
    (tmp_path / "empty.xml").write_bytes(b"")
    assert [(f.file, f.code) for f in links.check(Site(tmp_path))] == [("page.html", "unreadable")]
    assert [(f.file, f.code) for f in feeds.check(Site(tmp_path))] == [("empty.xml", "xml")]
    assert [f.message for f in datapackage.check(Site(tmp_path))] == ["缺少开放数据包描述文件"]
    (tmp_path / "data").mkdir()
    (tmp_path / "data/datapackage.json").write_text("{ not json", encoding="utf-8")
    assert [f.message for f in datapackage.check(Site(tmp_path))] == ["无法读取为 JSON（JSONDecodeError）"]


def test_a_remote_resource_is_a_finding_and_is_not_fetched(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data/datapackage.json").write_text(
        '{"resources": [{"name": "x", "path": "https://evil.example/x.csv"}]}', encoding="utf-8"
    )
    assert datapackage.check(Site(tmp_path)) == [
        Finding("data/datapackage.json", "资源 x", "datapackage", "path 指向其他网站：数据包必须自成一体")
    ]


def test_missing_java_is_a_finding(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path))
    [finding] = html.check(Site(tmp_path))
    assert (finding.code, finding.message.startswith("找不到 java")) == ("html-validator", True)
