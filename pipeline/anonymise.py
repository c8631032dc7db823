"""Anonymise: what identifies a person is removed from every published text.

Three passes over text folded by `scrub.fold`, in this order:
1. the record's own personal values (name, phone, ID number, address,
   e-mail, employer) wherever they appear verbatim;
2. every personal value of the *whole export*, so a body that mentions
   another proposer (邻居张金凤…) is caught: one Aho-Corasick automaton, so
   the cost per text does not grow with the export. Employers count too: an
   institution named in another text is removed as well (privacy first; the
   audit report shows each removal);
3. the pattern families of `pipeline.scrub` (other spellings, unknown names
   after cue words, addresses, plates, dates of birth ...).
Each pass reports how many values of which family it removed, for the audit
report. A text of an English column gets the same passes, then English
placeholders ([mobile number removed]) for the Chinese ones. Who the proposer
is in public is `coarsen`'s job.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import ahocorasick

from .scrub import apply, fold, placeholder, settings
from .scrub.families import ORDER

_DIGITS = re.compile(r"[0-9]{7,}[0-9Xx]?")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def personal_values(record: dict) -> list[tuple[str, str]]:
    """(folded value, family) of a record's identifying personal fields."""
    generic = set(settings()["generic_values"])
    pairs = []
    for key, family in settings()["personal_fields"].items():
        value = record.get(key)
        if isinstance(value, str) and value.strip() and value.strip() not in generic:
            pairs.append((fold(value.strip()), family))
    return pairs


def known_family(value: str, family: str) -> str | None:
    """The family a value is searched for under in every text of the export
    (None: too short to search for safely)."""
    if len(value) < 2:
        return None
    if family in ("landline", "mobile") and _DIGITS.fullmatch(value):
        return "mobile" if _MOBILE.fullmatch(value) else "landline"
    return family


def replace_verbatim(text: str, pairs: Iterable[tuple[str, str]], counts: Counter) -> str:
    """Longest value first, so an address that contains a name goes whole."""
    for value, family in sorted(set(pairs), key=lambda pair: (-len(pair[0]), pair[0])):
        found = text.count(value)
        if found:
            text = text.replace(value, placeholder(family))
            counts[family] += found
    return text


class Anonymiser:
    def __init__(self, records: Iterable[dict]):
        self.automaton = ahocorasick.Automaton()
        for record in records:
            for value, family in personal_values(record):
                searched = known_family(value, family)
                if searched:
                    self.automaton.add_word(value, (len(value), searched))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def known(self, text: str, counts: Counter) -> str:
        if self.empty:
            return text
        out, last = [], 0
        for end, (length, family) in self.automaton.iter_long(text):
            start = end - length + 1
            if start < last:
                continue
            out += (text[last:start], placeholder(family))
            counts[family] += 1
            last = end + 1
        return "".join(out) + text[last:] if out else text

    def clean(
        self, text: str | None, own: list[tuple[str, str]] = (), lang: str | None = None
    ) -> tuple[str | None, Counter]:
        """A published text -> (scrubbed text, family -> how many removed);
        `lang` "en": a text of an English column."""
        counts: Counter = Counter()
        if not text:
            return text, counts
        text = self.known(replace_verbatim(fold(text), own, counts), counts)
        for family in ORDER:
            text, found = apply(family, text)
            if found:
                counts[family.name] += found
        return (in_english(text, counts) if lang == "en" else text), counts


def in_english(text: str, counts: Counter) -> str:
    """The Chinese placeholders of the families removed -> the English ones.
    After every pass, so the patterns that recognise a placeholder (a country
    code left before 【手机号已隐去】) have run."""
    for family in counts:
        text = text.replace(placeholder(family), placeholder(family, "en"))
    return text
