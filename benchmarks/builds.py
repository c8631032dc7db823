"""The site steps of one data folder, each a whole process: the floor, a cold build, a rebuild after
one published record changed, a rebuild with nothing changed, and the Pagefind step on its own.

Builds run ``pelican`` from the project root with Pagefind off (``SHOWCASE_SEARCH=false``), the
data in ``SHOWCASE_DATA`` and the build cache in ``SHOWCASE_CACHE``; cold means an empty output
folder and an empty cache. Floor and cold runs alternate, so a slow spell of the machine hits
both and their ratio stays fair.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from edit_record import OneRecord
from file_states import changed, states
from processes import PYTHON, ROOT, Run, Series, run

PELICAN = str(ROOT / ".venv" / "bin" / "pelican")
HERE = Path(__file__).resolve().parent
FLOOR = str(HERE / "floor.py")
PAGEFIND_STEP = str(HERE / "pagefind_step.py")
SEARCH_BUNDLE = "pagefind"


@dataclass(frozen=True)
class SiteSteps:
    floor: Series
    cold: Series
    incremental: Series  # after one published record changed
    unchanged: Series  # nothing changed since the previous build
    pagefind: Series
    pages: int  # HTML pages of a cold build
    written: dict[str, list[str]]  # step -> files of the site its last run wrote (new or rewritten)
    site: Path  # the last build, with its search index

    def named(self) -> dict[str, Series]:
        return {
            "floor": self.floor,
            "cold build": self.cold,
            "one record changed": self.incremental,
            "nothing changed": self.unchanged,
            "Pagefind alone": self.pagefind,
        }


def tree_size(folder: Path, skip: str | None = None) -> tuple[int, int]:
    """Files and bytes under ``folder``, without its top-level subfolder ``skip``."""
    files = [p for p in folder.rglob("*") if p.is_file() and (skip is None or p.relative_to(folder).parts[0] != skip)]
    return len(files), sum(p.stat().st_size for p in files)


def _fresh(*folders: Path) -> None:
    """Empty folders."""
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)


def measure_site(data: Path, work: Path, runs: int, say: Callable[[str], None]) -> SiteSteps:
    site, cache, floor_out, logs = work / "site", work / "cache", work / "floor", work / "logs"
    env = {"SHOWCASE_DATA": str(data), "SHOWCASE_CACHE": str(cache)}
    build = [PELICAN, "content", "-s", "pelicanconf.py", "-o", str(site), "-e", "SHOWCASE_SEARCH=false"]
    written: dict[str, list[str]] = {}

    def timed(step: str, number: int, command: list[str], **options) -> Run:
        watch = number == runs and step != "floor"  # what the last run wrote (scanning the site takes seconds)
        before = states(site) if watch else {}
        result = run(command, logs / f"{step.replace(' ', '-')}-{number}.log", **options)
        if watch:
            after = states(site)
            written[step] = [path.relative_to(site).as_posix() for path in changed(before, after) if path in after]
        say(f"{step} {number}/{runs}: {result.seconds:.2f} s, peak {result.peak_rss / 2**20:.0f} MiB")
        return result

    floor, cold = [], []
    for number in range(1, runs + 1):
        _fresh(floor_out)
        floor.append(timed("floor", number, [PYTHON, FLOOR, str(data), str(floor_out)]))
        _fresh(site, cache)
        cold.append(timed("cold build", number, build, env=env))
    _fresh(floor_out)
    pages = sum(1 for _ in site.rglob("*.html"))

    record = OneRecord(data)
    incremental, unchanged = [], []
    for number in range(1, runs + 1):
        record.change(number)
        incremental.append(timed("one record changed", number, build, env=env))
    for number in range(1, runs + 1):
        unchanged.append(timed("nothing changed", number, build, env=env))
    pagefind = [timed("Pagefind alone", n, [PYTHON, PAGEFIND_STEP, str(site)]) for n in range(1, runs + 1)]
    series = (Series(tuple(s)) for s in (floor, cold, incremental, unchanged, pagefind))
    return SiteSteps(*series, pages, written, site)


if __name__ == "__main__":  # a quick look at one data folder: python benchmarks/builds.py DATA WORK
    steps = measure_site(Path(sys.argv[1]), Path(sys.argv[2]), 1, print)
    print({name: round(series.median, 2) for name, series in steps.named().items()}, steps.pages)
