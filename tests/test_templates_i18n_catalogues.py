"""The theme's interface strings (issue #14): every message the templates mark with gettext has an
English translation in i18n/en/*.po, with the same %(name)s placeholders, and the Simplified
templates render each message id as it is (the Simplified edition needs no catalogue).

Extraction is Babel's, as a translator would run it (pybabel extract with these options)."""

from __future__ import annotations

import re
import sys

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from jinja2 import Environment
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))

from showcase import i18n

TEMPLATES = "theme/templates/**.html"
OPTIONS = {
    "extensions": "jinja2.ext.i18n,showcase.fragments.FragmentCache",
    "newstyle_gettext": "true",
    "silent": "false",  # a template Babel cannot parse fails here instead of giving no messages
}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def marked() -> dict[str, set[str]]:
    """Message id -> the template files that use it."""
    found: dict[str, set[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map=[(TEMPLATES, "jinja2")], options_map={TEMPLATES: OPTIONS}
    ):
        assert isinstance(message, str), f"{filename}: plural or context messages are not used: {message!r}"
        found.setdefault(message, set()).add(filename)
    return found


def english() -> dict[str, list[tuple[str, str]]]:
    """Message id -> (catalogue, translation) of every catalogue that has it."""
    entries: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((ROOT / "i18n" / "en").glob("*.po")):
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        for message in catalogue:
            if message.id:
                assert not message.fuzzy, f"{path.name}: fuzzy entry {message.id!r}"
                entries.setdefault(message.id, []).append((path.name, message.string))
    return entries


@pytest.fixture(scope="module")
def messages():
    return marked()


def test_the_templates_mark_their_words(messages):
    # The pages of this part of the theme at least: the proposal page, search, the lists' pager.
    for expected in ("建议编号", "搜索关键词", "上一页", "订阅本活动新公开的建议和成果案例（Atom）"):
        assert expected in messages, expected


def test_every_marked_message_has_one_english_translation_with_the_same_placeholders(messages):
    translations = english()
    problems = []
    for message, files in sorted(messages.items()):
        given = translations.get(message)
        if not given or not all(text.strip() for _, text in given):
            problems.append(f"no English for {message!r} ({', '.join(sorted(files))})")
            continue
        if len({text for _, text in given}) > 1:
            problems.append(f"{message!r} is translated differently in {', '.join(name for name, _ in given)}")
        for name, text in given:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(message)):
                problems.append(f"{name}: placeholders of {message!r} differ in {text!r}")
            if "%" in PLACEHOLDER.sub("", text):  # newstyle gettext always %-formats: a bare % fails
                problems.append(f"{name}: a bare % in the translation of {message!r}")
    assert not problems, "\n".join(problems)


def test_the_simplified_edition_renders_the_ids_themselves():
    environment = Environment(autoescape=True)
    i18n.install(environment, {"SHOWCASE_EDITIONS": ["zh-Hans"]})
    template = environment.from_string(
        '{{ _("（%(n)s）", n=n) }}|{{ _("第 %(n)s 页", n=3) }}|{{ _("全市（未细分）") }}'
    )
    assert template.render(n="<5") == "（&lt;5）|第 3 页|全市（未细分）"
