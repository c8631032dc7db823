"""Which files a step wrote, and whether the code changed under a run: modification time and size
of every file under some folders, compared before and after."""

from __future__ import annotations

from pathlib import Path

State = dict[Path, tuple[int, int]]


def states(*folders: Path) -> State:
    """Modification time and size of every file under ``folders`` (a missing folder has none)."""
    found = {}
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else [folder] if folder.is_file() else []:
            if path.is_file():
                stat = path.stat()
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: State, after: State) -> list[Path]:
    """Files new, rewritten or removed between the two states, sorted."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
