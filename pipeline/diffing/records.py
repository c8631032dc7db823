"""Which records a re-export publishes, changes or withdraws, from the
files that differ between the two sides. A record counts as public while
its file exists and is not a tombstone (`status: withdrawn`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .fields import BOOKKEEPING, FieldChange, compare

# In the order shown.
KINDS = {"proposals": "proposal", "stories": "story", "commendations": "commendation", "sessions": "session"}
FOLDERS = {kind: folder for folder, kind in KINDS.items()}
KIND_NAMES = {"proposal": "建议", "story": "成果案例", "commendation": "褒奖", "session": "面对面交流活动"}
STATS = "stats.yaml"


@dataclass(frozen=True)
class Record:
    kind: str  # proposal, story, commendation (as in the audit report)
    id: str
    title: str
    note: str = ""


@dataclass(frozen=True)
class Changed:
    record: Record
    fields: tuple[FieldChange, ...]


@dataclass
class Changes:
    new: list[Record] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    withdrawn: list[Record] = field(default_factory=list)
    other: list[tuple[str, str]] = field(default_factory=list)  # (path, what happened)

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.withdrawn or self.other)


def is_public(record: object) -> bool:
    return isinstance(record, dict) and record.get("status", "published") == "published"


def title_of(kind: str, record: dict) -> str:
    if kind == "commendation":
        return f"{len(record.get('awards') or ())} 个奖项"
    return str(record.get("title") or "")


def kind_of(path: str) -> str | None:
    parts = PurePosixPath(path).parts
    return KINDS.get(parts[0]) if len(parts) == 2 and path.endswith(".yaml") else None


def shown_order(path: str) -> tuple[int, str]:
    kind = kind_of(path)
    return (list(KINDS.values()).index(kind) if kind else len(KINDS), path)


def url(path: str) -> str:
    folder = PurePosixPath(path)
    return f"/{folder.parent}/{folder.stem}/"


def compare_records(before: dict[str, object], after: dict[str, object]) -> Changes:
    """`before` and `after` hold only the files that differ, by path."""
    changes = Changes()
    for path in sorted((before.keys() | after.keys()) - {STATS}, key=shown_order):
        old, new = before.get(path), after.get(path)
        kind = kind_of(path)
        if kind is None:
            what = other_change(old, new)
            if what:
                changes.other.append((path, what))
            continue
        key = PurePosixPath(path).stem
        if is_public(new) and not is_public(old):
            again = "（曾撤回，重新公开）" if isinstance(old, dict) else ""
            changes.new.append(Record(kind, key, title_of(kind, new), again))
        elif is_public(old) and not is_public(new):
            gone = "保留撤回页" if isinstance(new, dict) else f"文件已删除，{url(path)} 将无法访问"
            changes.withdrawn.append(Record(kind, key, title_of(kind, old), f"（{gone}）"))
        elif is_public(old):
            fields = compare(kind, old, new)
            if fields:
                changes.changed.append(Changed(Record(kind, key, title_of(kind, new)), fields))
        elif old is not None and new is None:
            changes.other.append((path, f"撤回页被删除，{url(path)} 将无法访问"))
    return changes


def other_change(old: object, new: object) -> str:
    if old is None:
        return "新增"
    if new is None:
        return "删除"
    if isinstance(old, dict) and isinstance(new, dict):
        old, new = ({k: v for k, v in r.items() if k not in BOOKKEEPING} for r in (old, new))
    return "修改" if old != new else ""
