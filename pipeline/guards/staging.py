"""Guard: nothing from a staging or work folder is committed. A killed export
or build could leave a tree there that the leak scanner had not passed:
`<parent>/.<name>.work/` (durable/folders.py) and the older
`<parent>/.<name>.new-XXXX/` / `.<name>.old-XXXX/` staging folders.

Both ignore files (the work folder's own and the project's) already hide them
from `git add -A`; this refuses them when they are added by force or from a
clone without those ignore rules."""

from __future__ import annotations

import re
from pathlib import Path

from .report import Guard

# A folder component: `.name.work`, or `.name.new-X` / `.name.old-X` (name non-empty).
STAGING = re.compile(r"^\.[^/]+\.(work|new-[^/]+|old-[^/]+)$")

GUARD = Guard(
    "导出或构建中断后留下的临时文件夹",
    "这些文件是中断的导出或构建留下的，没有经过泄露扫描，不能提交。请撤下它们："
    "git restore --staged <文件>（或 git rm -r --cached <文件夹>）；下一次 make export 会自动清理这些文件夹。",
)


def staging_folder(path: Path) -> str | None:
    """The staging or work folder component of `path`, if any."""
    return next((part for part in path.parent.parts if STAGING.match(part)), None)


def check(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        folder = staging_folder(path)
        if folder:
            found.append(f"{path.as_posix()}：位于临时文件夹 {folder}/ 中")
    return found
