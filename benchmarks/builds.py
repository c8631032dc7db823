"""The site steps of one data folder, each a whole process: the floor, a cold build, the Hugo peer's
cold build, a rebuild after one published record changed, a rebuild with nothing changed, the Pagefind
step on its own, and the Hugo peer's one-page rebuild in ``hugo server`` (benchmarks/hugo_peer.py).
All of these build the ONE-edition site (``ONE_EDITION``): issue #12's targets compare it with the
floor and Hugo. With ``editions=True`` the site of every edition (``EDITIONS``, issue #14) is
measured too, in its own output and cache folders: its cold build (alternating with the others),
a rebuild after the same one-record change, and a rebuild with nothing changed.

Builds run ``pelican`` from the project root with Pagefind off (``SHOWCASE_SEARCH=false``), the
editions in ``SHOWCASE_EDITIONS``, the data in ``SHOWCASE_DATA`` and the build cache in
``SHOWCASE_CACHE``; cold means an empty output folder and an empty cache. Floor, cold and Hugo runs
alternate, so a slow spell of the machine hits all of them and their ratios stay fair. Old outputs
are moved into a trash folder, not deleted, before a timed run (benchmarks/trash.py); the caller
deletes the trash when nothing timed is left.
"""

from __future__ import annotations

import json
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
ONE_EDITION = ["zh-Hans"]  # the site of issue #12's steps: what the floor and Hugo are compared with
# Every edition of the site (plugins/showcase/editions.py KNOWN) for the editions steps: the one
# constant to change when an edition is added or cannot be built yet.
EDITIONS = ["zh-Hans", "zh-Hant", "en"]
# Runs of the editions' cold build: one, placed in the middle of the one-edition series. At 10k it
# takes about three one-edition builds; three runs would push `make bench` past 15 minutes.
EDITIONS_COLD_RUNS = 1


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

    editions: EditionSteps | None = None  # None: the editions' site not measured at this size

    def named(self) -> dict[str, Series]:
        return {
            "floor": self.floor,
            "cold build": self.cold,
            "Hugo cold build": self.hugo.cold,
            "one record changed": self.incremental,
            **{f"Hugo server, one record ({mode})": series for mode, series in self.hugo.server.items()},
            "nothing changed": self.unchanged,
            "Pagefind alone": self.pagefind,
            **(self.editions.named() if self.editions else {}),
        }


@dataclass(frozen=True)
class EditionSteps:
    """The site of every edition (``EDITIONS``), in its own output and cache folders."""

    cold: Series
    incremental: Series  # after the same one-record change as the one-edition site's
    unchanged: Series
    pages: int  # HTML pages of its cold build

    @staticmethod
    def step(name: str) -> str:
        return f"{name}, {len(EDITIONS)} editions"

    def named(self) -> dict[str, Series]:
        steps = {"cold build": self.cold, "one record changed": self.incremental, "nothing changed": self.unchanged}
        return {self.step(name): series for name, series in steps.items()}


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


