"""Checks over published data: every file parses and carries exactly the
allow-listed keys of its kind. Run on the staged files before an export is
swapped in, and by `python -m pipeline check DIR...` on any published tree."""

from __future__ import annotations

from pathlib import Path

from . import yamlio
from .problems import Problem
from .public_records import PROPOSAL_KEYS

KEYS = {
    "proposal": set(PROPOSAL_KEYS),
    "tombstone": {"id", "status"},
    "story": {"id", "title", "summary", "published_on", "campaign", "lead_unit", "proposals", "metrics", "body"},
    "commendations": {"year", "awards"},
}


def kind_of(relative: str, record: object) -> str | None:
    if relative.startswith("proposals/"):
        return "tombstone" if isinstance(record, dict) and record.get("status") == "withdrawn" else "proposal"
    if relative.startswith("stories/"):
        return "story"
    if relative.startswith("commendations/"):
        return "commendations"
    return None


def schema_problem(relative: str, message: str, value: str | None = None) -> Problem:
    return Problem(relative, None, None, value, "published.schema", message)


def check_record(relative: str, record: object) -> list[Problem]:
    if relative == "stats.yaml":
        return (
            [] if isinstance(record, dict) and "totals" in record else [schema_problem(relative, "统计文件缺少 totals")]
        )
    kind = kind_of(relative, record)
    if kind is None:
        return [schema_problem(relative, "不属于公开数据的文件")]
    if not isinstance(record, dict):
        return [schema_problem(relative, "内容应为映射")]
    problems = []
    extra, missing = set(record) - KEYS[kind], KEYS[kind] - set(record)
    if extra:
        problems.append(schema_problem(relative, "含有不在允许清单中的字段", "、".join(sorted(extra))))
    if missing:
        problems.append(schema_problem(relative, "缺少字段", "、".join(sorted(missing))))
    stem = Path(relative).stem
    identity = record.get("year") if kind == "commendations" else record.get("id")
    if str(identity) != stem:
        problems.append(schema_problem(relative, "文件名与记录编号不一致", str(identity)))
    return problems


def check_files(files: dict[str, object]) -> list[Problem]:
    return [item for relative, record in files.items() for item in check_record(relative, record)]


def is_published_data(folder: Path) -> bool:
    """A published-data folder (as opposed to a built site) has stats.yaml."""
    return (Path(folder) / "stats.yaml").is_file()


def check_folder(folder: Path) -> list[Problem]:
    folder = Path(folder)
    if not is_published_data(folder):
        return [schema_problem(str(folder), "不是公开数据文件夹（缺少 stats.yaml）")]
    problems = []
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        relative = path.relative_to(folder).as_posix()
        try:
            record = yamlio.load(path.read_text(encoding="utf-8"))
        except Exception as error:  # any unreadable file is one problem, not a crash
            problems.append(schema_problem(relative, f"无法读取：{type(error).__name__}"))
            continue
        problems += check_record(relative, record)
    return problems
