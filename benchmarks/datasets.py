"""The benchmark's data: raw exports from the sample generator, and the measured pipeline export.

Sizes are counted in published proposals (the targets are stated at 10k published); the
generator publishes about a third of its rows, so N published needs about ``RAW_PER_PUBLISHED``
× N raw rows. The real published count is read back from the export and reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import PYTHON, Run, run

RAW_PER_PUBLISHED = 3
SEED = 20241
PUBLISHED_LINE = "\nstatus: published\n"  # a top-level key: nested keys are indented


def raw_rows(published: int) -> int:
    return published * RAW_PER_PUBLISHED


def generate(work: Path, rows: int, seed: int = SEED) -> Path:
    """A synthetic raw export of ``rows`` suggestions (made once per work folder; not timed)."""
    raw = work / f"raw-{rows}"
    if not (raw / "suggestions.csv").is_file():
        command = [PYTHON, "-m", "pipeline", "sample", "--out", str(raw), "--rows", str(rows), "--seed", str(seed)]
        run(command, work / "logs" / f"sample-{rows}.log")
    return raw


def export(raw: Path, data: Path, log: Path) -> Run:
    """One timed ``python -m pipeline export`` of ``raw`` into a fresh ``data`` folder."""
    shutil.rmtree(data, ignore_errors=True)
    audit = data.with_name(data.name + "-audit")  # never the project's audit/
    command = [PYTHON, "-m", "pipeline", "export", "--input", str(raw), "--out", str(data)]
    return run([*command, "--audit", str(audit), "--confirm-withdrawals"], log)


def published(data: Path) -> int:
    """How many proposals of a published data folder are published (not tombstones)."""
    return sum(PUBLISHED_LINE in p.read_text(encoding="utf-8") for p in (data / "proposals").glob("*.yaml"))
