"""Interface strings of the home, statistics, process and open-data pages (issue #14).

Two protections: every message id these templates use has an English msgstr in i18n/en/ with
the same placeholders; and the real English edition of these pages (built under en/) shows no
Chinese outside an element marked lang="zh-…", shows vocabulary terms by their English
labels and marks the original text.
"""

from __future__ import annotations

import itertools
import re

import pytest
import yaml
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from sitebuild import ROOT, build, soup

TEMPLATES = ROOT / "theme" / "templates"
PAGES = ("index.html", "stats.html", "process.html", "opendata.html", "partials/_charts.html")
CATALOGUES = ROOT / "i18n" / "en"
OPTIONS = {"extensions": "jinja2.ext.i18n", "newstyle_gettext": "true", "trim_blocks": "true", "lstrip_blocks": "true"}
PLACEHOLDER = re.compile(r"%\(\w+\)s")
# Han characters, CJK punctuation and full-width forms. The middle dot U+00B7 is Latin-1 and
# English titles keep it as a separator ("Statistics · <site>"), so it is not counted.
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# The pages these templates write, as built.
PAGES_BUILT = ("index.html", "stats/index.html", "process/index.html", "data/index.html")


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


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    """The fixture site with its English edition (under en/), as the real build writes it."""
    return build(tmp_path_factory.mktemp("english"), SHOWCASE_EDITIONS=["zh-Hans", "en"])


def english_labels(vocabulary: str) -> set[str]:
    listed = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))[vocabulary]
    return {entry["en"] for entry in listed}


def chinese_left(page) -> list[str]:
    for marked in page.find_all(attrs={"lang": re.compile(r"^zh")}):
        if marked.name != "html":
            marked.decompose()
    for hidden in page.select("script, style"):
        hidden.decompose()
    found = [t.strip() for t in page.find_all(string=True) if CHINESE.search(t)]
    found += [f"{tag.name}[{name}]={value}" for tag in page.find_all(True)
              for name, value in tag.attrs.items() if isinstance(value, str) and CHINESE.search(value)]  # fmt: skip
    return found


@pytest.mark.parametrize("path", sorted(PAGES_BUILT))
def test_english_page_shows_no_chinese_outside_lang_marked_elements(english_site, path):
    page = soup(english_site, "en/" + path)
    main = page.find("main")
    assert len(main.get_text(strip=True)) > 200  # a real page, in English
    assert chinese_left(page) == []


def test_english_edition_marks_original_text_and_routes_terms(english_site):
    home = soup(english_site, "en/index.html")
    assert home.select_one("p.note-original")
    campaigns = {a.get_text(strip=True) for a in home.select("ul.campaigns h3 a")}
    assert campaigns and campaigns <= english_labels("campaigns")
    stats = soup(english_site, "en/stats/index.html")
    rows = {th.get_text(strip=True) for th in stats.select('table[data-stat="by_district"] tbody th')}
    assert rows and rows <= english_labels("districts") | {"City-wide (no district)"}
    years = [th.get_text() for th in stats.select('table[data-stat="by_year"] tbody th')]
    assert years and all(re.fullmatch(r"\d{4}", y) for y in years)
    data = soup(english_site, "en/data/index.html")
    assert data.select_one("p.reference")["lang"] == "zh-Hans"  # GB/T 7714 stays Chinese


def test_simplified_edition_has_no_note_and_renders_the_ids(tmp_path):
    site = build(tmp_path / "site")
    home = soup(site, "index.html")
    assert home.select_one("p.note-original") is None
    assert home.select_one("#figures-heading").get_text() == "征集概况"
    assert soup(site, "data/index.html").select_one("p.reference").get("lang") is None


def test_legend_makes_room_for_long_labels(english_site):
    svg = soup(english_site, "en/stats/index.html").select_one("#by-year svg")
    lefts = [float(t["x"]) for t in svg.find_all("text") if t.get_text() in {"Received", "Adopted", "Published"}]
    assert len(lefts) == 3
    widest = max(len(w) for w in ("Received", "Adopted", "Published"))
    assert min(b - a for a, b in itertools.pairwise(lefts)) >= 8 * widest
