"""Write the generated tables as the staff export: four CSV files (UTF-8 with
BOM, CRLF, headers from config/columns.yaml) or one XLSX workbook (sheets
named in config/columns.yaml, real date cells, ID and phone cells as text).

Both are byte-identical for the same tables: CSV dates are spelled with a
seeded random.Random, and xlsx.py writes fixed zip times."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from pipeline.config import TableSpec

from . import dates, xlsx

XLSX_NAME = "export.xlsx"
# Column types written as text-formatted cells (IDs, phone and ID numbers).
TEXT_TYPES = {"id", "digits"}


def _csv_cell(value: object, column_type: str, rnd: random.Random) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return dates.spell(rnd, value) if column_type == "date" else value.isoformat()
    return str(value)


def write_csv(out_dir: Path, schema: dict[str, TableSpec], tables: dict[str, list[dict]], seed: int) -> list[Path]:
    rnd = random.Random(f"date-spellings:{seed}")
    written = []
    for name, rows in tables.items():
        spec = schema[name]
        columns = list(spec.columns.values())
        path = out_dir / spec.file
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)  # excel dialect: CRLF, quotes when needed
            writer.writerow([c.header for c in columns])
            for row in rows:
                writer.writerow([_csv_cell(row.get(c.key), c.type, rnd) for c in columns])
        written.append(path)
    return written


def write_xlsx(out_dir: Path, schema: dict[str, TableSpec], tables: dict[str, list[dict]]) -> Path:
    sheets = []
    for name, rows in tables.items():
        spec = schema[name]
        columns = list(spec.columns.values())
        kinds = [xlsx.TEXT if c.type in TEXT_TYPES else xlsx.GENERAL for c in columns]
        sheets.append((spec.sheet, [c.header for c in columns], _xlsx_rows(rows, columns), kinds))
    path = out_dir / XLSX_NAME
    xlsx.write_workbook(path, sheets)
    return path


def _xlsx_rows(rows: list[dict], columns: list) -> Iterator[list[object]]:
    for row in rows:
        yield [_xlsx_value(row.get(c.key), c.type) for c in columns]


def _xlsx_value(value: object, column_type: str) -> object:
    """Dates stay dates, numbers stay numbers, everything else is text."""
    if value is None or (isinstance(value, (dt.date, int, float)) and column_type in ("date", "number", "year")):
        return value
    return str(value)
