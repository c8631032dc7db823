"""Guard: staged files under data/public/ follow the published-data schema
(schema/published-data.schema.json, with config/vocabulary.yaml's names)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..checks import PublishedData, read_record
from ..problems import format_problem
from .report import Guard

DATA = Path("data/public")
GUARD = Guard(
    "data/public 中的文件不符合发布数据格式",
    "data/public 只应由导出生成：请不要手工修改，在项目目录运行 make export（真实导出：make export INPUT=data/raw/…）"
    "重新生成后再提交。若导出本身生成了这些问题，请把以上信息发给技术人员。格式说明见 docs/published-data.md。",
)


def check(paths: list[Path]) -> list[str]:
    """Paths as git gives them (relative to the project); files outside data/public/ are not looked at."""
    checker = PublishedData()
    found = []
    for path in paths:
        if DATA not in path.parents:
            continue
        relative = path.relative_to(DATA).as_posix()
        record, problems = read_record(path, relative)
        problems = problems or checker.check_record(relative, record)
        found += [format_problem(replace(item, file=path.as_posix())) for item in problems]
    return found
