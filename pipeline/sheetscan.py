"""A streaming look at each worksheet's XML before openpyxl loads it: how
many rows and cells it really holds, and the range of the cells that carry a
value. openpyxl's full mode makes an object per row and per cell, and the
reader walks a rectangle, so a sheet with a million formatted empty rows or
a value in column XFD is refused here. Excel's <dimension> tag is ignored:
a real sheet whose tag says A1:Z1048576 but whose cells are few is read.

Limits, against a generated 100,000-row workbook (100,001 rows, 2.4 million
cells, 31 columns)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import zipfile
from pyexpat import ExpatError, ParserCreate

from .problems import Problem, problem

MAX_ROWS = 250_000  # <row> elements, empty or not
MAX_CELLS = 10_000_000  # <c> elements, empty or not
MAX_COLUMNS = 256  # the layout has 31 columns
MAX_AREA = 10_000_000  # used rows x used columns: the rectangle the reader walks
REFERENCE = re.compile(r"([A-Z]{1,3})(\d+)")
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SMALL_PART = 4 * 1024 * 1024


class _TooLarge(Exception):
    pass


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class SheetScan:
    """Fed a member's bytes chunk by chunk; `sheet`: count rows and cells."""

    def __init__(self, source: str, member: str, sheet: bool):
        self.source, self.member = source, member
        self.rows = self.cells = self.used_rows = self.used_columns = 0
        self.row = self.column = 0
        self.pending = False
        self.problems: list[Problem] = []
        self.parser = ParserCreate()
        if sheet:
            self.parser.StartElementHandler = self._start

    def _start(self, name: str, attributes: dict) -> None:
        local = name.rpartition(":")[2]
        if local == "row":
            self.rows += 1
            self.row = int(attributes.get("r") or self.row + 1)
            self.column = 0
            if self.rows > MAX_ROWS:
                raise _TooLarge(f"超过 {MAX_ROWS} 行（含空行）")
        elif local == "c":
            self.cells += 1
            match = REFERENCE.fullmatch(attributes.get("r", ""))
            self.column = column_number(match.group(1)) if match else self.column + 1
            if self.cells > MAX_CELLS:
                raise _TooLarge(f"超过 {MAX_CELLS} 个单元格（含空单元格）")
            self.pending = True
        elif local in ("v", "is", "f") and self.pending:
            self.pending = False  # a cell with a value (or a formula)
            self.used_rows = max(self.used_rows, self.row)
            self.used_columns = max(self.used_columns, self.column)
            if self.used_columns > MAX_COLUMNS:
                raise _TooLarge(f"第 {column_letters(self.column)} 列有内容，超过 {MAX_COLUMNS} 列")
            if self.used_rows * self.used_columns > MAX_AREA:
                raise _TooLarge(f"{self.used_rows} 行 × {self.used_columns} 列")

    def feed(self, chunk: bytes, final: bool = False) -> bool:
        try:
            self.parser.Parse(chunk, final)
            return True
        except _TooLarge as error:
            self.problems.append(problem(self.source, "xlsx.too_large", expected=str(error)))
        except ExpatError as error:
            where = self.member if not self.row else f"{self.member} 第 {error.lineno} 行第 {error.offset} 字符"
            self.problems.append(
                problem(
                    self.source,
                    "xlsx.xml",
                    row=self.row or None,
                    column=column_letters(self.column) if self.column else None,
                    expected=where,
                )
            )
        return False

    def close(self) -> bool:
        return self.feed(b"", final=True)


def _small(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        data = stream.read(SMALL_PART + 1)
    if len(data) > SMALL_PART:
        raise zipfile.BadZipFile(f"{name} is too large")
    return data


def sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Member path -> sheet name, from xl/workbook.xml and its relationships."""
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return {}
    targets = {}
    relations = ElementTree.fromstring(_small(archive, "xl/_rels/workbook.xml.rels"))
    for relation in relations.iter(f"{{{RELS}}}Relationship"):
        target = relation.get("Target", "")
        targets[relation.get("Id")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    members = {}
    for sheet in ElementTree.fromstring(_small(archive, "xl/workbook.xml")).iter():
        if sheet.tag.rpartition("}")[2] == "sheet":
            relation = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            if relation in targets:
                members[targets[relation]] = sheet.get("name", "")
    return members
