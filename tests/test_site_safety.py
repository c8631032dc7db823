"""Hostile text in the data never becomes live markup, and no page loads or
links another host.

A proposal and a story are written with XSS and template-injection payloads in
every free-text field (and raw HTML and ``javascript:`` links in the story's
Markdown); the whole site is built twice (relative URLs, and with an absolute
SITEURL) and every page, feed and download is checked. Run from the project
root: .venv/bin/python -m pytest tests/test_site_safety.py -q
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import bibtexparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import build, copy_fixture, proposal, soup, text, write_yaml

SITEURL = "https://jianyi.example.cn"
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "'-alert(1)-'",
]
TITLE = "标题 " + " ".join(PAYLOADS)
BODY = "\n".join(["正文", *PAYLOADS, "[点我](javascript:alert(1))", "</textarea></title><script>alert(2)</script>"])
STORY_TITLE = "案例 " + " ".join(PAYLOADS)
STORY_BODY = """正文 {{ 7*7 }} {% raw %}x{% endraw %} <b onmouseover="alert(1)">粗</b>

<script>alert(1)</script>

<div onclick="alert(1)">块</div>

<iframe src="https://evil.example/"></iframe>

<a href="javascript:alert(1)">a</a> [md](javascript:alert(1)) [md2](JaVaScRiPt:alert(1)) [md3](java&#115;cript:alert(1))
[md4](<javascript:alert(1)>) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

![img](https://evil.example/x.png) [ext](https://example.cn/ok) [mail](mailto:jianyi@example.cn)
[proto](//evil.example/) [back](/\\evil.example/) [plain](http://evil.example/)

"><svg onload=alert(1)>

<style>body{background:url(https://evil.example/x)}</style>
"""
# What the text would read as if a template engine had evaluated the payloads.
EVALUATED = [TITLE.replace("{{ 7*7 }}", "49"), TITLE.replace("{% raw %}x{% endraw %}", "x")]
DANGEROUS_TAGS = {"img", "iframe", "object", "embed", "style", "form", "input", "base", "frame", "foreignobject"}
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = copy_fixture(tmp_path_factory.mktemp("hostile"))
    write_yaml(
        data / "proposals/xzjy-2024-000666.yaml",
        proposal(
            "xzjy-2024-000666",
            title=TITLE,
            body=BODY,
            outcome=BODY,
            lead_unit=PAYLOADS[0],
            co_units=PAYLOADS[1:3],
            stories=["hostile-story"],
        ),
    )
    write_yaml(
        data / "stories/hostile-story.yaml",
        {
            "id": "hostile-story",
            "first_published": "2024-10-01",
            "last_updated": "2024-10-01",
            "title": STORY_TITLE,
            "summary": " ".join(PAYLOADS),
            "published_on": "2024-10-01",
            "campaign": None,
            "lead_unit": PAYLOADS[2],
            "proposals": ["xzjy-2024-000666"],
            "metrics": [{"label": PAYLOADS[1], "before": 1, "after": 2, "unit": PAYLOADS[0], "note": PAYLOADS[3]}],
            "body": STORY_BODY,
        },
    )
    return data


@pytest.fixture(scope="module", params=["relative", "absolute"])
def site(request, data, tmp_path_factory):
    settings = {"SITEURL": SITEURL, "RELATIVE_URLS": False} if request.param == "absolute" else {}
    return build(tmp_path_factory.mktemp(request.param), data, **settings)


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(p.relative_to(site).as_posix(), soup(site, p.relative_to(site))) for p in sorted(site.rglob("*.html"))]


SEARCH = "search/index.html"
SEARCH_SCRIPTS = ("/theme/js/search.js",)


def assert_inert(name: str, page: BeautifulSoup) -> None:
    """No script but JSON-LD, no event handler, no dangerous element, no script URL."""
    for script in page.find_all("script"):
        if name == SEARCH and script.get("src"):  # the search UI's own files (tests/test_search.py)
            assert not script.string and script["src"].endswith(SEARCH_SCRIPTS), name
            continue
        assert script.get("type") == "application/ld+json", name
        assert "<" not in script.string, name  # `</script>` and any tag are escaped as \u003c
        json.loads(script.string)
    # The search page's own form (search.html): one form, one field, in the search part only.
    search_form = ".search-ui > form[role=search]"
    own = page.select(f"{search_form}, {search_form} > input") if name == SEARCH else []
    assert len(own) == (2 if name == SEARCH else 0), name
    for tag in page.find_all(True):
        if not any(tag is mine for mine in own):
            assert tag.name not in DANGEROUS_TAGS, (name, str(tag)[:80])
        assert not [a for a in tag.attrs if a.lower().startswith("on")], (name, str(tag)[:80])
        for attribute in URL_ATTRIBUTES:
            value = re.sub(r"[\s\x00-\x1f]", "", str(tag.get(attribute, ""))).lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:")), (name, str(tag)[:80])
    refresh = page.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    assert refresh is None, name


def test_no_payload_becomes_live_markup_in_any_page(site):
    checked = pages(site)
    assert len(checked) > 10
    for name, page in checked:
        assert_inert(name, page)
        visible = page.get_text()
        for evaluated in EVALUATED:
            assert evaluated not in visible, name


def test_payloads_show_literally_where_they_are_used(site):
    page = soup(site, "proposals/xzjy-2024-000666/index.html")
    assert text(page.h1) == TITLE
    assert page.title.string.startswith(TITLE)
    assert [p.get_text() for p in page.select("#body-heading ~ .text p")] == BODY.splitlines()
    assert page.find("meta", property="og:title")["content"] == TITLE
    story = soup(site, "stories/hostile-story/index.html")
    assert text(story.h1) == STORY_TITLE
    body = story.find(class_="story-body").get_text()
    assert "{{ 7*7 }}" in body and "{% raw %}x{% endraw %}" in body
    listed = soup(site, "proposals/index.html").get_text()
    assert TITLE in listed


def test_json_ld_escapes_the_payloads(site):
    """A browser ends the script at the first `</script`: the JSON must be whole before it."""
    for path, name in [
        ("proposals/xzjy-2024-000666/index.html", TITLE),
        ("stories/hostile-story/index.html", STORY_TITLE),
    ]:
        raw = (site / path).read_text(encoding="utf-8")
        inside = re.split(r"</script", raw.split('<script type="application/ld+json">', 1)[1], flags=re.I)[0]
        assert "<" not in inside and ">" not in inside and "&" not in inside
        assert json.loads(inside)["name"] == name


def test_downloads_keep_the_text_and_are_not_markup(site):
    [record] = [r for r in json.loads((site / "data/proposals.json").read_text("utf-8")) if r["id"].endswith("666")]
    assert (record["title"], record["body"], record["outcome"]) == (TITLE, BODY, BODY)
    [story] = [s for s in json.loads((site / "data/stories.json").read_text("utf-8")) if s["id"] == "hostile-story"]
    assert (story["title"], story["body"]) == (STORY_TITLE, STORY_BODY)
    rows = csv.DictReader(io.StringIO((site / "data/proposals.csv").read_bytes().decode("utf-8-sig"), newline=""))
    [row] = [r for r in rows if r["id"].endswith("666")]
    assert (row["title"], row["body"], row["lead_unit"]) == (TITLE, BODY, PAYLOADS[0])
    [item] = json.loads((site / "proposals/xzjy-2024-000666/cite.json").read_text("utf-8"))
    assert item["title"] == TITLE
    [entry] = bibtexparser.parse_string((site / "proposals/xzjy-2024-000666/cite.bib").read_text("utf-8")).entries
    assert entry.key == "xzjy-2024-000666"


def test_feeds_and_xml_carry_no_live_markup(site):
    for path in sorted(site.rglob("*.xml")):
        root = ElementTree.parse(path).getroot()
        for element in root.iter():
            assert element.tag.rsplit("}", 1)[-1] not in DANGEROUS_TAGS | {"script"}, path.name
            if element.get("type") == "html" and element.text:
                assert_inert(path.name, BeautifulSoup(element.text, "html.parser"))


def allowed_url(url: str, in_story_body: bool) -> bool:
    """Relative, the site's own SITEURL, or (in a story's text only) https/mailto."""
    url = url.strip()
    if url.startswith((f"{SITEURL}/",)) or url == SITEURL:
        return True
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) or url.startswith(("//", "/\\", "\\")):
        return in_story_body and url.startswith(("https://", "mailto:"))
    return True


def test_no_page_references_another_host(site):
    for name, page in pages(site):
        story_body = page.find(class_="story-body")
        for tag in page.find_all(True):
            for attribute in ("href", "src"):
                if tag.get(attribute) is not None:
                    inside = story_body is not None and tag in story_body.find_all(True)
                    assert allowed_url(tag[attribute], inside), (name, tag.name, tag[attribute])
    body = soup(site, "stories/hostile-story/index.html").find(class_="story-body")
    assert [(text(a), a.get("href")) for a in body.find_all("a")] == [
        ("md", None), ("md2", None), ("md3", None), ("md4", None), ("data", None),
        ("ext", "https://example.cn/ok"), ("mail", "mailto:jianyi@example.cn"),
        ("proto", None), ("back", None), ("plain", None),
    ]  # fmt: skip
