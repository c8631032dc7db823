"""A folder replaced whole: the previous tree or the new one, never a mix, never none.

Everything in flight lives in a *work folder* beside the target,
``<parent>/.<name>.work/``, which ignores itself for git (its own
``.gitignore`` says ``*``): a staging tree that a killed run left behind can
never be committed by ``git add -A``, wherever the target folder is.

The new tree is written into ``work/new-XXXX``, checked, made durable
(``files.sync_tree``), then exchanged with the target in one atomic step
(``renameat2(RENAME_EXCHANGE)``); the old tree, now at ``work/new-XXXX``, is
removed last. Where the exchange is not available the switch is two renames
(target → ``work/old-XXXX``, staging → target); a kill between them leaves no
target, and ``recover`` (run first by the next run, under the folder's lock)
puts the old tree back. ``recover`` also removes every staging tree a killed
run left, including those of the layout before the work folder
(``<parent>/.<name>.new-*`` / ``.<name>.old-*``).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .faults import point
from .files import exchange, fsync_dir, sync_tree

IGNORE_ALL = "# Work folder of a crash-safe folder swap (durable/folders.py): never commit it.\n*\n"
NEW, OLD = "new-", "old-"


def work_folder(target: Path) -> Path:
    """The work folder beside ``target`` (made, with its .gitignore, when missing)."""
    target = Path(target).absolute()
    work = target.parent / f".{target.name}.work"
    work.mkdir(parents=True, exist_ok=True)
    ignore = work / ".gitignore"
    # Checked each time, not only when missing: a kill while writing it leaves it empty.
    if not ignore.is_file() or ignore.read_text(encoding="utf-8", errors="replace") != IGNORE_ALL:
        ignore.write_text(IGNORE_ALL, encoding="utf-8")
    return work


@dataclass
class Recovered:
    """What ``recover`` found of a killed run: trees removed, the old tree put back."""

    removed: list[Path] = field(default_factory=list)
    restored: Path | None = None

    def __bool__(self) -> bool:
        return bool(self.removed or self.restored)


def _leftovers(target: Path, work: Path, prefix: str) -> list[Path]:
    legacy = target.parent.glob(f".{target.name}.{prefix.rstrip('-')}-*")
    return sorted(p for p in [*work.glob(f"{prefix}*"), *legacy] if p.is_dir() and not p.is_symlink())


def recover(target: Path) -> Recovered:
    """Undo what a killed run left (call with the folder's lock held)."""
    target = Path(target).absolute()
    work = work_folder(target)
    found = Recovered()
    retired = _leftovers(target, work, OLD)
    if not target.exists() and retired:
        newest = max(retired, key=lambda p: p.stat().st_mtime)
        os.rename(newest, target)
        fsync_dir(target.parent)
        found.restored = newest
        retired.remove(newest)
    for tree in [*_leftovers(target, work, NEW), *retired]:
        shutil.rmtree(tree)
        found.removed.append(tree)
    return found


def staging_folder(target: Path) -> Path:
    """A new, empty staging tree for ``target``, readable like published data."""
    path = Path(tempfile.mkdtemp(prefix=NEW, dir=work_folder(target)))
    os.chmod(path, 0o755)  # mkdtemp makes it private; what it becomes is not
    return path


def replace(staging: Path, target: Path, *, sync: bool = True) -> None:
    """Put the finished ``staging`` tree in ``target``'s place; remove the old tree."""
    target = Path(target).absolute()
    if sync:
        sync_tree(staging)
    if not target.exists():
        point(f"rename:{target}")
        os.rename(staging, target)
        if sync:
            fsync_dir(target.parent)
        return
    try:
        exchange(staging, target)
    except OSError as error:
        if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise
        _two_renames(staging, target, sync)
        return
    if sync:  # both folders changed entries: the target's parent and the work folder
        fsync_dir(target.parent)
        fsync_dir(staging.parent)
    point(f"remove-old:{target}")
    shutil.rmtree(staging)  # now the old tree


def _two_renames(staging: Path, target: Path, sync: bool) -> None:
    """Fallback without an atomic exchange: ``recover`` repairs a kill in between."""
    retired = Path(tempfile.mkdtemp(prefix=OLD, dir=staging.parent))
    os.rmdir(retired)
    point(f"rename-old:{target}")
    os.rename(target, retired)
    try:
        point(f"rename-new:{target}")
        os.rename(staging, target)
    except BaseException:
        os.rename(retired, target)
        raise
    if sync:
        fsync_dir(target.parent)
        fsync_dir(staging.parent)
    point(f"remove-old:{target}")
    shutil.rmtree(retired)
