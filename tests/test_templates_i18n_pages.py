"""Interface strings of the home, statistics, process and open-data pages (issue #14).

Two protections: every message id these templates use has an English msgstr in i18n/en/ with
the same placeholders; and a build rendered as the English edition (the English catalogues
installed, vocabulary terms through `term`, original text marked lang="zh-Hans") shows no
Chinese that these templates wrote outside an element marked lang="zh-…". The parts that
other templates write into these pages (cards, collector definitions, the hand-written text
of /process/ and its title) are left out here: their own tests cover them.
"""

from __future__ import annotations

import itertools
import re

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from markupsafe import Markup
from sitebuild import ROOT, build, soup

TEMPLATES = ROOT / "theme" / "templates"
PAGES = ("index.html", "stats.html", "process.html", "opendata.html", "partials/_charts.html")
CATALOGUES = ROOT / "i18n" / "en"
OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "trim_blocks": "true", "lstrip_blocks": "true"}
PLACEHOLDER = re.compile(r"%\(\w+\)s")
# Han characters, CJK punctuation and full-width forms. The middle dot U+00B7 is Latin-1 and
# English titles keep it as a separator ("Statistics · <site>"), so it is not counted.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# What other templates write into these pages (their tests cover it).
NOT_OURS = {
    "index.html": ["ul.cards:not(.campaigns) > li"],
    "stats/index.html": [".collector-definitions ul.definitions"],
    "process/index.html": ["article.process > h1", "article.process > .text", "title"],
    "data/index.html": [],
}
# Words other templates' macros put inside these templates' elements: "少于5" of count() and
# figure() (partials/_sections.html, partials/_macros.html).
OTHERS_WORDS = re.compile("少于")


def english_catalogue() -> dict[str, str]:
    messages = {}
    for path in sorted(CATALOGUES.glob("*.po")):
        with path.open("rb") as po:
            messages.update({m.id: m.string for m in read_po(po) if m.id})
    return messages


def used_ids() -> dict[str, str]:
    """Message id -> the template that uses it."""
    found = {}
    for name in PAGES:
        for _line, message, _comments, _context in extract_from_file(
            "jinja2.ext.babel_extract", TEMPLATES / name, options=OPTIONS
        ):
            for one in message if isinstance(message, tuple) else (message,):  # a plural gives two
                found.setdefault(one, name)
    return found


def test_every_id_of_these_templates_has_english_with_the_same_placeholders():
    ids, english = used_ids(), english_catalogue()
    assert len(ids) > 100  # the extraction really read the templates
    missing = sorted(i for i in ids if not english.get(i))
    assert missing == []
    different = [i for i in ids if sorted(set(PLACEHOLDER.findall(i))) != sorted(set(PLACEHOLDER.findall(english[i])))]
    assert different == []


class FakeEnglish:
    """The English edition as these templates see it, before the edition machinery exists."""

    english = True

    def __init__(self):
        self.messages = english_catalogue()

    def gettext(self, message):
        return self.messages.get(message, "OTHER")  # another helper's id: not this test's concern

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)

    def term(self, value):
        return "TERM"


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    import showcase.i18n

    install = showcase.i18n.install

    def install_english(env, *rest):
        install(env, *rest)
        edition = FakeEnglish()
        env.install_gettext_translations(edition, newstyle=True)
        env.globals.update(edition=edition, ORIGINAL=Markup(' lang="zh-Hans"'))

    mp = pytest.MonkeyPatch()
    mp.setattr(showcase.i18n, "install", install_english)
    try:
        # The site name's English comes with the edition machinery, not these templates.
        return build(tmp_path_factory.mktemp("english"), SITENAME="Listening to Xuzhou")
    finally:
        mp.undo()  # the other tests build the Simplified edition


def chinese_left(page) -> list[str]:
    for marked in page.find_all(attrs={"lang": re.compile(r"^zh")}):
        marked.decompose()
    found = [t.strip() for t in page.find_all(string=True) if CHINESE.search(OTHERS_WORDS.sub("", t))]
    found += [f"{tag.name}[{name}]={value}" for tag in page.find_all(True)
              for name, value in tag.attrs.items() if isinstance(value, str) and CHINESE.search(value)]  # fmt: skip
    return found


@pytest.mark.parametrize("path", sorted(NOT_OURS))
def test_english_page_shows_no_chinese_outside_lang_marked_elements(english_site, path):
    page = soup(english_site, path)
    for selector in NOT_OURS[path]:
        for tag in page.select(selector):
            tag.decompose()
    main = page.find("main")
    head = page.find_all(["title", "meta"])
    assert len(main.get_text(strip=True)) > 200  # a real page, in English
    assert [chinese_left(part) for part in [main, *head] if chinese_left(part)] == []


def test_english_edition_marks_original_text_and_routes_terms(english_site):
    home = soup(english_site, "index.html")
    assert home.select_one("p.note-original")
    assert {a.get_text() for a in home.select("ul.campaigns h3 a")} == {"TERM"}
    stats = soup(english_site, "stats/index.html")
    rows = [th.get_text() for th in stats.select('table[data-stat="by_district"] tbody th')]
    assert rows and set(rows) == {"TERM"}
    years = [th.get_text() for th in stats.select('table[data-stat="by_year"] tbody th')]
    assert years and all(re.fullmatch(r"\d{4}", y) for y in years)
    data = soup(english_site, "data/index.html")
    assert data.select_one("p.reference")["lang"] == "zh-Hans"  # GB/T 7714 stays Chinese


def test_simplified_edition_has_no_note_and_renders_the_ids(tmp_path):
    site = build(tmp_path / "site")
    home = soup(site, "index.html")
    assert home.select_one("p.note-original") is None
    assert home.select_one("#figures-heading").get_text() == "征集概况"
    assert soup(site, "data/index.html").select_one("p.reference").get("lang") is None


def test_legend_makes_room_for_long_labels(english_site):
    svg = soup(english_site, "stats/index.html").select_one("#by-year svg")
    lefts = [float(t["x"]) for t in svg.find_all("text") if t.get_text() in {"Received", "Adopted", "Published"}]
    assert len(lefts) == 3
    widest = max(len(w) for w in ("Received", "Adopted", "Published"))
    assert min(b - a for a, b in itertools.pairwise(lefts)) >= 8 * widest
