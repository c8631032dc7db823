"""A CSV file -> records, refusing what the csv module or the encoding
cannot read sensibly: a cell too large to be a real cell, a NUL byte,
UTF-16, rows mixing UTF-8 and GB18030. Each refusal names the row (the
Excel row: a record with a quoted line break counts once) and the column
when known."""

from __future__ import annotations

import codecs
import csv
import re
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .encoding import decode, looks_utf16
from .inputs import CSV_MAX_BYTES, Refused, open_input
from .problems import Problem, problem

# The csv module's own default; the longest real cell (a body) is limited to
# 10,000 characters by config/columns.yaml.
CELL_MAX_CHARS = 131072
# One field of the default dialect: quoted (doubled quotes inside) or bare.
FIELD = re.compile(r'"[^"]*(?:""[^"]*)*"[^,\r\n]*|[^,\r\n]*')
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
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        for match in self.matches:
            self.end = match.end()
            self.count += 1
            yield match.group()


def _big_cell(text: str, start: int) -> int | None:
    """Index of the first oversized cell of the record starting at `start`,
    found by matching field spans (no copy of the huge cell is made)."""
    index, position = 0, start
    while True:
        match = FIELD.match(text, position)
        if match.end() - match.start() > CELL_MAX_CHARS:
            return index
        position = match.end()
        if not text.startswith(",", position):
            return None
        index, position = index + 1, position + 1


def parse(text: str, source: str, starts: list[int] | None = None) -> tuple[list[list[str]], list[Problem]]:
    """-> the records, or the refusal; `starts` gets each record's first
    physical line (1-based)."""
    records: list[list[str]] = []
    lines = _Lines(text)
    reader = csv.reader(iter(lines))
    start = line = 0
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
            if starts is not None:
                starts.append(line + 1)
            records.append(record)
            start, line = lines.end, lines.count


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


def _utf8(handle) -> str | None:
    """The file as UTF-8 (BOM dropped), decoded a chunk at a time so the
    bytes and a full-size decoding buffer are never in memory together."""
    decoder, pieces = codecs.getincrementaldecoder("utf-8-sig")(), []
    try:
        while chunk := handle.read(1 << 20):
            pieces.append(decoder.decode(chunk))
        pieces.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    return "".join(pieces)


def read_file(path: Path, source: str, root: Path) -> tuple[list[list[str]] | None, list[Problem]]:
    """A CSV file of INPUT -> its records (header first), or the refusal."""
    try:
        with open_input(path, CSV_MAX_BYTES, source, root) as handle:
            if looks_utf16(handle.read(4096)):
                return None, [problem(source, "file.utf16")]
            handle.seek(0)
            text, mixed = _utf8(handle), []
            if text is None:  # GB18030 or mixed: the slower path, bytes in memory
                handle.seek(0)
                text, mixed = decode(handle.read(CSV_MAX_BYTES + 1))
    except Refused as refused:
        return None, [refused.problem]
    if text is None:
        return None, [problem(source, "file.encoding")]
    starts: list[int] = []
    records, problems = parse(text, source, starts)
    if problems:
        return None, problems
    if mixed:
        rows = sorted({bisect_right(starts, line) for line in mixed})
        return None, [problem(source, "file.mixed_encoding", row=row) for row in rows]
    if "\x00" in text:
        return None, nul_problems(source, records)
    return records, []
