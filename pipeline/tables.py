"""The loaded form of one export table, shared by the CSV and XLSX readers."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .config import TableSpec
from .problems import Problem, problem


@dataclass
class Table:
    """One table of the export. `frame` has one column per pipeline key
    (missing optional columns are empty) and is indexed by the row number a
    staff member sees in Excel (the header is row 1)."""

    spec: TableSpec
    source: str
    frame: pd.DataFrame
    present: set[str] = field(default_factory=set)


def clean_header(text: str) -> str:
    return str(text).replace("\ufeff", "").replace("\u3000", " ").strip()


def rows_to_table(
    spec: TableSpec, source: str, header: list[str], rows: list[tuple[int, list[str]]]
) -> tuple[Table | None, list[Problem]]:
    """Match headers to the spec and build the table; shared by CSV and XLSX."""
    problems = []
    header = [clean_header(h) for h in header]
    positions: dict[str, int] = {}
    for index, text in enumerate(header):
        if text and text in positions:
            problems.append(problem(source, "column.duplicate", row=1, column=text))
        positions.setdefault(text, index)
    present = set()
    for key, column in spec.columns.items():
        if column.header in positions:
            present.add(key)
        elif column.required:
            problems.append(problem(source, "column.missing", row=1, column=column.header, expected=column.header))

    width = len(header)
    keys, data, numbers = list(spec.columns), [], []
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # blank lines Excel leaves at the end; they still count rows
        # Trailing empty cells past the header are harmless (Excel writes them).
        if len(cells) < width or any(cell.strip() for cell in cells[width:]):
            problems.append(problem(source, "file.ragged_row", row=number, expected=str(width)))
            continue
        data.append([cells[positions[column.header]] if key in present else "" for key, column in spec.columns.items()])
        numbers.append(number)
    frame = pd.DataFrame(data, columns=keys, index=pd.Index(numbers, name="row"), dtype=str)
    return Table(spec, source, frame, present), problems
