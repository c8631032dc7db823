"""Read an .xlsx workbook into tables, catching the traps a workbook hides:
formula cells, hidden rows and columns, and long numbers (ID or phone)
stored as numbers, whose last digits Excel has already lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from .config import TableSpec
from .inputs import WORKBOOK_MAX_BYTES, Refused, open_input
from .problems import Problem, problem
from .sheetscan import SheetScan
from .tables import Table, rows_to_table
from .zipguard import check_workbook


def cell_text(value: object, column_type: str | None) -> str:
    """A cell's value as the text a CSV export would carry."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if column_type == "date" else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float)):
        if column_type == "date" and 1 <= value < 2958466:
            return from_excel(value).date().isoformat()  # a date serial in a General cell
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def read_sheet(book_name: str, sheet, spec: TableSpec, scan: SheetScan) -> tuple[Table | None, list[Problem]]:
    source = f"{book_name}[{spec.sheet}]"
    # Only the range holding values: a styled empty cell in column XFD must
    # not make the reader walk 16,384 columns of every row.
    rows = list(sheet.iter_rows(max_row=scan.used_rows, max_col=scan.used_columns)) if scan.used_rows else []
    if not rows or not any(cell.value not in (None, "") for cell in rows[0]):
        return None, [problem(source, "file.empty")]
    header = [str(cell.value) if cell.value is not None else "" for cell in rows[0]]
    by_header = {column.header: column for column in spec.columns.values()}
    types = [by_header[h.strip()].type if h.strip() in by_header else None for h in header]
    personal = [by_header[h.strip()].personal if h.strip() in by_header else False for h in header]

    problems = []
    for index, text in enumerate(header, start=1):
        dimension = sheet.column_dimensions.get(get_column_letter(index))
        if text and dimension is not None and dimension.hidden:
            problems.append(problem(source, "xlsx.hidden_column", row=1, column=text.strip()))
    data = []
    for cells in rows[1:]:
        number = cells[0].row
        if sheet.row_dimensions[number].hidden and any(c.value not in (None, "") for c in cells):
            problems.append(problem(source, "xlsx.hidden_row", row=number))
        texts = []
        for index, cell in enumerate(cells):
            column_type = types[index] if index < len(types) else None
            column = header[index].strip() if index < len(header) else None
            if cell.data_type == "f":
                problems.append(
                    problem(
                        source,
                        "xlsx.formula",
                        row=number,
                        column=column,
                        value=str(cell.value),
                        personal=personal[index] if index < len(personal) else False,
                    )
                )
            elif column_type == "digits" and isinstance(cell.value, (int, float)):
                problems.append(
                    problem(source, "xlsx.number_stored", row=number, column=column, personal=True, value="*")
                )
            texts.append(cell_text(cell.value, column_type))
        data.append((number, texts))
    table, found = rows_to_table(spec, source, header, data)
    return table, problems + found


def read_workbook(
    path: Path, schema: dict[str, TableSpec], root: Path | None = None
) -> tuple[dict[str, Table], list[Problem]]:
    """`root`: the INPUT folder the workbook was found in (None: named directly)."""
    try:
        with open_input(path, WORKBOOK_MAX_BYTES, path.name, root) as handle:
            scans, problems = check_workbook(handle, path.name)
            if problems:
                return {}, problems
            handle.seek(0)
            # Not read-only: hidden row and column flags are only read in full mode.
            book = load_workbook(handle, data_only=False)
    except Refused as refused:
        return {}, [refused.problem]
    except Exception as error:  # openpyxl raises many types for a bad file
        return {}, [problem(path.name, "file.unreadable", expected=type(error).__name__)]
    tables, problems = {}, []
    for name, spec in schema.items():
        if spec.sheet not in book.sheetnames and spec.optional:
            continue
        if spec.sheet not in book.sheetnames:
            problems.append(problem(path.name, "file.missing", expected=f"工作表“{spec.sheet}”"))
            continue
        scan = scans.get(spec.sheet) or SheetScan(path.name, "", sheet=True)
        table, found = read_sheet(path.name, book[spec.sheet], spec, scan)
        problems += found
        if table is not None:
            tables[name] = table
    return tables, problems
