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

from . import cachefile
from .fingerprint import digest
from .schema import Problem

FILE_NAME = "parsed.pickle"
# libyaml when PyYAML has it; the pure-Python loader reads the same data otherwise.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Check = Callable[[object], list[Problem]]


def parse_yaml(raw: bytes, label: str) -> tuple[object, list[Problem]]:
    """Parse one file's bytes; a syntax or encoding error is a problem, not an exception."""
    try:
        return yaml.load(raw.decode("utf-8"), Loader=LOADER), []
    except UnicodeDecodeError as error:
        return None, [Problem(label, "(文件)", "not-utf8", f"不是 UTF-8 编码：{error}")]
    except yaml.YAMLError as error:
        return None, [Problem(label, "(文件)", "yaml-syntax", f"YAML 语法错误：{error}")]


class ParseCache:
    def __init__(self, folder: Path | None, salt: str):
        self.path = folder / FILE_NAME if folder else None
        self.salt = salt
        self._old: dict[str, tuple] = cachefile.read(self.path, self.salt)
        self._new: dict[str, tuple] = {}
        self.hits = 0

    def read(self, path: Path, label: str, check: Check) -> tuple[object, list[Problem], bytes, str]:
        """(data, problems, bytes, digest) of one file; ``check`` runs only on data that parsed."""
        raw = path.read_bytes()
        key = digest(raw)
        entry = self._old.get(label)
        if entry is not None and entry[0] == key:
            self.hits += 1
            blob = entry[1]
            data, problems = pickle.loads(blob)
        else:
            data, problems = parse_yaml(raw, label)
            problems = problems or check(data)
            blob = pickle.dumps((data, problems), protocol=pickle.HIGHEST_PROTOCOL) if self.path else b""
        # Each entry is kept pickled on its own, so saving after a change re-pickles only that file.
        self._new[label] = (key, blob)
        return data, problems, raw, key

    def save(self) -> None:
        """Keep this build's entries (and only them), written atomically."""
        unchanged = self.hits == len(self._new) == len(self._old)  # every file read from the cache, none gone
        if self.path is None or unchanged:
            return
        cachefile.write(self.path, self.salt, self._new)
