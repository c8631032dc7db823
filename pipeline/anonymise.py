"""Anonymise: what identifies a person is removed before anything is
published.

This stage replaces a record's own personal values wherever they appear
verbatim in its free text, and every name, phone, ID number and e-mail of the
whole export wherever it appears verbatim in any published text; it turns the
proposer into a public label (category and district, coarsened when the pair
is rare). Pattern-based scrubbing of other spellings (spaced phone numbers,
unknown names ...) belongs here too: one stage, one seam.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import yaml

from .config import ROOT

SETTINGS_FILE = ROOT / "config" / "anonymise.yaml"
CITY_WIDE = "徐州市"
LABEL_SEPARATOR = " · "
NAME_FIELDS = ("proposer_name", "recipient_name")
_DIGIT_RUN = re.compile(r"[0-9]{7,}[0-9Xx]?")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@cache
def settings() -> dict:
    with open(SETTINGS_FILE, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def personal_values(record: dict, fields: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(value, placeholder) pairs of a record's identifying personal fields."""
    placeholders, generic = settings()["placeholders"], set(settings()["generic_values"])
    pairs = []
    for key in placeholders if fields is None else fields:
        value = record.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in generic:
            pairs.append((value.strip(), placeholders[key]))
    return pairs


def scrub(text: str | None, replacements: list[tuple[str, str]]) -> str | None:
    """Replace each value verbatim, longest first, so an address that
    contains a name is removed whole. Idempotent: placeholders never match."""
    if not text:
        return text
    for value, placeholder in sorted(set(replacements), key=lambda pair: (-len(pair[0]), pair[0])):
        text = text.replace(value, placeholder)
    return text


class KnownValues:
    """Every name, phone, ID number and e-mail in the whole export, so that a
    text naming *another* proposer (邻居张金凤…) is caught too. Names are found
    with a sliding window over their lengths and the rest by their shape, so
    the cost per text does not grow with the size of the export."""

    def __init__(self, records: Iterable[dict]):
        placeholders = settings()["placeholders"]
        self.names: set[str] = set()
        self.tokens: dict[str, str] = {}
        for record in records:
            for value, placeholder in personal_values(record):
                if placeholder == placeholders["proposer_name"]:
                    self.names.add(value)
                elif _DIGIT_RUN.fullmatch(value) or _EMAIL.fullmatch(value):
                    self.tokens[value] = placeholder
        self.lengths = sorted({len(name) for name in self.names}, reverse=True)
        self.name_placeholder = placeholders["proposer_name"]

    def clean(self, text: str | None, own: list[tuple[str, str]]) -> str | None:
        """A published text: the record's own values first, then everyone's."""
        return self.scrub(scrub(text, own))

    def scrub(self, text: str | None) -> str | None:
        if not text:
            return text
        text = _DIGIT_RUN.sub(lambda m: self.tokens.get(m.group(), m.group()), text)
        text = _EMAIL.sub(lambda m: self.tokens.get(m.group(), m.group()), text)
        return self._scrub_names(text) if self.names else text

    def _scrub_names(self, text: str) -> str:
        out, index = [], 0
        while index < len(text):
            for length in self.lengths:
                if text[index : index + length] in self.names:
                    out.append(self.name_placeholder)
                    index += length
                    break
            else:
                out.append(text[index])
                index += 1
        return "".join(out)


def public_labels(pairs: Iterable[tuple[str, str]], k: int) -> dict[tuple[str, str], tuple[str | None, str]]:
    """(category, district) -> (district or None, label). A pair shared by
    fewer than k published records keeps its category and drops its district
    to the whole city, so a rare combination cannot point at one person."""
    pairs = list(pairs)
    counts = Counter(pairs)
    labels = {}
    for category, district in counts:
        shown = district if counts[(category, district)] >= k else None
        labels[(category, district)] = (shown, f"{category}{LABEL_SEPARATOR}{shown or CITY_WIDE}")
    return labels
