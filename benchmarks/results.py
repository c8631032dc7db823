"""benchmarks/results.md and build-time.svg from one benchmark run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import page_weight
import targets
from builds import EDITIONS, EDITIONS_COLD_RUNS, ONE_EDITION, EditionSteps
from page_weight import KB
from processes import Series
from svg_chart import line_chart

if TYPE_CHECKING:
    from bench import BenchResult, SizeResult

SIZES_DECISION = (
    "Sizes are counted in **published** proposals, because the targets are stated at 10k published "
    "proposals. The sample generator publishes about a third of its rows, so a size of N published is "
    "generated as 3 × N raw rows (`python -m pipeline sample --rows 3N --seed 20241`); the table shows "
    "the number the export really published."
)
SITE_COLUMNS = [
    "published", "step", "runs", "median", "min", "max", "pages/s", "files written", "peak RSS", "× floor", "× Hugo"
]  # fmt: skip
PATHS_SHOWN = 8
ONE_BUILDS = ("floor", "cold build", "Hugo cold build", "one record changed", "nothing changed")
BUILDS = (*ONE_BUILDS, *(EditionSteps.step(name) for name in ONE_BUILDS[-2:]), EditionSteps.step("cold build"))
CHART_LINES = ("cold build", "one record changed", "floor", "Hugo cold build")
HUGO_COLD = "Hugo cold build"


def _seconds(series: Series) -> list[str]:
    """Median, min, max."""
    return [f"{series.median:.2f}", f"{series.min:.2f}", f"{series.max:.2f}"]


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _first_paths(paths: list[str]) -> str:
    return ", ".join(f"`{p}`" for p in paths[:PATHS_SHOWN]) + (" …" if len(paths) > PATHS_SHOWN else "")


def code_warning(paths: list[str]) -> str:
    return (
        f"> **Warning:** {len(paths)} files of the code changed while this benchmark ran ({_first_paths(paths)}): "
        "the numbers may mix two versions. Run it again on a tree nobody is editing."
    )


def runs_line(result: BenchResult) -> str:
    runs = ", ".join(f"{len(s.site.cold.runs)}× at {s.requested:,} published" for s in result.sizes)
    return (
        f"Each step is a whole process, run {runs} (sizes above 10,000 once, to keep `make bench` within "
        "15 minutes); the big export once. Times are wall time (median | min | max, seconds); memory is the "
        "peak RSS of the process and of the processes it waited for (`os.wait4`), the largest of the runs."
    )


def export_rows(result: BenchResult) -> list[list[str]]:
    exports = [(f"size {s.requested:,}", s.raw_rows, s.published, s.export) for s in result.sizes]
    big = result.big_export
    exports.append(("the big export", big.raw_rows, big.published, big.export))
    rows = []
    for what, raw, published, series in exports:
        row = [what, f"{raw:,}", f"{published:,}", str(len(series.runs)), *_seconds(series)]
        rows.append([*row, f"{raw / series.median:,.0f}", _mib(series.peak_rss)])
    return rows


def anonymiser_line(throughput) -> str:
    timings = throughput.timings
    return (
        f"Anonymiser alone (`benchmarks/anonymise.py`, in this process): {throughput.records:,} records of "
        f"{throughput.characters} characters, every family on, {len(timings)} runs: median {throughput.median:.3f} s "
        f"(min {min(timings):.3f}, max {max(timings):.3f}) = **{throughput.per_second:,.0f} records/s**, "
        f"{throughput.per_second * 60:,.0f} records per minute."
    )


def output_row(size: SizeResult) -> list[str]:
    files, total = size.output
    index_files, index_total = size.index
    return [
        f"{size.published:,}",
        f"{size.site.pages:,}",
        f"{files:,}",
        _mib(total),
        f"{index_files:,}",
        _mib(index_total),
    ]


def _written(steps, name: str) -> str:
    """Files of the step's last run: ours from the site's file states, Hugo's cold build all of its output."""
    if name == HUGO_COLD:
        return f"{steps.hugo.files:,}"
    return f"{len(steps.written[name]):,}" if name in steps.written else ""


