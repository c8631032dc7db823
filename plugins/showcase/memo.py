"""Values derived from one record, kept between builds by the record's digest.

A one-record change still rewrites the CSV and JSON downloads, and those are
made from every record. Each record's part (a CSV row, a JSON line) is
remembered under its kind and the record's content digest, so only the
changed record's part is made again. The salt (plugin code, theme, settings,
vocabulary) guards against reusing a part made by other code or settings.
Parts not used by a build are dropped when the file is next written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import cachefile

FILE_NAME = "derived.pickle"
# (kind, record digest) → the part; the part itself is whatever the kind makes.
VALID = cachefile.mapping_of(cachefile.pair_of(cachefile.is_str, cachefile.is_str), lambda part: True)
SAVE_AFTER = 100  # new parts made before the file is rewritten
T = TypeVar("T")


class Memo:
    def __init__(self, folder: Path | None, salt: str):
        self.path = folder / FILE_NAME if folder else None
        self.salt = salt
        self._old: dict[tuple[str, str], object] = cachefile.read(self.path, self.salt, VALID)
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
        """Write the parts of this build, once enough are new to be worth it.

        Rewriting every part (tens of MB at 10,000 records) for a handful of
        changed records would cost more than making those few again next time:
        parts are keyed by content, so an older file is never wrong, only short.
        """
        worth_it = self.made >= SAVE_AFTER or (self.made and not self._old) or len(self._new) < len(self._old) // 2
        if self.path is None or not self._new or not worth_it:
            return
        cachefile.write(self.path, self.salt, self._new)
