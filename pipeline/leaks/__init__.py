"""The leak scanner: a second line of defence, independent of the scrubber
(it imports nothing from pipeline.scrub or pipeline.anonymise: its own
patterns, its own code path), run over published data and the built site.

    leaks = scan([Path("data/public"), Path("output")], raw_values(Path("data/raw/2024-06")))
    leaks = scan([staged], values_of(tables, vocabulary))  # tables already read by read_export
    for leak in leaks:
        print(format_leak(leak))

A Leak names the file, the place and the family; never the value.

Modules: patterns (the families), checks (checksums, dates), text (folding
and line/column), files (which files, how they are read), raw (the export's
own personal values), scanner (one pass per file), report (Leak, format)."""

from .patterns import FAMILIES, LABELS, RAW_SHORT_NAME, RAW_VALUE, UNREADABLE
from .raw import RawExportError, RawValues, raw_values, values_of
from .report import Leak, format_leak
from .scanner import scan, scan_text

FAMILY_CODES = tuple(LABELS)

__all__ = [
    "FAMILIES",
    "FAMILY_CODES",
    "LABELS",
    "RAW_SHORT_NAME",
    "RAW_VALUE",
    "UNREADABLE",
    "Leak",
    "RawExportError",
    "RawValues",
    "format_leak",
    "raw_values",
    "scan",
    "scan_text",
    "values_of",
]
