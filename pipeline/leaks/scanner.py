"""One pass per file: read, fold, run every family (and the raw export's
values), keep one finding per stretch of text, report its place."""

from __future__ import annotations

from pathlib import Path

from . import files, patterns
from .raw import RawValues
from .report import Leak, place, sort_key
from .text import Text


def scan_text(text: str, raw: RawValues | None = None, credit: bool = False) -> list[tuple[int, int, str]]:
    """(line, column, family) of every finding in one text."""
    folded = Text(text)
    hits = patterns.find(folded.folded)
    if raw:
        hits += raw.find(folded.folded, credit)
    return [(*folded.position(hit.start), hit.family) for hit in patterns.resolve(hits)]


def scan(paths: list[Path], raw_values: RawValues | None = None) -> list[Leak]:
    """Every finding below the paths, sorted by file and place. A file that
    should be scanned but cannot be read is a finding (family `unreadable`)."""
    leaks = set()
    for source in files.sources(paths):
        try:
            content = files.read(source)
        except files.Unreadable:
            leaks.add(Leak(source.name, "file", patterns.UNREADABLE))
            continue
        for label, text in files.chunks(source, content):
            for line, column, family in scan_text(text, raw_values, source.credit):
                leaks.add(Leak(source.name, label or place(line, column), family))
    return sorted(leaks, key=sort_key)
