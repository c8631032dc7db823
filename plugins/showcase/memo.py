"""Values derived from one record, kept between builds by the record's digest.

A one-record change still rewrites the site-wide files (the CSV and JSON
downloads, the feeds), and those are made from every record. Each record's
part (a CSV row, a JSON line, a feed entry) is remembered under its kind and
the record's content digest, so only the changed record's part is made again.
The salt (plugin code, theme, settings, vocabulary) guards against reusing a
part made by other code or settings. Parts not used by a build are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import cachefile

FILE_NAME = "derived.pickle"
T = TypeVar("T")


class Memo:
    def __init__(self, folder: Path | None, salt: str):
        self.path = folder / FILE_NAME if folder else None
        self.salt = salt
        self._old: dict[tuple[str, str], object] = cachefile.read(self.path, self.salt)
        self._new: dict[tuple[str, str], object] = {}
        self.made = 0

    def get(self, kind: str, digest: str, make: Callable[[], T]) -> T:
        key = (kind, digest)
        if key in self._new:
            return self._new[key]
        if key in self._old:
            value = self._old[key]
        else:
            value = make()
            self.made += 1
        self._new[key] = value
        return value

    def save(self) -> None:
        unchanged = self.made == 0 and len(self._new) == len(self._old)
        if self.path is None or unchanged or not self._new:
            return
        cachefile.write(self.path, self.salt, self._new)
