"""Normalise: every accepted spelling of a cell -> one canonical value.

Each parser returns the canonical value, or `INVALID` when the cell cannot be
read. Parsing goes through the column's distinct values only (exports repeat
dates and vocabulary values thousands of times), so large exports stay fast.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

import pandas as pd

from .config import Column, Vocabulary
from .tables import Table

INVALID = object()

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\ufeff]+")
_DATE_PATTERNS = [
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
]
_LIST_SEPARATORS = re.compile(r"[、；;,，]")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+]?\d+")
# A place finer than a street or township: any digit, or a numbered house,
# building, room, lane... (三号楼, 五单元). Such a cell is refused, not cut.
_ADDRESS_LIKE = re.compile(r"\d|[一二三四五六七八九十百零〇两]+(?:号|栋|幢|楼|室|单元|弄|巷|组)|号|栋|幢|单元|室")


def clean_line(text: str) -> str:
    """Trim and fold runs of spaces (full-width and no-break ones too)."""
    return _SPACES.sub(" ", text).strip()


def clean_text(text: str) -> str:
    """Free text: unify line ends, trim each line, at most one blank line."""
    lines = [clean_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def parse_date(text: str) -> str | object:
    """-> 'YYYY-MM-DD' for the spellings staff use; impossible dates refused."""
    value = unicodedata.normalize("NFKC", text).replace(" ", "") if "年" in text else text
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return dt.date(*(int(part) for part in match.groups())).isoformat()
            except ValueError:
                return INVALID
    return INVALID


def parse_yes_no(text: str, vocabulary: Vocabulary) -> bool | object:
    folded = unicodedata.normalize("NFKC", text).lower()
    if folded in vocabulary.yes_values:
        return True
    if folded in vocabulary.no_values:
        return False
    return INVALID


def parse_number(text: str) -> int | float | object:
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    try:
        number = float(folded)
    except ValueError:
        return INVALID
    if number != number or number in (float("inf"), float("-inf")):
        return INVALID
    return int(number) if number.is_integer() else number


def parse_year(text: str) -> int | object:
    folded = unicodedata.normalize("NFKC", text).removesuffix("年")
    return int(folded) if folded.isdigit() and 2000 <= int(folded) <= 2100 else INVALID


def parse_count(text: str) -> int | object:
    """A head count: a whole number, 0 or more."""
    folded = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "").removesuffix("人")
    return int(folded) if folded.isascii() and folded.isdigit() else INVALID


def parse_place(text: str) -> str | object:
    """A street or township (彭城街道, 大黄山镇); anything with a number is refused."""
    return INVALID if _ADDRESS_LIKE.search(unicodedata.normalize("NFKC", text)) else text


def parse_list(text: str) -> tuple[str, ...]:
    return tuple(item for item in (clean_line(part) for part in _LIST_SEPARATORS.split(text)) if item)


def vocabulary_parser(names: list[str]) -> Callable[[str], str | object]:
    """Match after NFKC, so full-width brackets (镇（街道）征集点) are accepted."""
    folded = {unicodedata.normalize("NFKC", name): name for name in names}
    return lambda text: folded.get(unicodedata.normalize("NFKC", text), INVALID)


def vocabulary_list_parser(names: list[str]) -> Callable[[str], tuple[str, ...] | object]:
    """A list whose every item is a vocabulary name; INVALID if any is not
    (validate names each unknown item: `unknown_items`)."""
    one = vocabulary_parser(names)

    def parse(text: str) -> tuple[str, ...] | object:
        items = tuple(one(item) for item in parse_list(text))
        return INVALID if any(item is INVALID for item in items) else tuple(dict.fromkeys(items))

    return parse


def unknown_items(text: str, names: list[str]) -> list[str]:
    """The items of a list cell that are not vocabulary names."""
    one = vocabulary_parser(names)
    return [item for item in parse_list(text) if one(item) is INVALID]


def parse_digits(text: str) -> str | object:
    """Phone or ID numbers: refuse what Excel turned into 3.20311E+17."""
    return INVALID if _SCIENTIFIC.fullmatch(text.replace(" ", "")) else text


def _pattern(regex: re.Pattern) -> Callable[[str], str | object]:
    return lambda text: text if regex.fullmatch(text) else INVALID


def parser_for(column: Column, vocabulary: Vocabulary) -> Callable[[str], object]:
    """The parser of a column's type; applied only to non-empty cells."""
    parsers: dict[str, Callable[[str], object]] = {
        "date": parse_date,
        "yesno": lambda text: parse_yes_no(text, vocabulary),
        "number": parse_number,
        "year": parse_year,
        "list": parse_list,
        "count": parse_count,
        "place": parse_place,
        "slug": _pattern(_SLUG),
        "id": _pattern(_CASE_ID),
        "digits": parse_digits,
    }
    if column.type == "vocab":
        return vocabulary_parser(vocabulary.lists[column.vocab])
    if column.type == "vocab_list":
        return vocabulary_list_parser(vocabulary.lists[column.vocab])
    return parsers.get(column.type, lambda text: text)


def clean_column(series: pd.Series, column: Column) -> pd.Series:
    """Whitespace normalisation: free text keeps its paragraphs."""
    cleaner = clean_text if column.type in ("freetext", "markdown") else clean_line
    return map_distinct(series, cleaner)


def parse_column(series: pd.Series, column: Column, vocabulary: Vocabulary) -> pd.Series:
    """Cleaned cells -> canonical values; empty cells -> None, unreadable ->
    INVALID."""
    parser = parser_for(column, vocabulary)
    return map_distinct(series, lambda text: parser(text) if text else None)


def map_distinct(series: pd.Series, function: Callable[[str], object]) -> pd.Series:
    """Apply `function` once per distinct value."""
    mapping = {value: function(value) for value in series.unique()}
    # Built by hand: Series.map would turn None into NaN.
    return pd.Series([mapping[value] for value in series], index=series.index, dtype=object)


def clean_table(table: Table) -> Table:
    frame = table.frame.copy()
    for key, column in table.spec.columns.items():
        if key in table.present:
            frame[key] = clean_column(frame[key], column)
    return Table(table.spec, table.source, frame, table.present)


def parse_table(table: Table, vocabulary: Vocabulary) -> pd.DataFrame:
    """A cleaned table -> canonical values per column (same row index)."""
    return pd.DataFrame(
        {key: parse_column(table.frame[key], column, vocabulary) for key, column in table.spec.columns.items()},
        index=table.frame.index,
    )
