"""Folding text before the patterns run, and mapping a finding back to the
line and column of the original text.

Folding undoes the disguises a value can wear in a published file: JSON
escapes (\\u0031), HTML character references (&#49; &#x31; &nbsp;), zero-width
characters, and compatibility forms (full-width digits and letters, `：`) via
NFKC. Folding never adds or removes a line, so line numbers stay true."""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right

_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([nrtbf])|([\"/\\]))")
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]")


def _json_unescape(match: re.Match) -> str:
    code, control, literal = match.groups()
    if code:
        return chr(int(code, 16))
    return " " if control else literal


def fold(text: str) -> str:
    if "\\" in text:
        text = _JSON_ESCAPE.sub(_json_unescape, text)
    if "&" in text:
        text = html.unescape(text)
    text = _ZERO_WIDTH.sub("", text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def fold_lines(text: str) -> str:
    """fold(), keeping the original line structure (an encoded line break
    such as &#10; becomes a space)."""
    folded = fold(text)
    if folded.count("\n") == text.count("\n"):
        return folded
    return "\n".join(fold(line).replace("\n", " ") for line in text.split("\n"))


class Text:
    """Original text and its folded form, with offset -> (line, column)."""

    def __init__(self, original: str):
        self.original = original
        self.folded = fold_lines(original)
        self._starts: list[int] | None = None
        self._lines: list[str] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column, in the original text, of a folded offset."""
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.folded)]
            self._lines = self.original.split("\n")
        index = bisect_right(self._starts, offset) - 1
        within = offset - self._starts[index]
        line = self._lines[index]
        start = self._starts[index]
        end = self.folded.find("\n", start)
        folded_line = self.folded[start : None if end < 0 else end]
        if line == folded_line:
            return index + 1, within + 1
        # Largest prefix of the original line that folds to at most `within` characters.
        low, high = 0, len(line)
        while low < high:
            middle = (low + high + 1) // 2
            if len(fold(line[:middle])) <= within:
                low = middle
            else:
                high = middle - 1
        return index + 1, low + 1
