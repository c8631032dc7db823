"""The shared frame, list, story, session, commendation and collector-sector templates speak
through gettext (issue #14): no Chinese text is left outside a message id, and the English
catalogues translate every id they use.

Reads the real templates and catalogues; the ids are extracted with Babel as the catalogue
workflow does (i18n/README.md). Run: .venv/bin/python -m pytest tests/test_templates_i18n_common.py -q
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "theme" / "templates"
CATALOGUES = ROOT / "i18n" / "en"

COVERED = [
    "base.html", "404.html", "page.html", "withdrawn.html", "proposals.html", "facet.html",
    "stories.html", "story.html", "campaigns.html", "changes.html", "collector.html",
    "sessions.html", "session.html", "session_withdrawn.html", "commendations.html",
    "commendation_year.html", "partials/_banner.html", "partials/_footer.html", "partials/_nav.html",
    "partials/_macros.html", "partials/_sections.html", "partials/_sessions.html", "partials/_citation.html",
]  # fmt: skip

# Chinese kept on purpose: GB/T 7714 references stay Chinese in every edition (issue #14); the
# template marks the whole reference as original text (the `original` filter).
KEPT_CHINESE = {"partials/_citation.html": "[引用日期]"}
# Han characters and the full-width / CJK punctuation an English page must not show.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
COMMENT = re.compile(r"\{#.*?#\}", re.S)
MESSAGE = re.compile(r"""_\(\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
# An element marked {{ ORIGINAL }} (lang="zh-Hans" in English) holds original Chinese on purpose.
ORIGINAL_ELEMENT = re.compile(r"<(\w+)[^>\n]*\{\{ ORIGINAL \}\}[^>\n]*>.*?</\1>")
TRANS_BLOCK = re.compile(r"\{%-?\s*trans\b.*?\{%-?\s*endtrans\s*-?%\}", re.S)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# _() returns Markup: its translation is not escaped, so it must hold no markup of its own.
UNSAFE = re.compile(r'[<>&"]')

OPTIONS = {
    "extensions": "jinja2.ext.i18n,plugins.showcase.fragments.FragmentCache",
    "newstyle_gettext": "true",
    "trim_blocks": "true",
    "lstrip_blocks": "true",
    "silent": "false",  # a template Babel cannot parse must fail here, not yield no message
}


def untranslatable_text(source: str) -> list[str]:
    """The lines of a template that still carry Chinese outside a message id or a comment."""
    source = ORIGINAL_ELEMENT.sub("", TRANS_BLOCK.sub("", MESSAGE.sub("_(", COMMENT.sub("", source))))
    return [line.strip() for line in source.splitlines() if CJK.search(line)]


def messages(template: str) -> set[str]:
    found = set()
    for _lineno, message, _comments, _context in extract_from_file("jinja2", TEMPLATES / template, options=OPTIONS):
        found.update(m for m in (message if isinstance(message, tuple) else (message,)) if m)
    return found


@pytest.fixture(scope="module")
def english() -> dict[str, str]:
    translated: dict[str, str] = {}
    for path in sorted(CATALOGUES.glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id:
                    translated.setdefault(message.id, message.string)
    return translated


@pytest.mark.parametrize("template", COVERED)
def test_no_chinese_outside_message_ids(template):
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    if template in KEPT_CHINESE:
        assert KEPT_CHINESE[template] in source
        source = source.replace(KEPT_CHINESE[template], "")
    assert untranslatable_text(source) == []


def test_the_scan_finds_chinese_text_and_punctuation():
    assert untranslatable_text('<p>{{ _("共 %(n)s 条", n=n) }}</p>\n<h2>其他年度</h2>') == ["<h2>其他年度</h2>"]
    assert untranslatable_text("{{ a }}（{{ b }}）") == ["{{ a }}（{{ b }}）"]
    assert untranslatable_text("{# 注释 #}{% trans %}原文{% endtrans %}<p{{ ORIGINAL }}>[引用日期]</p>") == []


@pytest.mark.parametrize("template", COVERED)
def test_every_message_has_an_english_translation(template, english):
    ids = messages(template)
    if CJK.search((TEMPLATES / template).read_text(encoding="utf-8")):
        assert ids, f"{template}: Chinese text but no message extracted"
    for message_id in sorted(ids):
        translation = english.get(message_id)
        assert translation, f"{template}: no English for {message_id!r}"
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(message_id)), message_id
        assert not UNSAFE.search(translation), f"markup or a double quote in the English of {message_id!r}"
        assert not CJK.search(translation), f"Chinese left in the English of {message_id!r}"
        names = dict.fromkeys(PLACEHOLDER.findall(message_id), "x")
        translation % names  # newstyle gettext always %-formats: a stray % would fail the page
