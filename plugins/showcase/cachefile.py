"""One file of the build cache: a checked header, then a pickle; read leniently, written atomically.

The header line is ``showcase-cache/<FORMAT> <checksum of the pickle> <salt>``.
A file is used only if the format, the checksum and the salt (other code or
settings write another) all match and the unpickled value has the shape its
reader expects (``valid``). Anything else — missing, zero bytes, cut short by
a kill, garbage, an older format, a pickle that loads into something else —
reads as empty, so the build does the work again; nothing is ever trusted
from a file that does not prove it is whole.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from pathlib import Path

from .shared import project_package

files = project_package("durable", "files")
logger = logging.getLogger(__name__)

MAGIC = "showcase-cache/2"


def _checksum(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def read(path: Path | None, salt: str, valid: Callable[[object], bool]) -> dict:
    if path is None or not path.is_file():
        return {}
    raw = path.read_bytes()
    head, _, payload = raw.partition(b"\n")
    magic, _, rest = head.decode("utf-8", "replace").partition(" ")
    checksum, _, saved_salt = rest.partition(" ")
    if magic != MAGIC or checksum != _checksum(payload):
        logger.warning("缓存文件 %s 不完整或已损坏：忽略，本次重新生成", path)
        return {}
    if saved_salt != salt:  # written by other code or settings: normal after an upgrade
        logger.debug("cache file %s is from other code or settings: ignored", path)
        return {}
    try:
        entries = pickle.loads(payload)
    except Exception:  # a whole file that does not unpickle: written by something else
        entries = None
    if not valid(entries):
        logger.warning("缓存文件 %s 的内容结构不对：忽略，本次重新生成", path)
        return {}
    return entries


def write(path: Path, salt: str, entries: dict, *, sync: bool = False) -> None:
    """Replace the file in one step (``sync``: durably, before anything that relies on it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    head = f"{MAGIC} {_checksum(payload)} {salt}\n".encode()
    files.atomic_write(path, head + payload, sync=sync)


def mapping_of(key: Callable[[object], bool], value: Callable[[object], bool]) -> Callable[[object], bool]:
    """A ``valid`` for a dict whose every key and value pass the two tests."""
    return lambda entries: isinstance(entries, dict) and all(key(k) and value(v) for k, v in entries.items())


def is_str(value: object) -> bool:
    return isinstance(value, str)


def pair_of(first: Callable[[object], bool], second: Callable[[object], bool], kind: type = tuple):
    """A test for a ``kind`` (tuple or list) of two items passing ``first`` and ``second``."""
    return lambda value: isinstance(value, kind) and len(value) == 2 and first(value[0]) and second(value[1])
