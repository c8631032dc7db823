"""The two sides of the comparison as {path inside the data folder: parsed
YAML}: the folder in the work tree, and the same folder at a revision.
Files whose bytes are the same on both sides are left out before parsing:
most of a large export does not change."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from .. import yamlio
from . import git
from .git import DiffError


@dataclass(frozen=True)
class Sides:
    folder: str  # the data folder, relative to the repository
    revision: str  # as the user gave it
    commit: str  # its short commit id
    tracked: bool  # does the folder exist at that revision?
    before: dict[str, object]  # changed files only
    after: dict[str, object]
    present: frozenset[str]  # every file in the work tree's folder


def work_tree(folder: Path) -> dict[str, bytes]:
    """Every file under the folder, hidden ones (editor and OS litter) aside."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            found[relative.as_posix()] = path.read_bytes()
    return found


def parsed(files: dict[str, bytes], where: str, folder: PurePosixPath) -> dict[str, object]:
    records = {}
    for path, content in files.items():
        try:
            records[path] = yamlio.load(content.decode("utf-8")) if path.endswith(".yaml") else content
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            raise DiffError(f"无法读取{where}的 {folder / path}：不是有效的 UTF-8 YAML") from error
    return records


def read(folder: Path, revision: str) -> Sides:
    if not folder.is_dir():
        raise DiffError(f"找不到数据文件夹 {folder}")
    root = git.repo_root(folder)
    try:
        inside = PurePosixPath(folder.resolve().relative_to(root.resolve()).as_posix())
    except ValueError as error:
        raise DiffError(f"{folder} 不在 git 仓库 {root} 中") from error
    commit = git.resolve(root, revision)
    old, new = git.files_at(root, commit, inside), work_tree(folder)
    changed = {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}
    return Sides(
        folder=inside.as_posix(),
        revision=revision,
        commit=git.short(root, commit),
        tracked=bool(old),
        before=parsed({p: old[p] for p in sorted(changed) if p in old}, f"版本 {revision} 中", inside),
        after=parsed({p: new[p] for p in sorted(changed) if p in new}, "工作区中", inside),
        present=frozenset(new),
    )
