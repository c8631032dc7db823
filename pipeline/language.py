"""Which characters an English column may not hold: Chinese characters and
the full-width punctuation a Chinese input method types (，。：“”...).

An English column (`lang: en` in config/columns.yaml) is shown as English on
the English edition; Chinese in it would be Chinese marked as English."""

from __future__ import annotations

import re

# CJK radicals, symbols and punctuation, kana, bopomofo, the unified
# ideographs and their extensions, compatibility ideographs, vertical and
# small forms, full-width forms. Curly quotes (“”) are English too: allowed.
_NOT_ENGLISH = re.compile(
    "[\u2e80-\u2fdf\u3000-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffef\U00020000-\U0003ffff]"
)


def first_not_english(text: str) -> str | None:
    """The first Chinese character or full-width sign in `text`, if any."""
    match = _NOT_ENGLISH.search(text)
    return match.group() if match else None
