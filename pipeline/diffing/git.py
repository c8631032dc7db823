"""The data folder as it was at a git revision, read through the git command
(`rev-parse`, `ls-tree`, `cat-file --batch`): no checkout, the work tree and
the index are never touched."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath


class DiffError(Exception):
    """A usage error (exit 2), with a message for staff in Chinese."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError as error:
        raise DiffError("找不到 git 命令：请先安装 git") from error


def repo_root(folder: Path) -> Path:
    found = git(folder, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        raise DiffError(f"{folder} 不在 git 仓库中：比较需要上一次提交的数据")
    return Path(found.stdout.decode().strip())


def resolve(root: Path, revision: str) -> str:
    """-> the full commit id of `revision`."""
    if revision.startswith("-"):  # never let a revision be read as an option
        raise DiffError(f"无效的版本：{revision}")
    found = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0:
        raise DiffError(f"找不到版本 {revision}：请给出提交编号、分支名或 HEAD（新仓库要先提交一次）")
    return found.stdout.decode().strip()


def short(root: Path, commit: str) -> str:
    return git(root, "rev-parse", "--short", commit).stdout.decode().strip()


def files_at(root: Path, commit: str, folder: PurePosixPath) -> dict[str, bytes]:
    """Path inside `folder` -> content, of every file under it at `commit`."""
    top = str(folder) == "."
    listed = git(root, "ls-tree", "-r", "-z", "--full-tree", commit, "--", "." if top else f"{folder}/")
    entries = []
    for line in listed.stdout.split(b"\0"):
        if not line:
            continue
        meta, path = line.split(b"\t", 1)
        _, kind, blob = meta.split()
        if kind == b"blob":
            inside = PurePosixPath(path.decode())
            entries.append((inside.as_posix() if top else inside.relative_to(folder).as_posix(), blob))
    return dict(zip((path for path, _ in entries), blobs(root, [blob for _, blob in entries])))


def blobs(root: Path, ids: list[bytes]) -> list[bytes]:
    """Every blob's content in one `git cat-file --batch` call."""
    if not ids:
        return []
    out = git(root, "cat-file", "--batch", stdin=b"".join(blob + b"\n" for blob in ids)).stdout
    contents, at = [], 0
    for _ in ids:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        contents.append(out[header_end + 1 : header_end + 1 + size])
        at = header_end + 1 + size + 1
    return contents
