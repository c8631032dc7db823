"""A CSV file -> records, refusing what the csv module or the encoding
cannot read sensibly: a cell too large to be a real cell, a NUL byte,
UTF-16, rows mixing UTF-8 and GB18030. Each refusal names the row (the
Excel row: a record with a quoted line break counts once) and the column
when known."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .encoding import decode, looks_utf16, mixed_rows
from .problems import Problem, problem

# The csv module's own default; the longest real cell (a body) is limited to
# 10,000 characters by config/columns.yaml.
CELL_MAX_CHARS = 131072
LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@contextmanager
def field_limit(limit: int):
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


class _Lines:
    """The text's lines as csv.reader wants them (line ends kept, as
    newline="" would), remembering where the last line handed out ended."""

    def __init__(self, text: str, start: int = 0):
        self.matches = LINE.finditer(text, start)
        self.end = start

    def __iter__(self) -> Iterator[str]:
        for match in self.matches:
            self.end = match.end()
            yield match.group()


def _big_cell(text: str, start: int) -> int | None:
    """Index of the first oversized cell of the record starting at `start`."""
    with field_limit(sys.maxsize):
        record = next(csv.reader(iter(_Lines(text, start))), [])
    return next((i for i, cell in enumerate(record) if len(cell) > CELL_MAX_CHARS), None)


def parse(text: str, source: str) -> tuple[list[list[str]], list[Problem]]:
    records: list[list[str]] = []
    lines = _Lines(text)
    reader = csv.reader(iter(lines))
    start = 0
    with field_limit(CELL_MAX_CHARS):
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return records, []
            except csv.Error as error:
                row = len(records) + 1
                if "field larger than field limit" not in str(error):
                    return [], [problem(source, "file.unreadable", row=row, expected=str(error))]
                index = _big_cell(text, start)
                header = records[0] if records else []
                column = header[index].strip() if index is not None and index < len(header) else None
                found = problem(source, "file.cell_too_large", row=row, column=column, expected=str(CELL_MAX_CHARS))
                return [], [found]
            records.append(record)
            start = lines.end


def nul_problems(source: str, records: list[list[str]], limit: int = 5) -> list[Problem]:
    found = []
    header = records[0] if records else []
    for row, record in enumerate(records, start=1):
        for index, cell in enumerate(record):
            if "\x00" in cell:
                column = header[index].strip() if row > 1 and index < len(header) else None
                found.append(problem(source, "value.nul", row=row, column=column))
                if len(found) == limit:
                    return found
    return found


def read_records(data: bytes, source: str) -> tuple[list[list[str]] | None, list[Problem]]:
    """Bytes of a CSV file -> its records (header first), or the refusal."""
    if looks_utf16(data):
        return None, [problem(source, "file.utf16")]
    text, encoding = decode(data)
    if text is None:
        return None, [problem(source, "file.encoding")]
    records, problems = parse(text, source)
    if problems:
        return None, problems
    if "\x00" in text:
        return None, nul_problems(source, records)
    if encoding == "gb18030":
        rows = mixed_rows(list(enumerate(records, start=1)))
        if rows:
            return None, [problem(source, "file.mixed_encoding", row=row) for row in rows]
    return records, []
