"""Which files the scanner reads, and how: text files of the published data
and of the built site, and Pagefind's gzip-compressed search index. Styles,
scripts, WebAssembly and images carry no text of the records and are skipped."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset({".yaml", ".yml", ".html", ".htm", ".xml", ".json", ".csv", ".txt", ".md"})
PAGEFIND_SUFFIXES = frozenset({".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"})
GZIP_MAGIC = b"\x1f\x8b"
# Where a consenting award winner's (or session attendee's) name may appear:
# the commendation and session data and their pages.
CREDIT_AREAS = frozenset({"commendations", "sessions"})
CREDIT_SUFFIXES = frozenset({".yaml", ".yml", ".html", ".htm"})
# The built site's open data holds a byte copy of the data folder here; its
# commendations/ is the same credit area as the data folder's.
DATA_COPY = ["data", "yaml"]
# The other editions' copies of the pages live one folder down (en/commendations/…); the
# prefixes of plugins/showcase/editions.py (the pipeline imports nothing from the plugin).
# An edition missing here fails make check on its credit pages; it never hides a name.
EDITION_FOLDERS = frozenset({"en", "zh-hant"})


class Unreadable(Exception):
    """A file that should be scanned and cannot be: itself a finding."""


@dataclass(frozen=True)
class Source:
    path: Path  # on disk
    name: str  # as reported: the scanned path joined with the path below it
    credit: bool  # a consenting award winner's name may appear here


def sources(paths: list[Path]) -> Iterator[Source]:
    """Every file to scan below each path (a path may also be one file). A
    path that does not exist is an error, never an empty (clean) scan."""
    for root in map(Path, paths):
        if root.is_file():
            yield Source(root, root.as_posix(), credit_allowed(list(root.parts[:-1]), root))
            continue
        if not root.is_dir():
            raise FileNotFoundError(root)
        name = root.resolve().name
        for folder, dirs, files in os.walk(root, onerror=_raise):
            dirs.sort()
            parts = os.path.relpath(folder, root).split(os.sep)
            top = parts[2] if parts[:2] == DATA_COPY and len(parts) > 2 else parts[0]
            if top in EDITION_FOLDERS and len(parts) > 1:
                top = parts[1]
            for file in sorted(files):
                suffix = os.path.splitext(file)[1].lower()
                if suffix in TEXT_SUFFIXES or suffix in PAGEFIND_SUFFIXES:
                    path = Path(folder, file)
                    yield Source(path, path.as_posix(), credit_allowed([name, top], path))


def _raise(error: OSError) -> None:
    raise error


def credit_allowed(areas: list[str], path: Path) -> bool:
    """YAML data or an HTML page in the top folder commendations/ or sessions/
    of a scanned tree, or anywhere in a scanned folder itself named so."""
    return not CREDIT_AREAS.isdisjoint(areas) and path.suffix.lower() in CREDIT_SUFFIXES


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # a CSV saved by Excel on a Chinese Windows
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def read(source: Source) -> str:
    try:
        data = source.path.read_bytes()
        if source.path.suffix.lower() in PAGEFIND_SUFFIXES:
            if data.startswith(GZIP_MAGIC):
                data = gzip.decompress(data)
            return data.decode("utf-8", errors="ignore")
    except (OSError, EOFError, zlib.error, ValueError) as error:
        raise Unreadable(type(error).__name__) from None
    return decode(data)


def chunks(source: Source, text: str) -> list[tuple[str | None, str]]:
    """(place, text) pieces to scan. A JSON array is scanned record by record
    (place `record N`); anything else whole (place None: line and column)."""
    if source.path.suffix.lower() == ".json" and text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except ValueError:
            records = None
        if isinstance(records, list):
            return [(f"record {i}", json.dumps(r, ensure_ascii=False)) for i, r in enumerate(records, start=1)]
    return [(None, text)]
