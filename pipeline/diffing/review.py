"""Build the review document: the one-line summary, then what a reviewer
approves (records published, changed, withdrawn; files outside the record
layout), how the figures move, and what the audit report asks to read."""

from __future__ import annotations

import os
from pathlib import Path

from .audit_report import AuditSummary
from .document import Block, Code, Heading, Inline, Item, Moves, Paragraph, Preformatted, Title
from .figures import Figures
from .records import FOLDERS, KIND_NAMES, Changes, Record
from .snapshot import Sides

LEGEND: Inline = ("删去的文字标为 ", Code("[-…-]"), "，新加的文字标为 ", Code("{+…+}"), "。")


def shown_path(path: Path) -> str:
    """Relative to where the command runs when inside it, so the line can be
    pasted into the next command."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    return str(path.resolve()) if relative.startswith("..") else relative


def record_line(record: Record) -> Inline:
    title = f"：{record.title}" if record.title else ""
    return (f"{KIND_NAMES[record.kind]} ", Code(record.id), title + record.note)


def title(sides: Sides, changes: Changes, figures: Figures) -> Title:
    counts = (len(changes.new), len(changes.changed), len(changes.withdrawn))
    summary = "新公开 {} 条，修改 {} 条，撤回 {} 条".format(*counts) if changes or figures else "没有变化"
    lines: list[Inline] = [
        ("比较：", Code(sides.folder), "（工作区）与版本 ", Code(sides.revision), f"（{sides.commit}）")
    ]
    if not sides.tracked:
        lines.append((f"版本 {sides.revision} 中还没有这个文件夹：其中的记录都按新公开列出。",))
    return Title(summary, tuple(lines))


def record_sections(changes: Changes) -> list[Block]:
    blocks: list[Block] = []
    if changes.new:
        blocks += [Heading(f"新公开（{len(changes.new)}）"), *(Item(0, record_line(r)) for r in changes.new)]
    if changes.changed:
        blocks.append(Heading(f"修改（{len(changes.changed)}）"))
        if any(field.lines for change in changes.changed for field in change.fields):
            blocks.append(Paragraph(LEGEND))
        for change in changes.changed:
            blocks.append(Item(0, record_line(change.record)))
            for field in change.fields:
                if field.lines:
                    blocks += [Item(1, (f"{field.label}：",)), Preformatted(1, field.lines)]
                else:
                    blocks.append(Item(1, (f"{field.label}：{field.old} → {field.new}",)))
    if changes.withdrawn:
        blocks += [Heading(f"撤回（{len(changes.withdrawn)}）"), *(Item(0, record_line(r)) for r in changes.withdrawn)]
    if changes.other:
        blocks.append(Heading(f"其他文件（{len(changes.other)}）"))
        blocks += [Item(0, (Code(path), f"：{what}")) for path, what in changes.other]
    return blocks


def figure_section(figures: Figures) -> list[Block]:
    blocks: list[Block] = [Heading("统计数字")]
    if figures.moves:
        blocks.append(Moves(tuple(figures.moves)))
    if figures.tables:
        moved = "、".join(f"{table} {count} 处" for table, count in figures.tables)
        blocks.append(Paragraph((f"分项统计有变化：{moved}（见 ", Code("stats.yaml"), "）。")))
    if not figures:
        blocks.append(Paragraph(("没有变化。",)))
    return blocks


def stale_note(audit: AuditSummary, present: frozenset[str]) -> list[Block]:
    """Flagged records missing from the data folder: the report is from
    another export (another DATA, or an older run)."""
    missing = [key for kind, key in audit.flagged if f"{FOLDERS.get(kind, kind)}/{key}.yaml" not in present]
    if not missing:
        return []
    return [
        Paragraph((f"注意：其中 {len(missing)} 条不在这个数据文件夹中，报告可能来自另一次导出；请重新导出后再看。",))
    ]


def audit_section(audit: AuditSummary, changes: Changes, present: frozenset[str]) -> list[Block]:
    report = Code(shown_path(audit.report))
    if not audit.found:
        return [
            Heading("审计报告"),
            Paragraph(("没有找到审计报告 ", report, "：它由导出（make export）写出，不提交到 git。")),
        ]
    if not audit.flagged:
        return [Heading("审计报告"), Paragraph(("没有需要人工查看的记录。报告：", report))]
    count = f"{len(audit.flagged)} 条记录的公开文字中有可能识别个人的细节（共 {audit.places} 处），提交前请逐条阅读："
    blocks: list[Block] = [Heading("审计报告"), Paragraph((count, report)), *stale_note(audit, present)]
    touched = {(r.kind, r.id) for r in changes.new} | {(c.record.kind, c.record.id) for c in changes.changed}
    among = [pair for pair in audit.flagged if pair in touched]
    if among:
        named: list[str | Code] = []
        for kind, key in among:
            named += ["、" if named else "", f"{KIND_NAMES.get(kind, kind)} ", Code(key)]
        blocks.append(Paragraph((f"其中本次新公开或修改的 {len(among)} 条：", *named)))
    return blocks


def review(sides: Sides, changes: Changes, figures: Figures, audit: AuditSummary) -> list[Block]:
    blocks: list[Block] = [title(sides, changes, figures)]
    if changes or figures:
        blocks += record_sections(changes) + figure_section(figures)
    return blocks + audit_section(audit, changes, sides.present)
