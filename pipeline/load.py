"""Load: the staff export (a folder of CSVs, or one .xlsx workbook) -> raw
string tables. No cleaning here beyond reading; what cannot be read at all
(missing files, unknown encodings, ragged rows, Excel traps) comes back as
problems."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from . import yamlio
from .config import TableSpec
from .problems import Problem, problem
from .tables import Table, rows_to_table
from .xlsx import read_workbook


def decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), else GB18030 (what Excel writes on
    Chinese Windows; a superset of GBK, so rare name characters survive)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_csv(path: Path, spec: TableSpec) -> tuple[Table | None, list[Problem]]:
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [problem(source, "file.unreadable", expected=error.strerror or str(error))]
    text = decode(data)
    if text is None:
        return None, [problem(source, "file.encoding")]
    # The csv module rather than pandas.read_csv: it hands back each record
    # whole, so a ragged row is reported with its row number instead of being
    # padded or refused without one.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error:  # a cell over the csv module's field limit (an unclosed quote, say)
        return None, [problem(source, "file.malformed", expected=str(reader.line_num))]
    if not records or not any(cell.strip() for cell in records[0]):
        return None, [problem(source, "file.empty")]
    rows = [(index + 2, record) for index, record in enumerate(records[1:])]
    return rows_to_table(spec, source, records[0], rows)


def find_workbook(folder: Path) -> tuple[Path | None, list[Problem]]:
    books = sorted(p for p in folder.glob("*.xlsx") if not p.name.startswith("~$"))
    if len(books) > 1:
        return None, [problem(folder.name, "file.ambiguous", expected="、".join(p.name for p in books))]
    return (books[0] if books else None), []


def load_export(input_path: Path, schema: dict[str, TableSpec]) -> tuple[dict[str, Table], list[Problem]]:
    """Read every table of the export; an export without a single suggestion
    is refused as empty rather than published as nothing."""
    tables, problems = read_tables(Path(input_path), schema)
    suggestions = tables.get("suggestions")
    if suggestions is not None and suggestions.frame.empty:
        problems.append(problem(suggestions.source, "file.empty"))
    return tables, problems


def read_tables(input_path: Path, schema: dict[str, TableSpec]) -> tuple[dict[str, Table], list[Problem]]:
    """CSVs win when the folder has any of them; otherwise the folder's single
    workbook (or INPUT itself, an .xlsx)."""
    input_path = Path(input_path)
    if input_path.is_file() and input_path.suffix.lower() == ".xlsx":
        return read_workbook(input_path, schema)
    if not input_path.is_dir():
        return {}, [problem(str(input_path), "file.missing", expected=str(input_path))]
    if not any((input_path / spec.file).exists() for spec in schema.values() if not spec.optional):
        book, problems = find_workbook(input_path)
        if problems:
            return {}, problems
        if book is not None:
            return read_workbook(book, schema)
    tables, problems = {}, []
    for name, spec in schema.items():
        path = input_path / spec.file
        if not path.exists() and spec.optional:
            continue
        if not path.exists():
            problems.append(problem(spec.file, "file.missing", expected=spec.file))
            continue
        table, found = read_csv(path, spec)
        problems += found
        if table is not None:
            tables[name] = table
    return tables, problems


def load_dataset_info(input_path: Path) -> dict:
    """Optional `dataset.yaml` beside the export (the sample marks itself
    synthetic there, so the site can show a demo banner)."""
    folder = Path(input_path)
    path = (folder if folder.is_dir() else folder.parent) / "dataset.yaml"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        info = yaml.load(handle, Loader=yamlio.LOADER)
    return info if isinstance(info, dict) else {}
