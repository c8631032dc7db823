"""What may be opened. Every file the export reads comes through `open_input`:
it must stay inside INPUT (a symlink may not lead out of it), be a regular
file (never a FIFO, a device or a folder) and be no larger than its cap.

The file type is checked with `stat` before opening (opening a device can
block or have effects), then opened non-blocking and checked again on the
open handle, so a file swapped for a FIFO in between cannot hang the run."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .problems import Problem, problem

MIB = 1024 * 1024
# A generated 100,000-row suggestions.csv is 113.5 MB; 512 MiB leaves 4.5 times that.
CSV_MAX_BYTES = 512 * MIB
# A generated 100,000-row workbook is 41.5 MB on disk.
WORKBOOK_MAX_BYTES = 256 * MIB
# Mapping files and dataset.yaml are a few hundred bytes.
YAML_MAX_BYTES = 1 * MIB


class Refused(Exception):
    """An input file may not be read; carries the problem to report."""

    def __init__(self, item: Problem):
        super().__init__(item.code)
        self.problem = item


def size_text(size: int) -> str:
    return f"{size / MIB:.1f} MB" if size >= MIB else f"{size} 字节"


def _inside(path: Path, root: Path) -> bool:
    resolved, top = path.resolve(), root.resolve()
    return resolved == top or top in resolved.parents


def open_input(path: Path, limit: int, source: str, root: Path | None = None) -> BinaryIO:
    """Open `path` for reading, or raise Refused. `root`: the INPUT folder the
    file must stay inside once symlinks are resolved (None: a path the user
    named directly)."""
    if root is not None and not _inside(path, root):
        raise Refused(problem(source, "file.outside"))
    try:
        before = os.stat(path)
    except OSError as error:
        raise Refused(problem(source, "file.unreadable", expected=error.strerror or str(error))) from None
    _check(before, limit, source)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise Refused(problem(source, "file.unreadable", expected=error.strerror or str(error))) from None
    try:
        _check(os.fstat(descriptor), limit, source)
    except Refused:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _check(status: os.stat_result, limit: int, source: str) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise Refused(problem(source, "file.not_regular"))
    if status.st_size > limit:
        sizes = f"{size_text(status.st_size)}，上限 {size_text(limit)}"
        raise Refused(problem(source, "file.too_large", expected=sizes))


def read_input(path: Path, limit: int, source: str, root: Path | None = None) -> bytes:
    """The whole file, never more than `limit` bytes (it may grow after the check)."""
    with open_input(path, limit, source, root) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise Refused(problem(source, "file.too_large", expected=f"超过上限 {size_text(limit)}"))
    return data


def check_input_path(path: Path) -> Problem | None:
    """INPUT itself: a folder or a regular file; a FIFO or a device is refused
    before anything opens it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return problem(str(path), "file.missing", expected=str(path))
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return problem(str(path), "file.not_regular")
