"""Content fingerprints: what a page's output depends on, as a short hash.

The incremental build (``writer.py``) skips a page whose key is unchanged. A
key is built from *content*, never from file times (a CI clone has fresh
mtimes): a record's digest is the hash of its YAML bytes, and a page's inputs
are fingerprinted from the records and plain values it declares.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

DIGEST_SIZE = 16


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).hexdigest()


def digest_text(*parts: str) -> str:
    return digest("\x1f".join(parts).encode("utf-8"))


def digest_files(paths: Iterable[Path], root: Path) -> str:
    """One digest over files' names (relative to ``root``) and bytes, in a stable order."""
    hasher = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for path in sorted(paths, key=str):
        hasher.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


SHARED_FROM = 2  # a list or tuple this long is remembered by its object (``Fingerprints.of``)


class Fingerprints:
    """Digests of the loaded records, looked up by the record object itself.

    Records are immutable and live for the whole build, so their ``id()`` is
    a stable key while the build runs.
    """

    def __init__(self) -> None:
        self._by_object: dict[int, str] = {}
        self._keep: list[object] = []  # keep the objects alive so their ids stay unique

    def add(self, record: object, record_digest: str) -> None:
        self._by_object[id(record)] = record_digest
        self._keep.append(record)

    def of(self, value: object) -> str:
        """A stable text for ``value``: records by digest, containers element by element.

        Anything else raises, so a page cannot declare an input that would be
        fingerprinted by its (changing) memory address.
        """
        by_object = self._by_object
        known = by_object.get(id(value))
        if known is not None:
            return known
        if value is None or isinstance(value, (str, int, float, bool, date)):
            return repr(value)
        if isinstance(value, (list, tuple)):  # mostly records (a list page's slice): looked up here, not recursed
            text = "[" + ",".join([by_object.get(id(item)) or self.of(item) for item in value]) + "]"
            if len(value) >= SHARED_FROM:
                # Most lists are declared by many pages (the stories, the awards, a page's records
                # in each edition): made once. Page sets do not change a list after declaring it
                # (pages/__init__.py).
                self.add(value, text)
            return text
        if isinstance(value, dict):
            return "{" + ",".join(f"{self.of(k)}:{self.of(v)}" for k, v in sorted(value.items(), key=repr)) + "}"
        if is_dataclass(value) and not isinstance(value, type) and value.__dataclass_params__.frozen:
            # A small frozen value made from records (e.g. a change of /changes/): its fields say it all.
            fields_text = ",".join(self.of(getattr(value, f.name)) for f in fields(value))
            return f"{type(value).__name__}({fields_text})"
        raise TypeError(f"cannot fingerprint {type(value).__name__}: declare its records or plain values")
