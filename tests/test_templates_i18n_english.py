"""The proposal, campaign, collectors and search pages, the lists' pager and facets and the record
of changes, rendered as the English edition (issue #14): the English catalogues installed, vocabulary
terms through `term`, original text marked lang="zh-Hans". What these templates write shows no
Chinese outside an element marked lang="zh-…"; what other templates write into these pages (cards,
the citation block, face-to-face sessions, dates from `when`) is left out: their own tests cover it.
"""

from __future__ import annotations

import re
from html import unescape

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from markupsafe import Markup
from sitebuild import ROOT, build, soup

CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")  # Han, CJK punctuation, full-width forms
SAMPLE = ROOT / "data" / "public"
PROPOSAL = "proposals/xzjy-2024-000004/index.html"  # the sample's: with co-units and a story
AWARDED = "proposals/xzjy-2022-000067/index.html"  # and with an award
PAGES = [PROPOSAL, AWARDED, "campaigns/work-safety/index.html", "campaigns/work-safety/page/2/index.html",
         "collectors/index.html", "search/index.html"]  # fmt: skip
# Other templates' parts of these pages (partials/_macros, _citation, _sessions; `when`).
NOT_OURS = "header, footer, ul.cards > li, .cite, section[aria-labelledby=sessions-heading], .session-marker, time"
# Words other templates' macros put inside these templates' elements: the "少于5" of figure() (_macros.html).
OTHERS_WORDS = re.compile("少于")
PAGINATION = {"proposals": 20, "facet": 20, "campaign": 5, "changes": 50, "collectors": 20, "collector": 20}


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
    mp.setattr(showcase.i18n, "install", install_english)  # the site's environment and the feed's
    try:
        site = tmp_path_factory.mktemp("english")
        return build(site, SAMPLE, SITENAME="Listening to Xuzhou", PAGINATED_TEMPLATES=PAGINATION)
    finally:
        mp.undo()


def chinese_left(part) -> list[str]:
    for marked in part.find_all(attrs={"lang": re.compile(r"^zh")}):
        marked.decompose()
    found = [t.strip() for t in part.find_all(string=True) if CHINESE.search(OTHERS_WORDS.sub("", t))]
    found += [f"{tag.name}[{name}]={value}" for tag in part.find_all(True)
              for name, value in tag.attrs.items() if isinstance(value, str) and CHINESE.search(value)]  # fmt: skip
    return found


@pytest.mark.parametrize("path", PAGES)
def test_english_page_shows_no_chinese_of_these_templates(english_site, path):
    page = soup(english_site, path)
    for tag in page.select(NOT_OURS):
        tag.decompose()
    main = page.find("main")
    assert len(main.get_text(strip=True)) > 100  # a real page, in English
    assert [found for part in [main, *page.find_all(["title", "meta"])] if (found := chinese_left(part))] == []


def test_english_proposal_marks_the_original_and_routes_terms(english_site):
    page = soup(english_site, PROPOSAL)
    assert page.select_one("h1 > span[lang=zh-Hans]")  # no staff English title: the original
    assert page.select_one("p.note-original")
    assert {div.get("lang") for div in page.select("article .text")} == {"zh-Hans"}
    facts = dict(zip([t.get_text() for t in page.select("dl.facts dt")], page.select("dl.facts dd"), strict=False))
    assert facts["Decision"].get_text() == "TERM" and re.fullmatch(r"TERM(, TERM)*", facts["Co-units"].get_text())
    assert facts["Proposer"].get_text() in {"TERM · TERM", "TERM · Xuzhou"}
    assert page.select_one("dl.facts")["data-pagefind-filter"] == "Type:Proposals"
    assert facts["Received"]["data-pagefind-filter"] == "Year:2024"
    assert [s.get_text() for s in page.select(".timeline li:not(.session-marker) .stage")] == ["TERM"] * 7


@pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")  # the Atom feed read as tag soup is enough here
def test_english_feed_of_changes_has_no_chinese_of_these_templates(english_site):
    feed = BeautifulSoup((english_site / "feeds" / "changes.atom.xml").read_text(encoding="utf-8"), "html.parser")
    day = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")  # `when`'s date: English once `when` is
    titles = [day.sub("", t.get_text()) for t in feed.select("entry > title")]
    assert titles and all(not CHINESE.search(t) for t in titles), titles
    contents = feed.select("entry > content")
    assert contents and "Proposal: " in contents[0].get_text()
    for content in contents:
        html = BeautifulSoup(unescape(content.get_text()), "html.parser")
        assert chinese_left(html) == []
