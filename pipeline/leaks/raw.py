"""The personal values of a raw staff export, and finding them in published
text whatever their spelling (full-width, entity-encoded, spaced or dashed
numbers). Values are held in memory only, never printed: RawValues' repr
shows counts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import ahocorasick
import yaml

from .patterns import RAW_SHORT_NAME, RAW_VALUE, Hit
from .text import fold

ROOT = Path(__file__).resolve().parents[2]
ANONYMISE_FILE = ROOT / "config" / "anonymise.yaml"
NAME_KEYS = frozenset({"proposer_name", "recipient_name", "attendee_names"})
# Name columns whose row may consent to the name being published (consent_credit 是).
CREDITED_KEYS = frozenset({"recipient_name", "attendee_names"})
CONSENT_TABLES = frozenset({"commendations", "sessions"})
CITY = "徐州市"
MIN_DIGITS = 7  # shorter numbers (12345, a room number) identify nobody
MIN_TEXT = 2
# Separators people put inside a number: removed between digits before
# numbers are compared, so 138 1234 5678 and (0516)8388-1234 match.
_INSIDE_NUMBER = re.compile(r"(?<=\d)[ \-.()\u2010-\u2015]{1,2}(?=[\dx])")
_NUMBER_RUN = re.compile(r"\d(?<!\d\d)(?:[ \-.()\u2010-\u2015]{0,2}[\dx]){6,}")  # 7+ digits
_NUMBER_PARTS = re.compile(r"[^\dXx \-.()\u2010-\u2015+]+")
_ASCII_WORD = re.compile(r"[0-9a-z]")
# Context that makes a two-character name a name (see RAW_SHORT_NAME).
NAME_BEFORE = (
    "邻居",
    "建议人",
    "联系人",
    "反映人",
    "我叫",
    "我是",
    "本人",
    "感谢",
    "告知",
    "居民",
    "市民",
    "村民",
    "业主",
    "同事",
)
NAME_AFTER = ("同志", "先生", "女士", "老师", "师傅", "阿姨", "大爷", "本人", "等人", "和我", "一起")


def digit_forms(value: str) -> set[str]:
    """A phone or ID cell -> its numbers, digits only (a final x kept);
    a cell may hold two numbers ("138…；0516-…")."""
    forms = set()
    for part in _NUMBER_PARTS.split(fold(value).lower()):
        digits = "".join(c for c in part if c.isdigit() or c == "x")
        if digits.startswith("0086"):
            digits = digits[4:]
        elif digits.startswith("86") and len(digits) == 13:
            digits = digits[2:]
        if len(digits) >= MIN_DIGITS:
            forms.add(digits)
    return forms


def text_forms(value: str) -> set[str]:
    """A name, address, e-mail or employer -> folded forms; an address also
    without the city prefix (people leave it out)."""
    folded = fold(value).strip().lower()
    forms = {folded} if len(folded) >= MIN_TEXT else set()
    short = folded.removeprefix(CITY)
    if short != folded and len(short) >= 6:
        forms.add(short)
    return forms


def _bytes(text: str) -> str:
    """UTF-8 bytes as a str of code points < 256. The automaton works on this
    form: its root then has a handful of branches instead of one per first
    character of thousands of names, which keeps the search fast for a large
    export (100,000 values: ~40 ns per character instead of ~10 µs)."""
    return text.encode("utf-8", errors="surrogatepass").decode("latin-1")


def _char_length(encoded: str) -> int:
    """Characters in a piece of _bytes() output (whole characters)."""
    return len(encoded.encode("latin-1").decode("utf-8", errors="surrogatepass"))


def _automaton(values: Iterable[str], encode: bool) -> ahocorasick.Automaton | None:
    automaton = ahocorasick.Automaton()
    for value in values:
        automaton.add_word(_bytes(value) if encode else value, value)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


@dataclass(frozen=True)
class RawValues:
    """Folded personal values of an export. `credited`: names of award winners
    who consented to be named (allowed under commendations/ only);
    `short_names`: two-character names (see RAW_SHORT_NAME)."""

    text: frozenset[str] = frozenset()
    digits: frozenset[str] = frozenset()
    credited: frozenset[str] = frozenset()
    short_names: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        text: Iterable[str] = (),
        digits: Iterable[str] = (),
        credited: Iterable[str] = (),
        names: Iterable[str] = (),
    ) -> RawValues:
        """From raw cells: `names` and `credited` are people's names, `text`
        other text values (address, e-mail, employer), `digits` phone and ID cells."""
        name_values = {form for value in names for form in text_forms(value)}
        credited_values = {form for value in credited for form in text_forms(value)}
        text_values = {form for value in text for form in text_forms(value)} | name_values | credited_values
        return cls(
            frozenset(text_values),
            frozenset(form for value in digits for form in digit_forms(value)),
            frozenset(credited_values),
            frozenset(name for name in name_values | credited_values if len(name) == 2),
        )

    def __repr__(self) -> str:  # never the values
        return (
            f"RawValues({len(self.text)} text, {len(self.digits)} numbers, {len(self.credited)} credited, "
            f"{len(self.short_names)} two-character names)"
        )

    def __len__(self) -> int:
        return len(self.text) + len(self.digits)

    # cached_property writes the instance __dict__ directly: allowed on a frozen dataclass.
    @cached_property
    def _text_automaton(self) -> ahocorasick.Automaton | None:
        return _automaton(self.text, encode=True)

    @cached_property
    def _digit_automaton(self) -> ahocorasick.Automaton | None:
        return _automaton(self.digits, encode=False)

    def find(self, folded: str, credit: bool = False) -> list[Hit]:
        """Hits in folded text; `credit`: the file may name consenting winners."""
        lowered = folded.lower()
        if len(lowered) != len(folded):  # rare characters whose lower case is longer
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)
        return self._find_text(lowered, credit) + self._find_numbers(lowered)

    def _find_text(self, lowered: str, credit: bool) -> list[Hit]:
        if self._text_automaton is None:
            return []
        encoded = _bytes(lowered)
        found, byte_end, char_end = [], 0, 0
        for last, value in self._text_automaton.iter(encoded):  # in order of their end
            char_end += _char_length(encoded[byte_end : last + 1])
            byte_end = last + 1
            found.append((char_end - len(value), char_end, value))
        # Where credit is allowed, a credited name and any value inside it
        # (another person's 王雪 inside 王雪梅) are not findings.
        allowed = [(start, end) for start, end, value in found if credit and value in self.credited]
        return [
            Hit(start, end, RAW_SHORT_NAME if self._in_a_word(lowered, start, end, value) else RAW_VALUE)
            for start, end, value in found
            if not any(a <= start and end <= b for a, b in allowed) and _bounded(lowered, start, end, value)
        ]

    def _in_a_word(self, text: str, start: int, end: int, value: str) -> bool:
        """A two-character name between two Chinese characters, with no cue."""
        if value not in self.short_names or not (_han(text, start - 1) and _han(text, end)):
            return False
        return not any(text.endswith(cue, 0, start) for cue in NAME_BEFORE) and not any(
            text.startswith(cue, end) for cue in NAME_AFTER
        )

    def _find_numbers(self, lowered: str) -> list[Hit]:
        """Numbers of 7+ digits, their separators removed, against the digit values."""
        if self._digit_automaton is None:
            return []
        hits = []
        for run in _NUMBER_RUN.finditer(lowered):
            text = run.group()
            joined = _INSIDE_NUMBER.sub("", text)
            shifts = None
            for end, value in self._digit_automaton.iter(joined):
                start = end + 1 - len(value)
                if not _alone(joined, start, end + 1):
                    continue
                shifts = _shifts(text) if shifts is None else shifts
                offset = run.start()
                hits.append(Hit(offset + _original(shifts, start), offset + _original(shifts, end) + 1, RAW_VALUE))
        return hits


def _han(text: str, index: int) -> bool:
    return 0 <= index < len(text) and ("\u4e00" <= text[index] <= "\u9fff" or "\u3400" <= text[index] <= "\u4dbf")


def _bounded(text: str, start: int, end: int, value: str) -> bool:
    """An e-mail or other ASCII value is not part of a longer ASCII word."""
    if _ASCII_WORD.match(value[0]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    return not (_ASCII_WORD.match(value[-1]) and end < len(text) and _ASCII_WORD.match(text[end]))


def _alone(joined: str, start: int, end: int) -> bool:
    """A number is not part of a longer one; a country code 86 / 0086 may
    precede it (+86 138…)."""
    if end < len(joined) and joined[end].isdigit():
        return False
    for prefix in ("", "86", "0086"):
        begin = start - len(prefix)
        if begin >= 0 and joined[begin:start] == prefix and (begin == 0 or not joined[begin - 1].isdigit()):
            return True
    return False


def _shifts(text: str) -> list[tuple[int, int]]:
    """(offset in the joined text, characters removed before it) steps, to
    map an offset of _INSIDE_NUMBER.sub("", text) back to text."""
    shifts, removed = [(0, 0)], 0
    for match in _INSIDE_NUMBER.finditer(text):
        removed += match.end() - match.start()
        shifts.append((match.end() - removed, removed))
    return shifts


def _original(shifts: list[tuple[int, int]], offset: int) -> int:
    index = bisect_right(shifts, (offset, float("inf"))) - 1
    return offset + shifts[index][1]


def _generic_values() -> frozenset[str]:
    with open(ANONYMISE_FILE, encoding="utf-8") as handle:
        config = yaml.safe_load(handle) or {}
    return frozenset(fold(str(v)).strip().lower() for v in config.get("generic_values") or [])


class RawExportError(Exception):
    """The raw export could not be read: no values to look for (never a clean scan)."""


def raw_values(input_path: Path, mapping: Path | None = None) -> RawValues:
    """Every non-empty personal value of a raw export (CSV folder or .xlsx),
    read with the pipeline's loader (load -> clean). Validation problems are
    ignored (this only collects values to look for); an export without a
    readable suggestions table is an error.

    The loader modules are imported directly, not through pipeline.__main__,
    which imports the anonymiser and the scrubber: this code path stays
    independent of them."""
    from pipeline.config import load_schema, load_vocabulary
    from pipeline.load import load_export
    from pipeline.normalise import clean_table

    tables, problems = load_export(Path(input_path), load_schema(mapping))
    if "suggestions" not in tables:
        codes = "、".join(sorted({p.code for p in problems})) or "无数据"
        raise RawExportError(f"无法读取原始导出的建议表（{codes}）")
    return values_of({name: clean_table(table) for name, table in tables.items()}, load_vocabulary())


def values_of(tables: dict, vocabulary) -> RawValues:
    """The same from tables already read and cleaned (`read_export`'s
    `tables`: table name -> pipeline.tables.Table). Personal columns are those
    marked `personal: true` in the table's spec; values listed in
    `generic_values` (config/anonymise.yaml), one-character names and
    vocabulary words (a district given as an address) are left out. A
    commendation recipient (or a session's attendee) is `credited` when the
    row's consent_credit cell is yes. A list cell (a session's attendees) gives
    each of its names."""
    from pipeline.normalise import parse_list, parse_yes_no

    generic = _generic_values()
    public_words = {fold(word).lower() for words in vocabulary.lists.values() for word in words}
    text, digits, credited, names = [], [], [], []
    for name, table in tables.items():
        frame = table.frame
        consents = name in CONSENT_TABLES and "consent_credit" in frame
        consent = frame["consent_credit"] if consents else None
        for key, column in table.spec.columns.items():
            if not column.personal or key not in frame:
                continue
            cells = frame[key].items()
            if column.type == "list":
                cells = ((index, item) for index, cell in cells for item in parse_list(str(cell or "")))
            for index, value in cells:
                if not isinstance(value, str) or not value.strip():
                    continue
                folded = fold(value).strip().lower()
                if folded in generic or (key in NAME_KEYS and len(folded) < 2):
                    continue
                if column.type == "digits":
                    digits.append(value)
                elif folded not in public_words:
                    consenting = consent is not None and parse_yes_no(str(consent.get(index) or ""), vocabulary) is True
                    if key in CREDITED_KEYS and consenting:
                        credited.append(value)
                    else:
                        (names if key in NAME_KEYS else text).append(value)
    return RawValues.build(text, digits, credited, names)
