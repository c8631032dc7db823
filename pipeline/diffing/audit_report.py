"""What the last export's audit report (pipeline/audit.py, git-ignored)
asks a person to read: the records whose published text still carries a
detail that could single someone out. Read from report.csv, the machine
readable twin of report.md; only kinds, ids and field names are used."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

KIND, ID, FIELD, FLAGS = "记录类型", "编号", "字段", "需人工查看"


@dataclass(frozen=True)
class AuditSummary:
    report: Path  # report.md, the one a person reads
    found: bool
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (kind, id), sorted
    places: int = 0  # flagged (record, field) pairs


def read_audit(folder: Path) -> AuditSummary:
    table = folder / "report.csv"
    if not table.is_file():
        return AuditSummary(folder / "report.md", found=False)
    with open(table, encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if (row.get(FLAGS) or "").strip()]
    places = {(row[KIND], row[ID], row[FIELD]) for row in rows}
    records = sorted({(kind, record) for kind, record, _ in places})
    return AuditSummary(folder / "report.md", found=True, flagged=records, places=len(places))
