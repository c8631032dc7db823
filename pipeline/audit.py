"""The audit report for staff: per record and field, which families were
removed, how many times and where (offsets of the placeholders in the
published text), never the values; and, listed first, the records whose
published text still carries details that can single someone out without
being an identifier (an age, an illness, a named workplace, a relative), for
a person to read before committing.

Written to a git-ignored folder of the project (default `audit/`), never
into the published data or beside the raw export."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from durable.files import atomic_write

from .scrub import placeholder, sensitive

FLAG_NAMES = {"age": "年龄", "health": "疾病或残疾", "workplace": "具名单位或学校", "relative": "亲属"}


@dataclass
class Entry:
    kind: str
    record_id: str
    field: str
    counts: Counter
    positions: dict[str, list[int]]
    flags: list[str]


def placeholder_positions(family: str, text: str) -> list[int]:
    """Where a family's placeholder stands: the Chinese one, or the English
    one in a text of an English column."""
    shown = "|".join(re.escape(placeholder(family, lang)) for lang in (None, "en"))
    return [m.start() for m in re.finditer(shown, text)]


@dataclass
class AuditLog:
    entries: list[Entry] = field(default_factory=list)

    def note(self, kind: str, record_id: str, field_name: str, text: str | None, counts: Counter) -> None:
        flags = sensitive.flags(text) if text else []
        if not counts and not flags:
            return
        positions = {family: placeholder_positions(family, text or "") for family in counts}
        self.entries.append(Entry(kind, record_id, field_name, Counter(counts), positions, flags))

    def totals(self) -> Counter:
        total: Counter = Counter()
        for entry in self.entries:
            total.update(entry.counts)
        return total

    def flagged(self) -> list[Entry]:
        return [entry for entry in self.entries if entry.flags]

    def write(self, folder: Path) -> None:
        """Each report replaced atomically: a kill or a full disk leaves the previous one whole."""
        folder.mkdir(parents=True, exist_ok=True)
        ordered = sorted(self.entries, key=lambda e: (not e.flags, e.kind, e.record_id, e.field))
        atomic_write(folder / "report.csv", self.table(ordered).encode("utf-8-sig"))
        atomic_write(folder / "report.md", self.markdown(ordered).encode("utf-8"))

    def table(self, ordered: list[Entry]) -> str:
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(["记录类型", "编号", "字段", "需人工查看", "类别", "次数", "位置"])
        for entry in ordered:
            flags = "、".join(FLAG_NAMES[f] for f in entry.flags)
            for family, count in sorted(entry.counts.items()) or [("", 0)]:
                places = " ".join(map(str, entry.positions.get(family, [])))
                writer.writerow([entry.kind, entry.record_id, entry.field, flags, family, count or "", places])
        return text.getvalue()

    def markdown(self, ordered: list[Entry]) -> str:
        lines = ["# 匿名化审计报告 / Anonymisation audit report", ""]
        lines += ["本报告只列出类别、次数和位置，不含被隐去的内容。提交前请逐条查看第一部分。", ""]
        lines += ["## 合计 / Totals", "", "| 类别 family | 隐去次数 count |", "|---|---|"]
        lines += [f"| {family} | {count} |" for family, count in sorted(self.totals().items())]
        flagged = [e for e in ordered if e.flags]
        lines += ["", f"## 需人工查看：可能识别个人的细节（{len(flagged)} 处）/ For a person to read", ""]
        lines += ["| 记录 | 字段 | 细节 |", "|---|---|---|"]
        lines += [
            f"| {e.kind} {e.record_id} | {e.field} | {'、'.join(FLAG_NAMES[f] for f in e.flags)} |" for e in flagged
        ]
        lines += ["", "## 各记录的隐去情况 / Removed per record", "", "| 记录 | 字段 | 类别 | 次数 | 位置 |"]
        lines += ["|---|---|---|---|---|"]
        for entry in ordered:
            for family, count in sorted(entry.counts.items()):
                places = ", ".join(map(str, entry.positions[family]))
                lines.append(f"| {entry.kind} {entry.record_id} | {entry.field} | {family} | {count} | {places} |")
        return "\n".join(lines) + "\n"
