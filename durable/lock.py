"""One run at a time per folder: an export on DATA, a build on OUTPUT.

The lock is ``flock`` on ``<work folder>/lock`` (see ``folders.work_folder``):
the kernel releases it when its holder dies, however it dies, so a lock is
never stuck. The file also says who holds it (pid, what, since when) for the
message a second run prints; the holder empties it when it ends normally. A
run that gets the lock and finds it still filled in knows the previous holder
was killed (or failed) and says so: ``Lock.stale`` holds what it had written.
"""

from __future__ import annotations

import fcntl
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .folders import work_folder


class Busy(Exception):
    """Another live process holds the folder's lock."""

    def __init__(self, folder: Path, holder: str):
        super().__init__(f"{folder} is locked by {holder or 'another process'}")
        self.folder = folder
        self.holder = holder


@dataclass
class Lock:
    folder: Path
    fd: int
    stale: str  # what a previous holder that did not end normally had written, or ""

    def release(self) -> None:
        """Mark a normal end (empty the file) and let go."""
        if self.fd < 0:
            return
        os.ftruncate(self.fd, 0)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = -1

    def __enter__(self) -> Lock:
        return self

    def abandon(self) -> None:
        """Let go but leave the mark, as a killed holder does: the next holder hears of it."""
        if self.fd < 0:
            return
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = -1

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.release()
        else:  # a failed run leaves its mark, as a killed one does
            self.abandon()


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", "replace").strip()


def acquire(folder: Path, what: str) -> Lock:
    """Take ``folder``'s lock or raise ``Busy`` with the holder's description."""
    path = work_folder(folder) / "lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _read(fd)
        os.close(fd)
        raise Busy(Path(folder), holder) from None
    try:
        stale = _read(fd)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        os.write(fd, f"进程 {os.getpid()}（{what}，开始于 {started}）\n".encode())
        os.fsync(fd)
    except BaseException:  # e.g. a full disk: let go rather than hold a lock nobody will release
        os.close(fd)
        raise
    return Lock(Path(folder), fd, stale)
