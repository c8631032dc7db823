"""The shared frame, lists, story, session, commendation and collector-sector pages rendered as the
English edition (issue #14): the English catalogues installed, vocabulary terms through `term`,
original text marked lang="zh-Hans". What these templates write shows no Chinese outside an element
marked lang="zh-…"; what other templates write into these pages (the lists' pager, facets and
page status, the record-of-changes links, the collectors' tables, dates from `when`) is left out:
their own tests cover it. Run: .venv/bin/python -m pytest tests/test_templates_i18n_common_english.py -q
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from markupsafe import Markup
from sitebuild import ROOT, build, soup

CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # Han, CJK punctuation, full-width forms
SAMPLE = ROOT / "data" / "public"
STORY = "stories/lift-ebike-ai/index.html"
SESSION = "sessions/mdm-ebike-charging/index.html"
PAGES = [
    "404.html", "proposals/index.html", "proposals/district/citywide/index.html", "stories/index.html", STORY,
    "campaigns/index.html", "changes/index.html", "collectors/teachers/index.html", "sessions/index.html",
    "sessions/district/gulou/index.html", SESSION, "commendations/index.html", "commendations/2024/index.html",
]  # fmt: skip
# Other templates' parts of these pages: partials/_listing (pager, page status, facets of the
# proposal lists, the facet's kind and name), _changes, _collectors; the hand-written pages' own
# titles in the nav (content/pages, English elsewhere); dates (`when`, English once `when` is).
NOT_OURS = (
    "nav.pager, .page-status, nav.facets:not([aria-labelledby=session-filters-heading]), .day-summary, "
    ".change-day h3, .change-day ul, .update-note, .definitions, .rates, .table-scroll, time, "
    ".site-nav a[href$='about/'], .site-nav a[href$='submit/']"
)
# The words of _listing's facet_kind and facet_name inside our sentences (the city-wide facet).
OTHERS_WORDS = re.compile("建议人所在地区|全市（未细分）")


class StandInEnglish:
    """The English edition as these templates see it, before the edition machinery exists."""

    english = True

    def __init__(self):
        self.messages = {}
        for path in sorted((ROOT / "i18n" / "en").glob("*.po")):
            with path.open("rb") as po:
                self.messages.update({m.id: m.string for m in read_po(po) if m.id})

    def gettext(self, message):
        return self.messages.get(message, "OTHER")  # another part of the theme: not this test's concern

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)

    def term(self, value):
        return "TERM"


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    import showcase.i18n

    install = showcase.i18n.install

    def install_english(env):
        install(env)
        edition = StandInEnglish()
        env.install_gettext_translations(edition, newstyle=True)
        env.globals.update(edition=edition, ORIGINAL=Markup(' lang="zh-Hans"'))

    mp = pytest.MonkeyPatch()
    mp.setattr(showcase.i18n, "install", install_english)
    try:
        return build(tmp_path_factory.mktemp("english"), SAMPLE, SITENAME="Listening to Xuzhou")
    finally:
        mp.undo()


def chinese_left(part) -> list[str]:
    def chinese(text: str) -> bool:
        return bool(CHINESE.search(OTHERS_WORDS.sub("", text)))

    for marked in part.find_all(attrs={"lang": re.compile(r"^zh")}):
        marked.decompose()
    found = [t.strip() for t in part.find_all(string=True) if chinese(t)]
    found += [f"{tag.name}[{name}]={value}" for tag in part.find_all(True)
              for name, value in tag.attrs.items() if isinstance(value, str) and chinese(value)]  # fmt: skip
    return found


@pytest.mark.parametrize("path", PAGES)
def test_english_page_shows_no_chinese_of_these_templates(english_site, path):
    page = soup(english_site, path)
    for tag in page.select(NOT_OURS):
        tag.decompose()
    assert len(page.find("body").get_text(strip=True)) > 100  # a real page, in English
    parts = [page.find("body"), *page.find_all(["title", "meta"])]
    assert [found for part in parts if (found := chinese_left(part))] == []


def test_english_story_marks_the_original_and_routes_terms(english_site):
    page = soup(english_site, STORY)
    assert page.select_one("h1 > span[lang=zh-Hans]")  # no staff English title: the original
    assert page.select_one("p.note-original").get_text() == "The text below is the original (Chinese), not translated."
    assert page.select_one(".story-body")["lang"] == "zh-Hans"
    assert page.select_one("dl.facts")["data-pagefind-filter"] == "Type:Outcome stories"
    assert page.select_one(".reference > span[lang=zh-Hans]")  # GB/T 7714 stays Chinese
    metrics = page.select("table.metrics tbody th[scope=row]")
    assert metrics and all(th.select_one("span[lang=zh-Hans]") for th in metrics)


def test_english_session_shows_terms_and_the_original(english_site):
    page = soup(english_site, SESSION)
    facts = dict(zip([t.get_text() for t in page.select("dl.facts dt")], page.select("dl.facts dd"), strict=False))
    assert facts["Topic"].get_text() == "TERM"
    assert facts["Place"].find("a").get_text() == "TERM"
    assert {li.get_text() for li in page.select("ul.units li")} == {"TERM"}
    assert page.select_one("section[aria-labelledby=agreed-heading] .text")["lang"] == "zh-Hans"
    assert (
        page.find("title").get_text()
        == "mdm-ebike-charging · Face-to-face sessions on Xuzhou's citizens' proposals · Listening to Xuzhou"
    )


def test_english_commendation_recipients_in_terms(english_site):
    page = soup(english_site, "commendations/2024/index.html")
    labels = [span.get_text() for span in page.select(".recipient-label")]
    assert labels and all(re.fullmatch(r"(?: \()?TERM · (?:TERM|Xuzhou)\)?", label) for label in labels), labels
