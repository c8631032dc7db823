"""The site steps of one data folder, each a whole process: the floor, a cold build, the Hugo peer's
cold build, a rebuild after one published record changed, a rebuild with nothing changed, the Pagefind
step on its own, and the Hugo peer's one-page rebuild in ``hugo server`` (benchmarks/hugo_peer.py).

Builds run ``pelican`` from the project root with Pagefind off (``SHOWCASE_SEARCH=false``), the
data in ``SHOWCASE_DATA`` and the build cache in ``SHOWCASE_CACHE``; cold means an empty output
folder and an empty cache. Floor, cold and Hugo runs alternate, so a slow spell of the machine hits
all three and their ratios stay fair. Old outputs are moved into a trash folder, not deleted, before
a timed run (benchmarks/trash.py); the caller deletes the trash when nothing timed is left.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hugo_peer
from edit_record import OneRecord
from file_states import changed, states
from processes import PYTHON, ROOT, Run, Series, run
from trash import Trash

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
    hugo: HugoSteps

    def named(self) -> dict[str, Series]:
        return {
            "floor": self.floor,
            "cold build": self.cold,
            "Hugo cold build": self.hugo.cold,
            "one record changed": self.incremental,
            **{f"Hugo server, one record ({mode})": series for mode, series in self.hugo.server.items()},
            "nothing changed": self.unchanged,
            "Pagefind alone": self.pagefind,
        }


@dataclass(frozen=True)
class HugoSteps:
    convert: Run  # data/public -> Hugo content, once, not timed with the build
    cold: Series
    pages: int  # HTML pages of its cold build
    files: int  # files its last cold build wrote (all of its output)
    server: dict[str, Series]  # server mode -> one-record rebuilds (write -> new page served)
    reported_ms: dict[str, list[int]]  # server mode -> Hugo's own "Total in" of each rebuild


def tree_size(folder: Path, skip: str | None = None) -> tuple[int, int]:
    """Files and bytes under ``folder``, without its top-level subfolder ``skip``."""
    files = [p for p in folder.rglob("*") if p.is_file() and (skip is None or p.relative_to(folder).parts[0] != skip)]
    return len(files), sum(p.stat().st_size for p in files)


def measure_site(data: Path, work: Path, runs: int, say: Callable[[str], None], trash: Trash) -> SiteSteps:
    site, cache, floor_out, logs = work / "site", work / "cache", work / "floor", work / "logs"
    hugo_source, hugo_out, hugo_cache = work / "hugo-source", work / "hugo-site", work / "hugo-cache"
    env = {"SHOWCASE_DATA": str(data), "SHOWCASE_CACHE": str(cache)}
    build = [PELICAN, "content", "-s", "pelicanconf.py", "-o", str(site), "-e", "SHOWCASE_SEARCH=false"]
    written: dict[str, list[str]] = {}

    def timed(step: str, number: int, command: list[str], **options) -> Run:
        # What the last run wrote to our site (scanning it takes seconds); Hugo writes elsewhere.
        watch = number == runs and step != "floor" and not step.startswith("Hugo")
        before = states(site) if watch else {}
        result = run(command, logs / f"{step.replace(' ', '-')}-{number}.log", **options)
        if watch:
            after = states(site)
            written[step] = [path.relative_to(site).as_posix() for path in changed(before, after) if path in after]
        say(f"{step} {number}/{runs}: {result.seconds:.2f} s, peak {result.peak_rss / 2**20:.0f} MiB")
        return result

    converted = hugo_peer.convert(data, hugo_source, logs / "hugo-convert.log")
    say(f"Hugo peer converted in {converted.seconds:.2f} s")
    hugo_build = hugo_peer.build_command(hugo_source, hugo_out, hugo_cache)
    floor, cold, hugo = [], [], []
    for number in range(1, runs + 1):
        trash.empty(floor_out)
        floor.append(timed("floor", number, [PYTHON, FLOOR, str(data), str(floor_out)]))
        trash.empty(site, cache)
        cold.append(timed("cold build", number, build, env=env))
        trash.empty(hugo_out, hugo_cache)
        hugo.append(timed("Hugo cold build", number, hugo_build))
    trash.empty(floor_out)
    pages = sum(1 for _ in site.rglob("*.html"))
    hugo_pages, hugo_files = hugo_peer.pages(hugo_out), sum(1 for p in hugo_out.rglob("*") if p.is_file())

    record = OneRecord(data)
    incremental, unchanged = [], []
    for number in range(1, runs + 1):
        record.change(number)
        incremental.append(timed("one record changed", number, build, env=env))
    server, reported = {}, {}
    for mode in hugo_peer.SERVER_MODES:
        log = logs / f"hugo-server-{mode.replace(' ', '-')}.log"
        server[mode], reported[mode] = hugo_peer.server_rebuilds(
            hugo_source, record.path.stem, runs, log, hugo_cache, mode
        )
        say(f"Hugo server, one record ({mode}): median {server[mode].median:.3f} s, Hugo says {reported[mode]} ms")
    for number in range(1, runs + 1):
        unchanged.append(timed("nothing changed", number, build, env=env))
    pagefind = [timed("Pagefind alone", n, [PYTHON, PAGEFIND_STEP, str(site)]) for n in range(1, runs + 1)]
    series = (Series(tuple(s)) for s in (floor, cold, incremental, unchanged, pagefind))
    peer = HugoSteps(converted, Series(tuple(hugo)), hugo_pages, hugo_files, server, reported)
    return SiteSteps(*series, pages, written, site, peer)


if __name__ == "__main__":  # a quick look at one data folder: python benchmarks/builds.py DATA WORK
    trash = Trash(Path(sys.argv[2]) / "trash")
    steps = measure_site(Path(sys.argv[1]), Path(sys.argv[2]), 1, print, trash)
    trash.remove()
    print({name: round(series.median, 2) for name, series in steps.named().items()}, steps.pages)
