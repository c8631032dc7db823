"""The site's three editions: 简体中文 (the original), 繁體中文 and English (issue #14).

Every page exists in each edition, at the same path below the edition's folder: the
Simplified edition at the site root (its URLs never move), the Traditional one under
``zh-hant/``, the English one under ``en/``. Files that are one set for all editions (the
open data under ``data/``, ``robots.txt``) exist once, at the root.

- Simplified: the theme's text and the data as they are.
- Traditional: rendered like the Simplified page, then every character converted with OpenCC
  (``hant.py``): interface, vocabulary, records, stories, feeds, citations alike.
- English: interface strings from the catalogues (``i18n/en/*.po``, read with Babel),
  vocabulary from ``config/vocabulary.yaml``'s ``en`` labels; citizens' and staff's free text
  is not translated (``i18n.py``: ``original``, ``localized``). A string without an English
  translation fails the build, naming it.

Setting ``SHOWCASE_EDITIONS``: the codes to build, the original first (default all three).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from .inputs import CATALOGUE_FOLDER as CATALOGUES

ORIGINAL = "zh-Hans"


class MissingTranslation(Exception):
    """A text the English edition shows has no translation: the build stops, naming it.
    (Its one argument is the whole message: it crosses from a forked worker by pickling.)"""

    @classmethod
    def of(cls, language: str, key: str, where: str) -> MissingTranslation:
        named = {"en": "英文"}.get(language, language)
        return cls(f"{named}版（{language}）缺少翻译：{key!r}（请在 {where} 中补上）")


@dataclass(frozen=True)
class Edition:
    code: str  # the language tag of its pages: zh-Hans, zh-Hant, en
    prefix: str  # its folder below the site root: "", "zh-hant/", "en/"
    name: str  # its own name, in its own language, for the language switch
    english: bool = False
    og_locale: str = "zh_CN"
    converter: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    catalogue_language: str | None = None  # i18n/<this>/*.po translates the interface; None: the ids as they are
    terms: Callable[[str], str] | None = field(default=None, compare=False, repr=False)

    @property
    def original(self) -> bool:
        return not self.prefix

    def convert(self, text: str) -> str:
        """A rendered output of this edition, as published."""
        return text if self.converter is None else self.converter(text)

    @cached_property
    def catalogue(self) -> dict[str, str] | None:
        return None if self.catalogue_language is None else read_catalogue(self.catalogue_language)

    def gettext(self, message: str) -> str:
        if self.catalogue is None:
            return message
        found = self.catalogue.get(message)
        if not found:
            raise MissingTranslation.of(self.code, message, f"{CATALOGUES.name}/{self.catalogue_language}/*.po")
        return found

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.gettext(singular if count == 1 else plural)

    def term(self, value: str) -> str:
        """A vocabulary term (district, topic, decision…) in this edition's language."""
        return value if self.terms is None or not self.english else self.terms(value)

    def known_term(self, value: str) -> str | None:
        """``term`` for a value that may or may not be a vocabulary term: None when it is not."""
        try:
            return self.term(value)
        except LookupError:  # the vocabulary's "no such term" (a KeyError or its own LookupError)
            return None

    def settings(self, settings: dict) -> dict:
        """Pelican's settings as this edition's outputs see them: SITEURL with the edition's
        folder, and in English the site's English name."""
        if self.original:
            return settings
        base = (settings.get("SITEURL") or "").rstrip("/")
        changed = {"SITEURL": f"{base}/{self.prefix.rstrip('/')}"}
        if self.english:
            changed["SITENAME"] = self.gettext(settings.get("SITENAME", ""))
        return {**settings, **changed}

    @cached_property
    def jinja_callables(self) -> dict:
        """``gettext``/``ngettext`` for a page's context, as Jinja's newstyle i18n wraps them."""
        from jinja2.ext import _make_new_gettext, _make_new_ngettext  # Jinja's own wrappers (escaping, %)

        return {"gettext": _make_new_gettext(self.gettext), "ngettext": _make_new_ngettext(self.ngettext)}


def read_catalogue(language: str) -> dict[str, str]:
    """Every ``i18n/<language>/*.po`` merged: message id → translation (empty ones left out)."""
    from babel.messages.pofile import read_po

    merged: dict[str, str] = {}
    for path in sorted((CATALOGUES / language).glob("*.po")):
        with path.open("rb") as stream:
            for message in read_po(stream):
                if message.id and isinstance(message.id, str) and message.string:
                    if merged.get(message.id, message.string) != message.string:
                        raise ValueError(f"{path}：{message.id!r} 的译文与另一份目录不同")
                    merged[message.id] = message.string
    return merged


KNOWN = ("zh-Hans", "zh-Hant", "en")
ORIGINAL_EDITION = Edition("zh-Hans", "", "简体中文")


def editions(settings: dict, terms: Callable[[str], str] | None = None) -> list[Edition]:
    """The editions this build writes (setting ``SHOWCASE_EDITIONS``), the original first."""
    codes = list(settings.get("SHOWCASE_EDITIONS") or KNOWN)
    unknown = [code for code in codes if code not in KNOWN]
    if unknown or not codes or codes[0] != ORIGINAL or len(set(codes)) != len(codes):
        raise ValueError(f"设置 SHOWCASE_EDITIONS 应以 {ORIGINAL} 开头，取自 {', '.join(KNOWN)}：{codes}")
    made = []
    for code in codes:
        if code == "zh-Hans":
            made.append(ORIGINAL_EDITION)
        elif code == "zh-Hant":
            from .hant import to_traditional

            made.append(Edition("zh-Hant", "zh-hant/", "繁體中文", og_locale="zh_HK", converter=to_traditional))
        else:
            made.append(
                Edition("en", "en/", "English", english=True, og_locale="en_GB", catalogue_language="en", terms=terms)
            )
    return made