def site_rows(size: SizeResult) -> list[list[str]]:
    rows = []
    floor, hugo = size.site.floor.median, size.site.hugo.cold.median
    pages = {"cold build": size.site.pages, HUGO_COLD: size.site.hugo.pages}
    if size.site.editions:
        pages[EditionSteps.step("cold build")] = size.site.editions.pages
    for name, series in size.site.named().items():
        rate = f"{pages[name] / series.median:,.0f}" if name in pages else ""
        ratio = f"{series.median / floor:.2f} ×" if name in BUILDS else ""
        to_hugo = f"{series.median / hugo:.2f} ×" if name in BUILDS else ""
        row = [
            f"{size.published:,}",
            name,
            str(len(series.runs)),
            *_seconds(series),
            rate,
            _written(size.site, name),
            _mib(series.peak_rss),
            ratio,
            to_hugo,
        ]
        rows.append(row)
    return rows


def hugo_rows(size: SizeResult) -> list[list[str]]:
    """Ours against the floor and Hugo: the cold build, and the one-record rebuild beside Hugo's server."""
    steps = size.site
    floor, hugo = steps.floor.median, steps.hugo.cold.median
    cold = [f"{size.published:,}", "cold build", f"{steps.cold.median:.2f}", f"{hugo:.2f}", f"{floor:.2f}"]
    rows = [[*cold, f"{steps.cold.median / floor:.2f} ×", f"{steps.cold.median / hugo:.2f} ×"]]
    for mode, series in steps.hugo.server.items():
        said = "/".join(str(ms) for ms in steps.hugo.reported_ms[mode])
        row = [f"{size.published:,}", f"one record changed (Hugo: server, {mode}; Hugo says {said} ms)"]
        row += [f"{steps.incremental.median:.2f}", f"{series.median:.3f}", f"{floor:.2f}"]
        ratios = [f"{steps.incremental.median / floor:.2f} ×", f"{steps.incremental.median / series.median:.1f} ×"]
        rows.append([*row, *ratios])
    return rows


def editions_rows(size: SizeResult) -> list[list[str]]:
    """The editions' site beside the one-edition site (issue #14), where it was measured."""
    one, every = size.site, size.site.editions
    if every is None:
        return []
    ratio, floor = every.cold.median / one.cold.median, every.cold.median / one.floor.median
    return [
        [
            f"{size.published:,}",
            f"{one.cold.median:.2f}",
            f"{every.cold.median:.2f}",
            f"{ratio:.2f} ×",
            f"{floor:.2f} ×",
            f"{one.incremental.median:.2f}",
            f"{every.incremental.median:.2f}",
            f"{one.unchanged.median:.2f}",
            f"{every.unchanged.median:.2f}",
            f"{one.pages:,}",
            f"{every.pages:,}",
        ]
    ]


def editions_lines(result: BenchResult) -> list[str]:
    rows = [row for size in result.sizes for row in editions_rows(size)]
    n = len(EDITIONS)
    runs = ", ".join(
        f"{s.requested:,} published: cold {len(s.site.editions.cold.runs)}×, "
        f"each rebuild {len(s.site.editions.incremental.runs)}×"
        for s in result.sizes
        if s.site.editions
    )
    intro = (
        f"The site of every edition (`SHOWCASE_EDITIONS={json_list(EDITIONS)}`, issue #14) against the one-edition "
        f"site of the steps above (`SHOWCASE_EDITIONS={json_list(ONE_EDITION)}`), in its own output and cache "
        f"folders, measured only at the size where the targets are judged ({runs}). Its cold build runs at most "
        f"{EDITIONS_COLD_RUNS}×, in the middle of the one-edition series (after a round of floor, cold build and "
        "Hugo), because at 10k one run takes about as long as that whole round: three would push `make bench` "
        "past 15 minutes. One record changed: the same edit as the one-edition step's, each run; nothing "
        f"changed: run again. Targets (issue #14): cold ≤ {targets.EDITIONS_RATIO} × one edition, one record "
        f"< {targets.EDITIONS_INCREMENTAL_SECONDS:.0f} s, at 10k."
    )
    header = [
        "published",
        "cold, one edition",
        f"cold, {n} editions",
        f"{n} ÷ one (≤ {targets.EDITIONS_RATIO} ×)",
        f"{n} editions × floor",
        "one record, one edition",
        f"one record, {n} editions (< {targets.EDITIONS_INCREMENTAL_SECONDS:.0f} s)",
        "nothing changed, one edition",
        f"nothing changed, {n} editions",
        "HTML pages, one edition",
        f"HTML pages, {n} editions",
    ]
    return [intro, "", *_table(header, rows)] if rows else [intro, "", "Not measured in this run."]


