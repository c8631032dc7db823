"""Files and folders written so that a crash leaves the old bytes or the new, never a mix.

A ``rename`` replaces a name atomically, but the kernel may write the renamed
file's *data* to disk later than the rename itself: after a power cut the new
name could point at an empty file. So data is fsynced before the rename that
publishes it, and the folder after it (the rename is an entry of the folder).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import sys
from pathlib import Path

from .faults import point

RENAME_EXCHANGE = 1 << 1  # linux/fs.h
AT_FDCWD = -100


def fsync_file(path: Path) -> None:
    point(f"fsync-file:{path}")
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (files created, renamed or removed in it) durable."""
    point(f"fsync-dir:{path}")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write a new file (and fsync it when ``sync``)."""
    point(f"write:{path}")
    with open(path, "wb") as stream:
        stream.write(data)
        if sync:
            stream.flush()
            point(f"fsync-file:{path}")
            os.fsync(stream.fileno())


def atomic_write(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step: a reader (or the next run after a
    kill) sees the old file or the new one, never a part. The temporary file
    lives beside it and is removed on any failure."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write_file(temporary, data, sync=sync)
        point(f"rename:{path}")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if sync:
        fsync_dir(path.parent)


def _renameat2():
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    call = getattr(libc, "renameat2", None)  # glibc 2.28+
    if call is not None:
        call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return call


_RENAMEAT2 = _renameat2()


def exchange(first: Path, second: Path) -> None:
    """Swap two existing paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).
    Raises ``OSError`` (``ENOSYS``/``EINVAL`` where the system or file system
    cannot do it: the caller falls back to two renames)."""
    point(f"exchange:{second}")
    if _RENAMEAT2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available here")
    result = _RENAMEAT2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(second))


def sync_tree(folder: Path) -> None:
    """fsync every file and folder under ``folder`` (deepest folders first), then ``folder``."""
    folders = []
    for parent, _subfolders, names in os.walk(folder):
        for name in names:
            fsync_file(Path(parent, name))
        folders.append(Path(parent))
    for each in reversed(folders):
        fsync_dir(each)
