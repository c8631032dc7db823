"""A finding of a site check and its line for staff (Chinese)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    file: str  # path inside the site, with "/" ("proposals/x/index.html")
    place: str  # where in the file, for a person ("第 12 行"); "" for the whole file
    code: str  # what kind of problem ("broken", "anchor", "external", "html", ...)
    message: str  # Chinese


def line(number: int | None, column: int | None = None) -> str:
    """ "第 12 行" or "第 12 行第 5 列"; "" when the place is unknown."""
    if not number:
        return ""
    return f"第 {number} 行" + (f"第 {column} 列" if column else "")


def format_finding(finding: Finding) -> str:
    where = f"（{finding.place}）" if finding.place else ""
    head = f"{finding.file}{where}：" if finding.file else ""
    return f"{head}{finding.message} [{finding.code}]"