def json_list(codes: list[str]) -> str:
    return "[" + ",".join(f'"{code}"' for code in codes) + "]"


def hugo_line(size: SizeResult) -> str:
    peer = size.site.hugo
    return (
        f"At {size.published:,} published the Hugo peer builds {peer.pages:,} HTML pages ({peer.files:,} files; ours "
        f"{size.site.pages:,} pages, {size.output[0]:,} files); converting the data to its content took "
        f"{peer.convert.seconds:.1f} s, once, outside the timed builds."
    )


def rewritten_line(size: SizeResult) -> str:
    """The files a build with nothing changed still wrote (the first few)."""
    paths = size.site.written["nothing changed"]
    shown = f": {_first_paths(paths)}" if paths else ""
    return f"At {size.published:,} published, a build with nothing changed still wrote {len(paths):,} files{shown}."


def search_lines(size: SizeResult) -> list[str]:
    runs = size.search
    if isinstance(runs, str):
        return [f"Search queries at {size.published:,} published: {runs}."]
    parts = sorted({name for run in runs for name in run.first.gzipped})
    header = ["query", "page says", "requests", *parts, "**first query**", "second query", "its extra bytes"]
    rows = [
        [
            run.first.query,
            run.first.results,
            str(sum(run.first.requests.values())),
            *[f"{run.first.gzipped.get(name, 0) / KB:.1f} KB" for name in parts],
            f"**{run.first.total / KB:.1f} KB**",
            run.second.query,
            f"{run.second.total / KB:.1f} KB ({sum(run.second.requests.values())} requests)",
        ]
        for run in runs
    ]
    intro = (
        f"Search at {size.published:,} published: each query opened as `/search/?q=` in a fresh browser "
        "(its first query), then the next one typed on that page (the second query's extra bytes). "
        "Bytes as sent, scripts counted gzip-compressed:"
    )
    return [intro, "", *_table(header, rows)]


