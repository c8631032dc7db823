"""What the fault tests share: the sample's old and new published trees, a
fresh DATA holding the old tree inside its own git repository, and the export
run as a real process with fault variables.

OLD is the export (as of 2025-10-01) of a copy of the sample whose outcome
texts differ in every tenth row; NEW is the sample exported (as of 2025-11-01)
over OLD without interruption. NEW depends on OLD (first_published dates,
last_updated of the changed records), so a run that lost OLD on its way
cannot produce NEW."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from exports import tree, work_leftovers
from gitenv import GIT_ENV

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
AS_OF_OLD, AS_OF = "2025-10-01", "2025-11-01"
FAULT_VARIABLES = ("TRACE", "KILL", "ERRNO", "PAUSE", "RESUME")


def environment(**faults: str) -> dict[str, str]:
    """This process's environment without fault variables, plus `faults` (TRACE=..., KILL=...)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHOWCASE_FAULT_")}
    env.update({f"SHOWCASE_FAULT_{name}": str(value) for name, value in faults.items()})
    assert set(faults) <= set(FAULT_VARIABLES), faults
    return env


def command(input_path: Path, data: Path, audit: Path, as_of: str = AS_OF) -> list[str]:
    arguments = ["--input", input_path, "--out", data, "--as-of", as_of, "--audit", audit]
    return [sys.executable, "-m", "pipeline", "export", *map(str, arguments)]


def export(data: Path, audit: Path, input_path: Path = SAMPLE, as_of: str = AS_OF, **faults: str):
    """Run the export to its end (or its death): the CompletedProcess."""
    return subprocess.run(
        command(input_path, data, audit, as_of),
        cwd=ROOT,
        env=environment(**faults),
        capture_output=True,
        text=True,
        timeout=300,
    )


def start_export(data: Path, audit: Path, **faults: str) -> subprocess.Popen:
    return subprocess.Popen(
        command(SAMPLE, data, audit),
        cwd=ROOT,
        env=environment(**faults),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(path: Path, process: subprocess.Popen, limit: float = 120.0) -> None:
    """Until `path` exists (the paused process signals it): fail at once if the process ended instead."""
    deadline = time.monotonic() + limit
    while not path.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.01)


def trace(data: Path, audit: Path, workdir: Path, **faults: str) -> list[str]:
    """The fault points an export passes, in order (a complete run)."""
    path = workdir / "trace"
    path.unlink(missing_ok=True)
    result = export(data, audit, TRACE=path, **faults)
    assert result.returncode == 0, result.stderr
    return path.read_text(encoding="utf-8").splitlines()


def old_input(folder: Path) -> Path:
    """A copy of the sample whose outcome texts differ in every tenth row."""
    shutil.copytree(SAMPLE, folder)
    path = folder / "suggestions.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("办理情况")
    for row in rows[1::10]:
        row[column] += "（此前的办理情况）"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return folder


@dataclass(frozen=True)
class Trees:
    """The published trees every fault test compares DATA with (path -> bytes)."""

    old: dict[str, bytes]
    new: dict[str, bytes]
    source: Path  # the OLD tree on disk, copied into each case

    def outcome(self, files: dict[str, bytes] | None) -> str:
        """What DATA holds: "old", "new", "missing", or "mixed" (neither whole tree)."""
        if files is None:
            return "missing"
        return "old" if files == self.old else "new" if files == self.new else "mixed"


def build_trees(top: Path) -> Trees:
    source = top / "old" / "public"
    made = export(source, top / "old" / "audit", old_input(top / "old-input"), as_of=AS_OF_OLD)
    assert made.returncode == 0, made.stderr
    reference = top / "reference" / "public"
    shutil.copytree(source, reference)
    made = export(reference, top / "reference" / "audit")
    assert made.returncode == 0, made.stderr
    fresh = top / "fresh" / "public"
    assert export(fresh, top / "fresh" / "audit").returncode == 0
    trees = Trees(tree(source), tree(reference), source)
    assert trees.old != trees.new != tree(fresh)  # NEW needs OLD: a run that lost it cannot give NEW
    return trees


class Case:
    """A git repository whose committed `data/public` is the OLD tree; the audit report outside it."""

    def __init__(self, folder: Path, trees: Trees):
        self.folder = folder
        self.repo = folder / "repo"
        self.data = self.repo / "data" / "public"
        self.audit = folder / "audit"
        shutil.copytree(trees.source, self.data)
        self.git("init", "--quiet")
        self.git("add", "-A")
        self.git("commit", "--quiet", "-m", "old")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    def export(self, **faults: str) -> subprocess.CompletedProcess:
        return export(self.data, self.audit, **faults)

    def tree(self) -> dict[str, bytes] | None:
        return tree(self.data) if self.data.exists() else None

    def strays(self) -> list[str]:
        """What `git add -A` or the next run could pick up besides DATA's own files:
        -> offending lines of `git status --ignored` and `git add -A --dry-run`,
        the legacy staging siblings, and anything left in the work folder."""
        found = []
        for line in self.git("status", "--porcelain", "--ignored").splitlines():
            path = line[3:]
            if not (path.startswith("data/public/") or line == "!! data/.public.work/"):
                found.append(line)
        for line in self.git("add", "-A", "--dry-run").splitlines():
            if not line.startswith(("add 'data/public/", "remove 'data/public/")):
                found.append(line)
        found += [p.name for p in self.data.parent.iterdir() if p.name not in ("public", ".public.work")]
        return found

    def leftovers(self) -> list[str]:
        return work_leftovers(self.data)
