"""``make bench``: the pipeline and the site measured at several sizes, against a floor (issue #6).

For each size (published proposals; ``--sizes``) it generates a raw export of about three times as
many rows with the sample generator, then measures as whole processes: the export, the floor
(floor.py), a cold build, the Hugo peer's cold build (hugo_peer.py), a rebuild after one record
changed (and Hugo's in ``hugo server``), a rebuild with nothing changed, the Pagefind step; then the
output (size, page weight by type) and the example search queries in Chromium. All of these build
the one-edition site; at the size where the targets are judged (10k, or the largest size of a run
without 10k) the site of every edition too: its cold build, one record changed, nothing changed
(builds.py ``EDITIONS``). Once per run: the
export of ``--export-rows`` raw rows (100,000), the anonymiser's throughput and quality, and the YAML
check. Writes ``results.md`` and ``build-time.svg`` into ``--out``.

    python benchmarks/bench.py [--sizes 1000 10000] [--runs 3] [--out benchmarks] [--work DIR]

Sizes above ``BIG`` published run each step once (a 50k cold build takes minutes).
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import anonymise
import datasets
import machine
import page_weight
import results
import search_weight
import targets
import yaml_check
from builds import SEARCH_BUNDLE, SiteSteps, measure_site, tree_size
from file_states import changed, states
from processes import ROOT, Series
from trash import Trash

HERE = Path(__file__).resolve().parent
SIZES = [1000, 10000]
EXPORT_ROWS = 100_000
RUNS = 3
BIG = 10_000
# What the measured commands run: an edit here during a run mixes two versions in one table.
CODE = [ROOT / name for name in ("pipeline", "plugins", "theme", "content", "config", "pelicanconf.py", "benchmarks")]


@dataclass(frozen=True)
class SizeResult:
    requested: int  # published proposals asked for
    raw_rows: int
    published: int  # published proposals the export really wrote
    export: Series
    site: SiteSteps
    output: tuple[int, int]  # files, bytes of the build (search index excluded)
    index: tuple[int, int]  # files, bytes of the search index
    pages: list[page_weight.PageWeight]
    css: dict[str, int]
    search: list[search_weight.SearchRun] | str


@dataclass(frozen=True)
class ExportResult:
    raw_rows: int
    published: int
    export: Series


@dataclass(frozen=True)
class BenchResult:
    sizes: list[SizeResult]
    big_export: ExportResult
    anonymiser: anonymise.Throughput
    quality: str
    yaml: yaml_check.YamlCheck
    machine: list[tuple[str, str]]
    day: date
    seconds: float
    command: str
    note: str
    code_changed: list[str]  # files of CODE edited while the benchmark ran


STARTED = time.monotonic()


def say(message: str) -> None:
    minutes, seconds = divmod(int(time.monotonic() - STARTED), 60)
    print(f"[bench {minutes:02d}:{seconds:02d}] {message}", file=sys.stderr, flush=True)


def code_state() -> dict:
    return {path: state for path, state in states(*CODE).items() if "__pycache__" not in path.parts}


def runs_for(size: int, runs: int) -> int:
    return runs if size <= BIG else 1


def export_series(work: Path, rows: int, runs: int, data: Path) -> ExportResult:
    say(f"raw export of {rows:,} rows")
    raw = datasets.generate(work, rows)
    timings = []
    for number in range(1, runs + 1):
        timings.append(datasets.export(raw, data, work / "logs" / f"export-{rows}-{number}.log"))
        say(f"export of {rows:,} rows {number}/{runs}: {timings[-1].seconds:.2f} s")
    return ExportResult(rows, datasets.published(data), Series(tuple(timings)))


def measure_size(size: int, work: Path, runs: int, browser: bool, trash: Trash, editions: bool) -> SizeResult:
    folder = work / f"size-{size}"
    exported = export_series(work, datasets.raw_rows(size), runs, folder / "data")
    say(f"{size:,}: {exported.published:,} published of {exported.raw_rows:,} raw rows")
    site = measure_site(folder / "data", folder, runs, lambda message: say(f"{size:,}: {message}"), trash, editions)
    say(f"{size:,}: page weight")
    pages, css = page_weight.measure(site.site)
    say(f"{size:,}: search queries in Chromium" if browser else f"{size:,}: no search query (--no-browser)")
    search = search_weight.measure(site.site) if browser else "not measured: --no-browser"
    output = tree_size(site.site, skip=SEARCH_BUNDLE)
    index = tree_size(site.site / SEARCH_BUNDLE)
    return SizeResult(
        size, exported.raw_rows, exported.published, exported.export, site, output, index, pages, css, search
    )


def run(args: argparse.Namespace, work: Path, command: str) -> BenchResult:
    started, code, trash = time.perf_counter(), code_state(), Trash(work / "trash")
    # The editions' site only where the targets are judged: at every size it would cost minutes.
    judged = targets.judged_size(args.sizes)
    sizes = [
        measure_size(size, work, runs_for(size, args.runs), args.browser, trash, size == judged) for size in args.sizes
    ]
    for size in args.sizes:  # the sites are not needed any more: aside now, deleted once nothing is timed
        trash.empty(work / f"size-{size}" / "site", work / f"size-{size}" / "hugo-site")
    big = export_series(work, args.export_rows, 1, work / "export-big")
    say("anonymiser throughput and quality")
    throughput = anonymise.throughput(args.anonymiser_records, args.runs)
    say("YAML loaders, dumpers and fallback")
    yaml = yaml_check.check(work / f"size-{min(args.sizes)}" / "data")
    say("deleting the old outputs moved aside")
    trash.remove()
    return BenchResult(
        sizes,
        big,
        throughput,
        anonymise.quality(),
        yaml,
        machine.describe(),
        date.today(),
        time.perf_counter() - started,
        command,
        args.note,
        [path.relative_to(ROOT).as_posix() for path in changed(code, code_state())],
    )


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python benchmarks/bench.py", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES, help="published proposals (default 1000 10000)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs of each step up to {BIG:,} published")
    parser.add_argument("--export-rows", type=int, default=EXPORT_ROWS, help="raw rows of the big export (100000)")
    parser.add_argument("--anonymiser-records", type=int, default=3000, help="records of the anonymiser run")
    parser.add_argument("--out", type=Path, default=HERE, help="where results.md and build-time.svg go")
    parser.add_argument("--work", type=Path, help="working folder, kept (default: a temporary one, removed)")
    parser.add_argument("--no-browser", dest="browser", action="store_false", help="skip the search query")
    parser.add_argument("--note", default="", help="a line for the top of results.md (e.g. what was measured)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    settings = ["--sizes", *map(str, args.sizes), "--runs", str(args.runs), "--export-rows", str(args.export_rows)]
    settings += ["--anonymiser-records", str(args.anonymiser_records), *([] if args.browser else ["--no-browser"])]
    command = shlex.join(["python", "benchmarks/bench.py", *settings])  # what was measured, not where it went
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        result = run(args, args.work.resolve(), command)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-") as work:
            result = run(args, Path(work), command)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(results.markdown(result), encoding="utf-8")
    (args.out / "build-time.svg").write_text(results.chart(result), encoding="utf-8")
    say(f"wrote {args.out / 'results.md'} and {args.out / 'build-time.svg'} in {result.seconds / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
