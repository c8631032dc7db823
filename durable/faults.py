"""Test-only fault points: the process kills itself, or fails, at a named step.

Nothing happens unless one of these environment variables is set (the fault
suite in ``tests/faults/`` sets them on a child process; nobody else should):

- ``SHOWCASE_FAULT_TRACE=FILE``: append one line ``<name>`` per point reached,
  so a test can count the points of a run and check the order of calls.
- ``SHOWCASE_FAULT_KILL=N``: SIGKILL this process at the N-th point reached
  (1-based). A traced run tells how many there are; kills are deterministic.
- ``SHOWCASE_FAULT_ERRNO=PREFIX:ERRNO``: raise ``OSError(ERRNO)`` at every point
  whose name starts with PREFIX (e.g. ``write:ENOSPC`` for a full disk).
- ``SHOWCASE_FAULT_PAUSE=PREFIX`` with ``SHOWCASE_FAULT_RESUME=FILE``: at the
  first point whose name starts with PREFIX, create ``FILE.paused`` and wait
  until FILE exists (so a test can act while this process holds its place,
  e.g. its lock). Gives up waiting after ``PAUSE_LIMIT`` seconds.

Points count only in the process that first imported this module: a forked
worker inherits the counter, so counting there would not be deterministic.
"""

from __future__ import annotations

import errno
import os
import signal
import time
from pathlib import Path

_TRACE = os.environ.get("SHOWCASE_FAULT_TRACE", "")
_KILL_AT = int(os.environ.get("SHOWCASE_FAULT_KILL", "0") or 0)
_ERRNO = os.environ.get("SHOWCASE_FAULT_ERRNO", "")
_PAUSE = os.environ.get("SHOWCASE_FAULT_PAUSE", "")
_RESUME = os.environ.get("SHOWCASE_FAULT_RESUME", "")
ACTIVE = bool(_TRACE or _KILL_AT or _ERRNO or _PAUSE)
PAUSE_LIMIT = 120.0  # a forgotten test must not leave a process waiting for ever
_owner = os.getpid()
_reached = 0
_paused = False


def point(name: str) -> None:
    """A step where a crash or an I/O error could happen. Free when no fault is asked for."""
    if not ACTIVE or os.getpid() != _owner:
        return
    global _reached
    _reached += 1
    if _TRACE:
        with open(_TRACE, "a", encoding="utf-8") as trace:
            trace.write(f"{name}\n")
    if _KILL_AT and _reached == _KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)
    if _PAUSE and not _paused and name.startswith(_PAUSE):
        _pause()
    if _ERRNO:
        prefix, _, code = _ERRNO.rpartition(":")
        if name.startswith(prefix):
            number = getattr(errno, code)
            raise OSError(number, os.strerror(number), name.partition(":")[2] or None)


def _pause() -> None:
    global _paused
    _paused = True
    resume = Path(_RESUME)
    Path(f"{resume}.paused").write_text(f"{os.getpid()}\n", encoding="utf-8")
    deadline = time.monotonic() + PAUSE_LIMIT
    while not resume.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
