"""Run one benchmark step as a whole process: wall time and peak memory.

Peak RSS comes from ``os.wait4``, the child's own rusage as the kernel reports it when the
child is reaped (no GNU time needed). On Linux it covers the child and every descendant it
waited for (Pagefind started by Python counts), and ``ru_maxrss`` is in kilobytes.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LOG_TAIL = 3000  # characters of a failed step's log shown in the error


class StepFailed(RuntimeError):
    """A measured command exited non-zero: the numbers would be meaningless."""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss: int  # bytes


@dataclass(frozen=True)
class Series:
    """Several runs of one step."""

    runs: tuple[Run, ...]

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def min(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def max(self) -> float:
        return max(r.seconds for r in self.runs)

    @property
    def peak_rss(self) -> int:
        return max(r.peak_rss for r in self.runs)


def run(command: list[str], log: Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """Run ``command`` to completion with its output in ``log``; raise StepFailed unless it exits 0."""
    log.parent.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, **(env or {})}
    with log.open("wb") as handle:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=environment, stdout=handle, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4: tell Popen
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL:]
        raise StepFailed(f"{' '.join(command)} exited {child.returncode} (log {log}):\n{tail}")
    return Run(seconds, usage.ru_maxrss * 1024)
