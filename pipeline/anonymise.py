"""Anonymise: what identifies a person is removed before anything is
published.

This stage replaces a record's own personal values wherever they appear
verbatim in its free text, and turns the proposer into a public label
(category and district, coarsened when the pair is rare). Pattern-based
scrubbing of other spellings (spaced phone numbers, unknown names ...) is
added here too: one stage, one seam.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

# Field -> the placeholder its value is replaced by in published text.
PLACEHOLDERS = {
    "proposer_name": "【姓名已隐去】",
    "recipient_name": "【姓名已隐去】",
    "proposer_phone": "【电话已隐去】",
    "proposer_id_number": "【身份证号已隐去】",
    "proposer_address": "【地址已隐去】",
    "proposer_email": "【邮箱已隐去】",
    "proposer_employer": "【工作单位已隐去】",
}
CITY_WIDE = "徐州市"
LABEL_SEPARATOR = " · "


def personal_values(record: dict, fields: Iterable[str] = PLACEHOLDERS) -> list[tuple[str, str]]:
    """(value, placeholder) pairs of a record's non-empty personal fields."""
    pairs = []
    for key in fields:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            pairs.append((value.strip(), PLACEHOLDERS[key]))
    return pairs


def scrub(text: str | None, replacements: list[tuple[str, str]]) -> str | None:
    """Replace each value verbatim, longest first, so an address that
    contains a name is removed whole. Idempotent: placeholders never match."""
    if not text:
        return text
    for value, placeholder in sorted(set(replacements), key=lambda pair: (-len(pair[0]), pair[0])):
        text = text.replace(value, placeholder)
    return text


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
