"""Load: the staff export (a folder of CSVs, or one .xlsx workbook) -> raw
string tables. No cleaning here beyond reading; what cannot be read at all
(missing files, unknown encodings, ragged rows, Excel traps) comes back as
problems."""

from __future__ import annotations

from pathlib import Path

from .config import TableSpec
from .csvfile import read_file
from .inputs import Refused, check_input_path
from .problems import Problem, problem
from .safeyaml import load_untrusted
from .tables import Table, rows_to_table
from .xlsx import read_workbook


def read_csv(path: Path, spec: TableSpec, root: Path) -> tuple[Table | None, list[Problem]]:
    source = path.name
    # The csv module rather than pandas.read_csv: it hands back each record
    # whole, so a ragged row is reported with its row number instead of being
    # padded or refused without one.
    records, problems = read_file(path, source, root)
    if problems:
        return None, problems
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
    problems += read_dataset_info(input_path)[1]
    suggestions = tables.get("suggestions")
    if suggestions is not None and suggestions.frame.empty:
        problems.append(problem(suggestions.source, "file.empty"))
    return tables, problems


def read_tables(input_path: Path, schema: dict[str, TableSpec]) -> tuple[dict[str, Table], list[Problem]]:
    """CSVs win when the folder has any of them; otherwise the folder's single
    workbook (or INPUT itself, an .xlsx)."""
    input_path = Path(input_path)
    refused = check_input_path(input_path)
    if refused:
        return {}, [refused]
    if input_path.is_file() and input_path.suffix.lower() == ".xlsx":
        return read_workbook(input_path, schema)
    if not input_path.is_dir():
        return {}, [problem(str(input_path), "file.missing", expected=str(input_path))]
    if not any((input_path / spec.file).exists() for spec in schema.values() if not spec.optional):
        book, problems = find_workbook(input_path)
        if problems:
            return {}, problems
        if book is not None:
            return read_workbook(book, schema, root=input_path)
    tables, problems = {}, []
    for name, spec in schema.items():
        path = input_path / spec.file
        if not path.exists() and not path.is_symlink() and spec.optional:
            continue
        if not path.exists() and not path.is_symlink():
            problems.append(problem(spec.file, "file.missing", expected=spec.file))
            continue
        table, found = read_csv(path, spec, input_path)
        problems += found
        if table is not None:
            tables[name] = table
    return tables, problems


def read_dataset_info(input_path: Path) -> tuple[dict, list[Problem]]:
    """Optional `dataset.yaml` beside the export (the sample marks itself
    synthetic there, so the site can show a demo banner). It is part of the
    input: read with the same limits, a hostile one refuses the export."""
    folder = Path(input_path)
    folder = folder if folder.is_dir() else folder.parent
    path = folder / "dataset.yaml"
    if not path.exists() and not path.is_symlink():
        return {}, []
    try:
        info = load_untrusted(path, path.name, root=folder)
    except Refused as refused:
        return {}, [refused.problem]
    return (info if isinstance(info, dict) else {}), []


def load_dataset_info(input_path: Path) -> dict:
    return read_dataset_info(input_path)[0]
