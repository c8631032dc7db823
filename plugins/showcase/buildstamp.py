"""Nothing changed since the last complete build: skip the build, proven by content.

A build that completed every step (its outputs, Pelican's own pages, the sitemap,
Pagefind) leaves a stamp per output folder in the cache: the digest of everything
it read — the salt (plugin code, schema, vocabulary, theme, hand-written content,
settings), Pelican's and Python's versions, the name and the digest of the bytes
of every data file, the output folder's identity (device and inode) — and the
names at the top of the output folder. The next build reads and hashes
every data file first (about 0.1 s at 10,000 records; never file times) and
computes the same digest; if it matches (and the folder still holds every
top-level file and folder that build left, so an ``rm -rf OUTPUT/proposals`` is
noticed), every output would be made again with the bytes it has, so nothing is parsed,
planned, rendered or written, Pelican's own pages, the sitemap and Pagefind
included. Any other build removes the stamp, durably, before it writes anything,
and writes a new one after its last step: a build killed or failed anywhere
leaves no stamp, and the next build does the full work.

Single files deleted by hand deep in the output folder are not looked for
(checking 43,000 files would cost a third of the build): the full path restores
them at the next build with anything to do, as does ``make clean``. The
incremental writer never re-reads its outputs either: the output folder is the
build's own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pelican

from . import cachefile, inputs, outputguard
from .fingerprint import digest, digest_text
from .shared import project_package

files = project_package("durable", "files")
faults = project_package("durable", "faults")

FORMAT = "1"
CHUNK = 1 << 16  # a record file is a few KB
VALID = cachefile.mapping_of(cachefile.is_str, lambda value: isinstance(value, str))

_vouched: set[str] = set()  # output folders this process found unchanged
_pending: dict[str, tuple[Path, str]] = {}  # output folder → (stamp file, digest) to write at the end
_read_data: dict[str, dict[str, tuple[bytes, str]]] = {}  # output folder → label → (bytes, digest)


def check(pelican_object) -> None:
    """``initialized`` receiver, after the output folder's lock is held and before any generator
    exists: is this build's input the last complete build's? If not, withdraw the stamp."""
    settings = pelican_object.settings
    output = Path(pelican_object.output_path).resolve()
    folder = inputs.data_folder(settings)
    raw = read_data(folder) if folder.is_dir() else None
    keys = digests(raw) if raw is not None else {}
    _read_data[str(output)] = {label: (raw[label], keys[label]) for label in raw or ()}
    stamp = Stamp(outputguard.per_output_cache(settings), output)
    now = None
    if raw is not None:
        now = stamp.digest(inputs.base_salt(settings, inputs.code_digest(settings)), keys)
    if now is None or not stamp.unchanged(now):
        stamp.withdraw(now)


def data_read(output: str | Path) -> dict[str, tuple[bytes, str]]:
    """What ``check`` read of the data folder (label → bytes, digest), handed over once."""
    return _read_data.pop(str(Path(output).resolve()), {})


def read_data(folder: Path) -> dict[str, bytes] | None:
    """label → bytes of every file ``load_showcase`` reads, or None when the folder holds
    anything it would refuse (a missing stats.yaml, another kind of file): the full build
    then reports it."""
    found: dict[str, bytes] = {}
    try:
        found["stats.yaml"] = _read(folder / "stats.yaml")
        for subfolder in inputs.DATA_SUBFOLDERS:
            directory = folder / subfolder
            if not directory.is_dir():
                continue
            with os.scandir(directory) as entries:
                for entry in sorted(entries, key=lambda entry: entry.name):
                    if entry.name.startswith("."):
                        continue
                    if not entry.name.endswith(".yaml") or not entry.is_file():
                        return None
                    found[f"{subfolder}/{entry.name}"] = _read(entry.path)
    except OSError:
        return None
    return found


def _read(path) -> bytes:
    """A file's bytes with the fewest calls (Path.read_bytes costs twice as much at 10,000 files)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        parts = [os.read(descriptor, CHUNK)]
        while len(parts[-1]) == CHUNK:  # a short read of a regular file is its end
            parts.append(os.read(descriptor, CHUNK))
        return b"".join(parts) if len(parts) > 1 else parts[0]
    finally:
        os.close(descriptor)


def digests(raw: dict[str, bytes]) -> dict[str, str]:
    return {label: digest(content) for label, content in raw.items()}


class Stamp:
    """The stamp of one output folder (None: no cache, or a build that empties its output)."""

    def __init__(self, cache: Path | None, output: Path):
        self.output = output.resolve()
        self.path = cache / f"written-{digest_text(str(self.output))[:16]}.stamp" if cache else None

    def digest(self, salt: str, data: dict[str, str]) -> str | None:
        if self.path is None:
            return None
        self.output.mkdir(parents=True, exist_ok=True)  # the writer would make it: its identity is part of it
        info = self.output.stat()
        identity = f"{info.st_dev}:{info.st_ino}"
        versions = f"pelican {pelican.__version__}; python {sys.version}"
        return digest_text(FORMAT, salt, versions, identity, *(f"{label}:{key}" for label, key in sorted(data.items())))

    def unchanged(self, now: str) -> bool:
        """The last complete build read exactly this, and the top of its output folder is still there."""
        if self.path is None:
            return False
        stamp = cachefile.read(self.path, FORMAT, VALID)
        if stamp.get("digest") != now:
            return False
        if not all(os.path.lexists(self.output / name) for name in stamp.get("top", "").split("\0") if name):
            return False
        _vouched.add(str(self.output))
        return True

    def withdraw(self, now: str | None) -> None:
        """Before this build writes anything: the stamp no longer holds (and ``now`` is written
        at the end, if the build completes and its data could be read)."""
        if self.path is None:
            return
        if self.path.exists():
            self.path.unlink()
            files.fsync_dir(self.path.parent)
        if now is not None:
            _pending[str(self.output)] = (self.path, now)


def vouched(output: str | Path) -> bool:
    """This build found ``output`` unchanged and writes nothing into it."""
    return str(Path(output).resolve()) in _vouched


def write(pelican_object) -> None:
    """``finalized`` receiver, after the sitemap and Pagefind: the build completed."""
    output = Path(pelican_object.output_path).resolve()
    _vouched.discard(str(output))
    pending = _pending.pop(str(output), None)
    if pending is None:
        return
    path, now = pending
    faults.point("stamp:write")
    cachefile.write(path, FORMAT, {"digest": now, "top": "\0".join(sorted(os.listdir(output)))}, sync=True)
