"""Guard: no raw export is committed. Refuses anything under data/raw/, and any
spreadsheet (CSV, TSV, TXT, XLSX, XLS) anywhere whose first rows carry a personal
column header (姓名, 联系电话, 身份证号 ...): a raw export, wherever it was put.

The committed synthetic sample (data/sample/, marked `synthetic: true` in its
dataset.yaml by pipeline.sample) is the one export that may be committed."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import yaml

from ..config import load_schema
from ..leaks.files import decode
from .report import Guard

RAW = Path("data/raw")
SAMPLE = Path("data/sample")
TEXT_TABLES = frozenset({".csv", ".tsv", ".txt"})
WORKBOOKS = frozenset({".xlsx", ".xlsm"})
OLD_WORKBOOKS = frozenset({".xls"})
# Beyond config/columns.yaml's personal headers: what other systems call them.
OTHER_PERSONAL_HEADERS = ("身份证号", "联系电话", "手机号", "姓名", "家庭住址", "住址")
HEADER_ROWS = 5  # a title row or two may come before the header
LONGEST_HEADER = 12  # a longer cell is text, not a column header
CELL_SEPARATORS = re.compile(r"[,\t;，；]")

GUARD = Guard(
    "像是含个人信息的原始导出",
    "原始导出只能放在 data/raw/（已被 git 忽略），永远不要提交。请撤下这些文件："
    "git restore --staged <文件>（或 git rm --cached <文件>），再把它们移到 data/raw/ 下。"
    "要发布的只有 make export 生成的 data/public。",
)


def personal_headers() -> tuple[str, ...]:
    """The export layout's personal column headers (config/columns.yaml), and the usual other names."""
    columns = [column for table in load_schema().values() for column in table.columns.values()]
    configured = [column.header for column in columns if column.personal]
    return tuple(dict.fromkeys([*configured, *OTHER_PERSONAL_HEADERS]))


def is_synthetic_sample(path: Path) -> bool:
    marker = SAMPLE / "dataset.yaml"
    if SAMPLE not in path.parents or not marker.is_file():
        return False
    try:
        info = yaml.safe_load(marker.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return False  # an unreadable marker marks nothing
    return isinstance(info, dict) and info.get("synthetic") is True


def first_rows(path: Path) -> list[list[str]]:
    """The cells of the first rows of a table file (of every sheet of a workbook)."""
    if path.suffix.lower() in WORKBOOKS:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [
                ["" if cell is None else str(cell) for cell in row]
                for sheet in workbook.worksheets
                for row in sheet.iter_rows(max_row=HEADER_ROWS, values_only=True)
            ]
        finally:
            workbook.close()
    lines = [line for line in decode(path.read_bytes()).splitlines() if line.strip()]
    return [CELL_SEPARATORS.split(line) for line in lines[:HEADER_ROWS]]


def headers_found(path: Path, wanted: tuple[str, ...]) -> list[str]:
    """The personal headers a table file's first rows carry."""
    if path.suffix.lower() in OLD_WORKBOOKS:
        # No reader for the old binary format: its strings are stored as UTF-16.
        data = path.read_bytes()
        return [word for word in wanted if word.encode("utf-16-le") in data or word.encode("gb18030") in data]
    cells = [cell.strip().strip("\"'*：: ") for row in first_rows(path) for cell in row]
    short = [cell for cell in cells if cell and len(cell) <= LONGEST_HEADER]
    return [word for word in wanted if any(word in cell for cell in short)]


def problem(path: Path, wanted: tuple[str, ...]) -> str | None:
    if RAW in path.parents:
        return f"{path}：data/raw/ 存放原始导出，其中的任何文件都不能提交"
    suffix = path.suffix.lower()
    if suffix not in TEXT_TABLES | WORKBOOKS | OLD_WORKBOOKS or is_synthetic_sample(path):
        return None
    try:
        found = headers_found(path, wanted)
    except Exception as error:  # an unreadable spreadsheet cannot be shown to be safe
        return f"{path}：无法读取（{type(error).__name__}），不能确认其中没有个人信息"
    return f"{path}：表头含个人信息列（{'、'.join(found)}）" if found else None


def check(paths: list[Path]) -> list[str]:
    wanted = personal_headers()
    return [found for found in (problem(path, wanted) for path in paths) if found]
