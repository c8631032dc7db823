"""One file of the build cache: a pickle with a salt, read leniently, written atomically.

A cache file from other code or settings (another salt), or cut short by an
interrupted build, reads as empty: the build then does the work again.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def read(path: Path | None, salt: str) -> dict:
    if path is None or not path.is_file():
        return {}
    try:
        with path.open("rb") as stream:
            saved_salt, entries = pickle.load(stream)
    except Exception:  # any unreadable cache is no cache
        return {}
    return entries if saved_salt == salt else {}


def write(path: Path, salt: str, entries: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as stream:
        pickle.dump((salt, entries), stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