def spread(runs: int, some: int) -> set[int]:
    """The rounds (1..runs) after which ``some`` runs of another step go, evenly spread: 1 of 3 after
    round 2, so a slow spell of the machine shows in its neighbours too."""
    return {-(-runs * (2 * n + 1) // (2 * some)) for n in range(some)}  # the middles, rounded up


def pelican_build(site: Path, editions: list[str]) -> list[str]:
    """The measured build command (one ``-e``: Pelican keeps only the last one given)."""
    settings = ["SHOWCASE_SEARCH=false", f"SHOWCASE_EDITIONS={json.dumps(editions)}"]
    return [PELICAN, "content", "-s", "pelicanconf.py", "-o", str(site), "-e", *settings]


def measure_site(
    data: Path, work: Path, runs: int, say: Callable[[str], None], trash: Trash, editions: bool = False
) -> SiteSteps:
    site, cache, floor_out, logs = work / "site", work / "cache", work / "floor", work / "logs"
    hugo_source, hugo_out, hugo_cache = work / "hugo-source", work / "hugo-site", work / "hugo-cache"
    all_site, all_cache = work / "editions-site", work / "editions-cache"
    env = {"SHOWCASE_DATA": str(data), "SHOWCASE_CACHE": str(cache)}
    all_env = {"SHOWCASE_DATA": str(data), "SHOWCASE_CACHE": str(all_cache)}
    build, all_build = pelican_build(site, ONE_EDITION), pelican_build(all_site, EDITIONS)
    written: dict[str, list[str]] = {}

    def timed(step: str, number: int, command: list[str], of: int = runs, output: Path = site, **options) -> Run:
        # What the last run wrote to our site (scanning it takes seconds); Hugo writes elsewhere.
        watch = number == of and step != "floor" and not step.startswith("Hugo")
        before = states(output) if watch else {}
        result = run(command, logs / f"{step.replace(' ', '-').replace(',', '')}-{number}.log", **options)
        if watch:
            after = states(output)
            written[step] = [path.relative_to(output).as_posix() for path in changed(before, after) if path in after]
        say(f"{step} {number}/{of}: {result.seconds:.2f} s, peak {result.peak_rss / 2**20:.0f} MiB")
        return result

    def timed_editions(name: str, number: int, of: int) -> Run:
        return timed(EditionSteps.step(name), number, all_build, of, all_site, env=all_env)

    converted = hugo_peer.convert(data, hugo_source, logs / "hugo-convert.log")
    say(f"Hugo peer converted in {converted.seconds:.2f} s")
    hugo_build = hugo_peer.build_command(hugo_source, hugo_out, hugo_cache)
    floor, cold, hugo, all_cold = [], [], [], []
    all_runs = min(runs, EDITIONS_COLD_RUNS) if editions else 0
    all_after = spread(runs, all_runs)
    for number in range(1, runs + 1):
        trash.empty(floor_out)
        floor.append(timed("floor", number, [PYTHON, FLOOR, str(data), str(floor_out)]))
        trash.empty(site, cache)
        cold.append(timed("cold build", number, build, env=env))
        trash.empty(hugo_out, hugo_cache)
        hugo.append(timed("Hugo cold build", number, hugo_build))
        if number in all_after:
            trash.empty(all_site, all_cache)
            all_cold.append(timed_editions("cold build", len(all_cold) + 1, all_runs))
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
    all_steps = None
    if editions:  # the same edits again, on the editions' site (built before the first of them)
        all_incremental, all_unchanged = [], []
        for number in range(1, runs + 1):
            record.change(number)
            all_incremental.append(timed_editions("one record changed", number, runs))
        for number in range(1, runs + 1):
            all_unchanged.append(timed_editions("nothing changed", number, runs))
        all_pages = sum(1 for _ in all_site.rglob("*.html"))
        all_steps = EditionSteps(*(Series(tuple(s)) for s in (all_cold, all_incremental, all_unchanged)), all_pages)
        trash.empty(all_site, all_cache)
    step = [PYTHON, PAGEFIND_STEP, str(site), json.dumps(ONE_EDITION)]
    pagefind = [timed("Pagefind alone", n, step) for n in range(1, runs + 1)]
    series = (Series(tuple(s)) for s in (floor, cold, incremental, unchanged, pagefind))
    peer = HugoSteps(converted, Series(tuple(hugo)), hugo_pages, hugo_files, server, reported)
    return SiteSteps(*series, pages, written, site, peer, all_steps)


if __name__ == "__main__":  # a quick look at one data folder: python benchmarks/builds.py DATA WORK
    trash = Trash(Path(sys.argv[2]) / "trash")
    steps = measure_site(Path(sys.argv[1]), Path(sys.argv[2]), 1, print, trash)
    trash.remove()
    print({name: round(series.median, 2) for name, series in steps.named().items()}, steps.pages)
