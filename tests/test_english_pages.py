"""The English versions of the hand-written texts: the pages (content/pages/en/, Pelican translations
with the Chinese page's Slug and ``Lang: en``) and the campaign intros (content/campaigns/en/).

They exist for every Chinese text, are attached by Pelican as ``page.translations`` of the Chinese
page, make Pelican write no file (the English edition renders them under /en/<slug>/), keep every
link, number and placeholder of the Chinese text, and hold no Chinese outside elements marked
``lang="zh-…"``.

Run from the project root: .venv/bin/python -m pytest tests/test_english_pages.py -q
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from english_text import CJK, chinese_outside_lang_zh
from pelican import signals
from pelican.generators import PagesGenerator
from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "plugins"))

from showcase.campaigns import read_intro
from showcase.english import MissingEnglish

PAGES = ROOT / "content" / "pages"
CAMPAIGNS = ROOT / "content" / "campaigns"
PLACEHOLDER = re.compile(r"【待填写：[^】]+】")
NUMBER = re.compile(r"\d+")


def hrefs(html: str) -> list[str]:
    return sorted(a["href"] for a in BeautifulSoup(html, "html.parser").find_all("a"))


@pytest.fixture(scope="module")
def pelican_pages(tmp_path_factory):
    """Every page Pelican read, as its PagesGenerator left them after building the fixture site."""
    found = {}

    def keep(generator):
        if isinstance(generator, PagesGenerator):
            found.update(
                {name: list(getattr(generator, name)) for name in ("pages", "hidden_pages", "translations")},
                hidden_translations=list(generator.hidden_translations),
            )

    signals.page_generator_finalized.connect(keep)
    try:
        site = build(tmp_path_factory.mktemp("english-pages"))
    finally:
        signals.page_generator_finalized.disconnect(keep)
    return site, found


def chinese_pages(found) -> dict:
    return {page.slug: page for page in found["pages"] + found["hidden_pages"]}


def test_every_chinese_page_has_an_english_version_with_its_slug():
    chinese = {path.name for path in PAGES.glob("*.md")}
    assert chinese >= {"about.md", "contact.md", "privacy.md", "process.md", "submit.md"}
    assert {path.name for path in (PAGES / "en").glob("*.md")} == chinese


def test_pelican_attaches_each_english_page_as_the_translation_of_its_chinese_page(pelican_pages):
    _, found = pelican_pages
    pages = chinese_pages(found)
    assert sorted(pages) == sorted(path.stem for path in PAGES.glob("*.md"))
    for slug, page in pages.items():
        assert page.lang == "zh" and Path(page.source_path).parent == PAGES
        assert [(t.lang, Path(t.source_path)) for t in page.translations] == [("en", PAGES / "en" / f"{slug}.md")]
        english = page.translations[0]
        assert english.slug == slug and english.status == page.status  # a hidden page's English is hidden too
        assert english.template == page.template
        assert english.save_as == "" and english.url == ""  # Pelican writes nothing for it
    english = found["translations"] + found["hidden_translations"]
    assert len(english) == len(pages)  # none became a page of its own


def test_the_english_pages_make_pelican_write_no_file(pelican_pages, tmp_path):
    site, _ = pelican_pages
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("en"))
    assert not (content / "pages" / "en").exists()
    without = build(tmp_path / "site", PATH=str(content))
    written = {p.relative_to(site) for p in site.rglob("*") if p.is_file()}
    assert written == {p.relative_to(without) for p in without.rglob("*") if p.is_file()}
    assert [p for p in written if (site / p).read_bytes() != (without / p).read_bytes()] == []


def test_english_pages_hold_no_chinese_outside_elements_marked_lang_zh(pelican_pages):
    _, found = pelican_pages
    for slug, page in chinese_pages(found).items():
        english = page.translations[0]
        assert chinese_outside_lang_zh(english.content) == [], slug
        assert CJK.findall(english.title + english.metadata.get("summary", "")) == [], slug


def test_english_pages_keep_every_link_number_and_placeholder(pelican_pages):
    _, found = pelican_pages
    for slug, page in chinese_pages(found).items():
        english = page.translations[0]
        assert hrefs(english.content) == hrefs(page.content), slug
        assert set(PLACEHOLDER.findall(page.content)) == set(PLACEHOLDER.findall(english.content)), slug
        assert set(NUMBER.findall(page.content)) <= set(NUMBER.findall(english.content)), slug
        assert bool(page.metadata.get("summary")) == bool(english.metadata.get("summary")), slug


def test_every_campaign_intro_has_an_english_version_without_chinese():
    chinese = sorted(path.name for path in CAMPAIGNS.glob("*.md"))
    assert len(chinese) == 4
    assert sorted(path.name for path in (CAMPAIGNS / "en").glob("*.md")) == chinese
    for name in chinese:
        slug = name.removesuffix(".md")
        english = read_intro(CAMPAIGNS, slug, english=True)
        assert english != read_intro(CAMPAIGNS, slug)
        assert chinese_outside_lang_zh(english) == [], slug
        assert len(BeautifulSoup(english, "html.parser").find_all("p")) == len(
            BeautifulSoup(read_intro(CAMPAIGNS, slug), "html.parser").find_all("p")
        ), slug


def test_a_campaign_intro_without_english_fails_when_english_is_asked(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "work-safety.md").write_text("安全生产关系到每一个家庭。", encoding="utf-8")
    assert "安全生产" in read_intro(tmp_path, "work-safety")
    with pytest.raises(MissingEnglish) as caught:
        read_intro(tmp_path, "work-safety", english=True)
    assert caught.value.where == str(tmp_path / "en" / "work-safety.md")
    assert read_intro(tmp_path, "lasting-tourism", english=True) is None  # no intro in any language