def markdown(result: BenchResult) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`{result.command}`) on {result.day.isoformat()}; the whole run took "
        f"{result.seconds / 60:.1f} min. Issue #6. Regenerate with `make bench` "
        '(`make bench BENCH_SIZES="1000 10000 50000"` adds 50k published). Where the time goes, and why two '
        "targets are not met: [analysis.md](analysis.md) (written by hand, from profiles).",
        "",
        *([f"> {result.note}", ""] if result.note else []),
        *([code_warning(result.code_changed), ""] if result.code_changed else []),
        "## Machine",
        "",
        *_table(["", ""], [[label, value] for label, value in result.machine]),
        "",
        "## Sizes and runs",
        "",
        SIZES_DECISION,
        "",
        runs_line(result),
        "",
        "## Targets",
        "",
        *_table(["target", "measured", "verdict"], [[t.name, t.measured, t.verdict] for t in targets.evaluate(result)]),
        "",
        "## Pipeline",
        "",
        *_table(
            ["export", "raw rows", "published", "runs", "median", "min", "max", "rows/s", "peak RSS"],
            export_rows(result),
        ),
        "",
        anonymiser_line(result.anonymiser),
        "",
        "## Site",
        "",
        "Build: `pelican content -s pelicanconf.py -o OUT -e SHOWCASE_SEARCH=false "
        f"'SHOWCASE_EDITIONS={json_list(ONE_EDITION)}'` (the original edition alone) with `SHOWCASE_DATA` and "
        "`SHOWCASE_CACHE`; cold = empty output and cache; one record changed = one published proposal's body "
        "edited between runs; nothing changed = run again; Pagefind alone = `benchmarks/pagefind_step.py` "
        "(the build's own `build_index` over that edition's pages); floor = `benchmarks/floor.py` (C loader, "
        "one Jinja2 page per published proposal, nothing else). The steps named with editions build the site "
        "of every edition (section Editions). Pages/s counts the HTML pages of a cold build; files written "
        "counts the files of the site that the step's last run created or rewrote (new modification time or size). "
        "× Hugo: the median over the Hugo peer's cold build (next section); Hugo's server runs are in memory, "
        "their peak RSS that of the server process (first build included, `VmHWM`).",
        "",
        *_table(
            SITE_COLUMNS,
            [row for size in result.sizes for row in site_rows(size)],
        ),
        "",
        *(line for size in result.sizes for line in (rewritten_line(size), "")),
        "## Against the floor and Hugo",
        "",
        "The Hugo peer (`benchmarks/peers/hugo/`, docs/decisions.md 53): the same published proposals converted "
        "once to Hugo content files, one page per proposal with its timeline, the paginated list, one list per "
        "facet value, the Atom feed and the sitemap; cold = `hugo --minify=false` into an empty output and cache "
        "folder, a whole process timed in the same series as ours and the floor. Its one-record rebuild runs in "
        "`hugo server --renderToMemory`: from writing the changed content file until the server logged the rebuild "
        "and served the new text (fast render: only visited pages re-rendered; full render: `--disableFastRender`). "
        "Ours is a whole process (start-up, reading every record, writing the changed files) against a warm server "
        "in memory: the last column says how far apart those are, not which tool is better.",
        "",
        *_table(
            ["published", "step", "ours (s)", "Hugo (s)", "floor (s)", "ours × floor", "ours × Hugo"],
            [row for size in result.sizes for row in hugo_rows(size)],
        ),
        "",
        *(line for size in result.sizes for line in (hugo_line(size), "")),
        "## Editions",
        "",
        *editions_lines(result),
        "",
        "## Output",
        "",
        *_table(
            ["published", "HTML pages", "files", "size", "search index files", "search index size"],
            [output_row(size) for size in result.sizes],
        ),
        "",
    ]
    for size in result.sizes:
        broken = page_weight.failures(size.pages, size.css)
        out += [f"### {size.published:,} published", "", "Page weight, gzip -9 (`benchmarks/page_weight.py`):", ""]
        out += [page_weight.report(size.pages, size.css), "", f"Over budget: {len(broken)} pages or stylesheets."]
        out += [f"- {line}" for line in broken[:10]] + ["", *search_lines(size), ""]
    out += [
        "## YAML",
        "",
        f"{result.yaml.files:,} files of the {min(s.published for s in result.sizes):,}-proposal data: C and "
        f"pure-Python loaders give equal objects on all but {len(result.yaml.load_differs)}; the pipeline's dumper "
        f"and its pure-Python dumper (`yamlio.PurePythonDumper`) give identical bytes on all but "
        f"{len(result.yaml.dump_differs)}; {len(result.yaml.not_as_exported)} files differ from a C re-dump of "
        "their own content. "
        f"With libyaml hidden (`benchmarks/yaml_fallback.py`): {result.yaml.fallback}.",
        "",
        "## Anonymiser quality",
        "",
        result.quality,
        "",
        "## Build time against size",
        "",
        "![Build time against published proposals](build-time.svg)",
        "",
    ]
    return "\n".join(out)


def chart(result: BenchResult) -> str:
    lines = {name: [(s.published, s.site.named()[name].median) for s in result.sizes] for name in CHART_LINES}
    description = "; ".join(
        f"{name}: " + ", ".join(f"{y:.1f} s at {x:,}" for x, y in points) for name, points in lines.items()
    )
    return line_chart(lines, "Site build time (median)", "published proposals", "seconds", description)
