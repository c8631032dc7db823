"""Free-text scrubbing: personal data in citizen text -> readable Chinese
placeholders (【手机号已隐去】), never partial masks.

Each family (mobile numbers, landlines, ID numbers, ...) lives in its own
module as one or more `Family` values: a compiled pattern, an optional
`accept` check (checksums, cue words) and the placeholder. `Scrubber` runs
them in `ORDER` over text that was first folded by `fold` (full-width digits,
letters and @ to ASCII; CJK punctuation kept), and reports what it removed as
`Finding`s: family, field and position, never the value.

Scrubbing is deterministic and idempotent: no pattern matches a placeholder,
so scrubbing scrubbed text changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from .. import yamlio

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "config" / "anonymise.yaml"

# Full-width ASCII variants (digits, letters, @ + - . _ and the like) fold to
# ASCII; CJK punctuation (，。：；（）！？) is kept so published Chinese text
# reads as written. Odd spaces become plain spaces.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
for _kept in "，。：；（）！？、【】「」《》〔〕":
    _FOLD.pop(ord(_kept), None)
_FOLD.update({code: " " for code in (0x00A0, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000)})
_FOLD.update({0x200B: None, 0xFEFF: None})


def fold(text: str) -> str:
    """The normalisation every pattern assumes (a targeted NFKC)."""
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Family:
    """One kind of personal data and how to find it.

    `pattern` finds candidates; if it has a group named `value`, only that
    span is replaced (a cue word such as 微信 is kept). `accept` may refuse a
    candidate (a failed checksum, say)."""

    name: str
    label: str
    placeholder: str
    pattern: re.Pattern
    accept: Callable[[re.Match], bool] | None = None


def apply(family: Family, text: str) -> tuple[str, int]:
    """Replace every accepted match of one family; -> (text, how many)."""
    out, last, count = [], 0, 0
    named = "value" in family.pattern.groupindex
    for match in family.pattern.finditer(text):
        if family.accept is not None and not family.accept(match):
            continue
        start, end = match.span("value") if named else match.span()
        if start < last or start == end:
            continue
        out += (text[last:start], family.placeholder)
        last, count = end, count + 1
    if not count:
        return text, 0
    out.append(text[last:])
    return "".join(out), count


def scrub_text(text: str, families: list[Family]) -> tuple[str, dict[str, int]]:
    """Fold, then run each family in order; -> (text, family -> count)."""
    text = fold(text)
    counts = {}
    for family in families:
        text, count = apply(family, text)
        if count:
            counts[family.name] = counts.get(family.name, 0) + count
    return text, counts


@cache
def settings() -> dict:
    with open(SETTINGS_FILE, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yamlio.LOADER)


def placeholder(family: str, lang: str | None = None) -> str:
    """The published placeholder of a family (config/anonymise.yaml); `lang`
    "en": the one of the English columns."""
    return settings()["placeholders_en" if lang == "en" else "placeholders"][family]
