"""The English of texts that live in data files (the vocabulary, the data dictionary).

Each label carries its English next to the Chinese in the same file (``en:``,
``title_en:``, ``description_en:``). A missing English label is allowed in the
file, so the Chinese editions build without it, but asking for it raises
:class:`MissingEnglish`: the English edition fails the build and names what is
missing instead of silently showing Chinese.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape


class MissingEnglish(LookupError):
    """A label asked for in English has none; ``where`` names the file, the list or field, the term."""

    def __init__(self, where: str, message: str = "没有英文（英文版无法生成）") -> None:
        super().__init__(f"{where}: {message}")
        self.where = where


def required(english: str | None, where: str) -> str:
    """``english`` itself, or :class:`MissingEnglish` naming ``where`` when it is absent or blank."""
    if english is None or not english.strip():
        raise MissingEnglish(where)
    return english


# Han characters and CJK punctuation (、，（）…); a run may hold spaces and middle dots (教师 · 泉山区).
CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
CHINESE_RUN = re.compile(f"[{CJK}]+(?:[ \u00b7]+[{CJK}]+)*")


def mark_chinese(english: str) -> Markup:
    """English text as HTML, each Chinese quotation in it (a data value such as 展示) marked
    ``lang="zh-Hans"`` so that readers, screen readers and search treat it as Chinese."""
    return Markup(CHINESE_RUN.sub(lambda m: f'<span lang="zh-Hans">{m[0]}</span>', str(escape(english))))
