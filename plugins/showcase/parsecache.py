"""Parsed and checked data files, kept between builds and keyed on content.

Parsing 10,000 YAML files is most of a build's fixed cost, and nearly all of
them are the same as last time. An entry is reused only when the file's bytes
hash to the same digest *and* the salt matches (the plugin's code and the
vocabulary, which decide what a check reports). File times are never used: a
CI clone has fresh ones. With no cache folder everything is parsed, as before.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import yaml

from . import cachefile, yamlload
from .fingerprint import digest
from .forked import in_workers
from .schema import Problem

FILE_NAME = "parsed.pickle"
PARALLEL_FROM = 1000  # files to parse before forking workers pays for itself
Check = Callable[[object], list[Problem]]
# label → (digest of the file's bytes, pickled (data, problems))
VALID = cachefile.mapping_of(
    cachefile.is_str, cachefile.pair_of(cachefile.is_str, lambda blob: isinstance(blob, bytes))
)


def parse_yaml(raw: bytes, label: str) -> tuple[object, list[Problem]]:
    """Parse one file's bytes; a syntax or encoding error is a problem, not an exception."""
    try:
        return yamlload.load(raw.decode("utf-8")), []
    except UnicodeDecodeError as error:
        return None, [Problem(label, "(文件)", "not-utf8", f"不是 UTF-8 编码：{error}")]
    except yaml.YAMLError as error:
        return None, [Problem(label, "(文件)", "yaml-syntax", f"YAML 语法错误：{error}")]


class ParseCache:
    def __init__(self, folder: Path | None, salt: str, parallel_from: int = PARALLEL_FROM):
        self.path = folder / FILE_NAME if folder else None
        self.parallel_from = parallel_from
        self.salt = salt
        self._old: dict[str, tuple] = cachefile.read(self.path, self.salt, VALID)
        self._new: dict[str, tuple] = {}
        self.hits = 0
        self.known: dict[str, tuple[bytes, str]] = {}  # label → (bytes, digest) the build already read

    def read(self, path: Path, label: str, check: Check) -> tuple[object, list[Problem], bytes, str]:
        """(data, problems, bytes, digest) of one file; ``check`` runs only on data that parsed."""
        return self.read_many([(path, label, check)])[0]

    def read_many(self, tasks: list[tuple[Path, str, Check]]) -> list[tuple[object, list[Problem], bytes, str]]:
        """``read`` for many files; files not in the cache are parsed by forked workers when many."""
        known = [self.known.get(label) for _, label, _ in tasks]
        raws = [found[0] if found else path.read_bytes() for (path, _, _), found in zip(tasks, known, strict=True)]
        keys = [found[1] if found else digest(raw) for raw, found in zip(raws, known, strict=True)]
        blobs: dict[int, bytes] = {}
        misses = []
        for index, ((_, label, _), key) in enumerate(zip(tasks, keys, strict=True)):
            entry = self._old.get(label)
            if entry is not None and entry[0] == key:
                self.hits += 1
                blobs[index] = entry[1]
            else:
                misses.append(index)
        blobs |= _parse_all(tasks, raws, misses, self.parallel_from)
        results = []
        for index, ((_, label, _), raw, key) in enumerate(zip(tasks, raws, keys, strict=True)):
            # Each entry is kept pickled on its own, so saving after a change re-pickles only that file.
            self._new[label] = (key, blobs[index])
            data, problems = pickle.loads(blobs[index])
            results.append((data, problems, raw, key))
        return results

    def save(self) -> None:
        """Keep this build's entries (and only them), written atomically."""
        unchanged = self.hits == len(self._new) == len(self._old)  # every file read from the cache, none gone
        if self.path is None or unchanged:
            return
        cachefile.write(self.path, self.salt, self._new)


# The files of the running read, inherited by forked workers (see forked.py).
_tasks: list = []
_raws: list[bytes] = []


def _parse_all(tasks: list, raws: list[bytes], misses: list[int], parallel_from: int) -> dict[int, bytes]:
    """Parse and check the files at ``misses``: (index → pickled (data, problems))."""
    global _tasks, _raws
    _tasks, _raws = tasks, raws
    try:
        return dict(in_workers(_parse_share, misses, parallel_from))
    finally:
        _tasks, _raws = [], []


def _parse_share(indexes: list[int]) -> list[tuple[int, bytes]]:
    return [(index, _parse_one(_tasks[index], _raws[index])) for index in indexes]


def _parse_one(task: tuple, raw: bytes) -> bytes:
    _, label, check = task
    data, problems = parse_yaml(raw, label)
    problems = problems or check(data)
    return pickle.dumps((data, problems), protocol=pickle.HIGHEST_PROTOCOL)
