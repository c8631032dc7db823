"""The benchmark harness (benchmarks/bench.py, `make bench`) end to end at a tiny size, so it cannot rot:
it generates and exports ~100 published proposals, builds the site cold, after one change and
unchanged, runs the floor, the Hugo peer (cold build and its server's one-record rebuilds) and
Pagefind, builds the site of every edition (cold, one change, unchanged: its tiny size is the one the
targets are shown for), and writes results.md and build-time.svg. Only the
browser query is skipped (--no-browser). No time is asserted: only that every number is there.

Run from the project root: .venv/bin/python -m pytest tests/test_bench_smoke.py -q
"""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench
import builds
import datasets
import file_states
import targets
from builds import EDITIONS, ONE_EDITION, EditionSteps
from processes import Run, Series

SVG = "{http://www.w3.org/2000/svg}"
STEPS = [
    "floor",
    "cold build",
    "Hugo cold build",
    "one record changed",
    "Hugo server, one record (fast render)",
    "Hugo server, one record (full render)",
    "nothing changed",
    "Pagefind alone",
    f"cold build, {len(EDITIONS)} editions",
    f"one record changed, {len(EDITIONS)} editions",
    f"nothing changed, {len(EDITIONS)} editions",
]
VERDICTS = {"met", "**not met**", "not judged"}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    argv = ["--sizes", "100", "--runs", "1", "--export-rows", "300", "--anonymiser-records", "200"]
    with pytest.MonkeyPatch.context() as patch:
        # Every edition unless a build says otherwise (as outside the test suite, which sets one:
        # tests/conftest.py): the one-edition steps must name theirs.
        patch.setenv("SHOWCASE_EDITIONS", json.dumps(EDITIONS))
        assert bench.main([*argv, "--no-browser", "--out", str(out), "--work", str(out / "work")]) == 0
    return out


def section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def table(text: str) -> list[list[str]]:
    """The rows of the first Markdown table in ``text`` (header and separator left out)."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_targets_are_all_listed_with_a_verdict(run):
    rows = table(section((run / "results.md").read_text("utf-8"), "Targets"))
    names = [row[0] for row in rows]
    assert len(names) == 14
    for words in [
        f"cold build, {len(EDITIONS)} editions ≤ 3.5 ×",
        f"one record changed, {len(EDITIONS)} editions < 3 s",
        "1.3 × floor",
        "1.0 × Hugo",
        "one record changed",
        "nothing changed",
        "100,000 raw",
        "anonymiser",
        "1 GB",
    ]:
        assert any(words in name for name in names), words
    assert all(row[2] in VERDICTS for row in rows)
    # No 10k site and no 100k export in a smoke run: those are shown but not judged.
    assert {row[2] for row in rows if "10k" in row[0] or "100,000" in row[0]} == {"not judged"}


def test_every_step_is_measured_at_the_real_published_count(run):
    published = datasets.published(run / "work" / "size-100" / "data")
    assert 50 < published < 150  # about a third of 300 raw rows
    markdown = (run / "results.md").read_text("utf-8")
    site = table(section(markdown, "Site"))
    assert [row[1] for row in site] == STEPS
    assert {row[0] for row in site} == {str(published)}
    for row in site:
        median, low, high = (float(cell) for cell in row[3:6])
        assert 0 < low <= median <= high
        assert re.fullmatch(r"[\d,]+ MiB", row[8])
    files = table(section(markdown, "Output"))[0][2]
    assert site[1][7] == files  # a cold build writes every file of the site
    hugo = site[2]
    assert int(hugo[7].replace(",", "")) > published  # its cold build wrote a page per proposal and the lists
    assert hugo[6] and hugo[9].endswith("×") and hugo[10] == "1.00 ×"
    assert not (run / "work" / "trash").exists()  # old outputs moved aside, deleted once nothing was timed
    exports = table(section(markdown, "Pipeline"))
    assert [row[:3] for row in exports] == [
        ["size 100", "300", str(published)],
        ["the big export", "300", str(published)],
    ]


def test_ours_against_the_floor_and_hugo(run):
    markdown = (run / "results.md").read_text("utf-8")
    rows = table(section(markdown, "Against the floor and Hugo"))
    assert [row[1].split(" (")[0] for row in rows] == ["cold build", "one record changed", "one record changed"]
    assert "fast render" in rows[1][1] and "full render" in rows[2][1]
    for row in rows:
        ours, hugo, floor = (float(cell) for cell in row[2:5])
        assert ours > 0 and hugo > 0 and floor > 0
        assert float(row[5].rstrip(" ×")) == pytest.approx(ours / floor, rel=0.05)  # cells are rounded
    assert re.search(r"Hugo peer builds [\d,]+ HTML pages", markdown)
    assert "| Hugo | v0.168.0" in markdown  # the machine table names the binary's version


def test_every_edition_against_the_one_edition_site(run):
    markdown = (run / "results.md").read_text("utf-8")
    assert ONE_EDITION == ["zh-Hans"] and EDITIONS[0] == "zh-Hans" and len(EDITIONS) > 1
    rows = table(section(markdown, "Editions"))
    assert len(rows) == 1  # the smoke run's one size: where the targets are shown
    row = rows[0]
    one, every = float(row[1]), float(row[2])
    assert one > 0 and every > 0  # no time is compared: a loaded machine can swap them
    assert float(row[3].rstrip(" ×")) == pytest.approx(every / one, rel=0.05)
    assert all(float(cell) > 0 for cell in row[5:9])
    one_pages, every_pages = (int(cell.replace(",", "")) for cell in row[9:11])
    # Every page exists in each edition; the one-edition steps built the original alone.
    assert one_pages == int(table(section(markdown, "Output"))[0][1])
    assert every_pages == len(EDITIONS) * one_pages
    site = {row[1]: row for row in table(section(markdown, "Site"))}
    assert int(site[f"cold build, {len(EDITIONS)} editions"][7].replace(",", "")) > int(
        site["cold build"][7].replace(",", "")
    )
    # The editions' rebuilds wrote what the one-edition rebuild wrote, in each edition.
    assert int(site[f"one record changed, {len(EDITIONS)} editions"][7]) > int(site["one record changed"][7])


def test_output_weight_and_search_are_reported(run):
    output = section((run / "results.md").read_text("utf-8"), "Output")
    pages = {row[0]: row for row in table(output.split("Page weight", 1)[1])}
    assert {"proposal", "story", "home", "proposals/"} <= set(pages)
    assert int(pages["proposal"][1]) == int(table(output)[0][0])  # one page per published proposal
    assert "not measured: --no-browser" in output


def test_yaml_and_anonymiser_sections(run):
    markdown = (run / "results.md").read_text("utf-8")
    assert "pure-Python loaders give equal objects on all but 0" in section(markdown, "YAML")
    assert re.search(r"200 records of 400 characters.*records/s", section(markdown, "Pipeline"))
    assert len(table(section(markdown, "Anonymiser quality"))) >= 10  # one row per family


def test_chart_is_an_svg_with_the_four_lines(run):
    root = ET.parse(run / "build-time.svg").getroot()
    assert root.tag == f"{SVG}svg"
    lines = root.findall(f"{SVG}g[@class='line']")
    assert [g.get("data-name") for g in lines] == ["cold build", "one record changed", "floor", "Hugo cold build"]
    assert all(g.find(f"{SVG}polyline") is not None for g in lines)
    assert root.find(f"{SVG}title").text == "Site build time (median)"


def test_file_states_tell_which_files_changed(tmp_path):
    (tmp_path / "kept.txt").write_text("a")
    (tmp_path / "edited.txt").write_text("a")
    (tmp_path / "removed.txt").write_text("a")
    before = file_states.states(tmp_path)
    (tmp_path / "edited.txt").write_text("ab")
    (tmp_path / "removed.txt").unlink()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "new.txt").write_text("a")
    names = [p.relative_to(tmp_path).as_posix() for p in file_states.changed(before, file_states.states(tmp_path))]
    assert names == ["edited.txt", "removed.txt", "sub/new.txt"]


def series(*seconds: float) -> Series:
    return Series(tuple(Run(s, 2**20) for s in seconds))


def test_editions_targets_are_judged_against_the_one_edition_build():
    def steps(cold: float, incremental: float):
        every = EditionSteps(series(cold), series(incremental, incremental), series(1.0), 200)
        return SimpleNamespace(cold=series(19.0, 20.0, 21.0), incremental=series(5.6), editions=every)

    met = targets.editions_targets(steps(70.0, 2.9), " at 9,993 published", lambda ok: ok)
    assert [t.met for t in met] == [True, True]  # 70 / 20 = 3.5 ×: at the line is met
    assert met[0].measured == "70.0 s / 20.0 s = 3.50 × at 9,993 published"
    assert met[1].measured == "2.90 s (one edition: 5.60 s) at 9,993 published"
    assert [t.met for t in targets.editions_targets(steps(70.5, 3.0), "", lambda ok: ok)] == [False, False]
    assert [t.verdict for t in targets.editions_targets(steps(1.0, 1.0), "", lambda ok: None)] == ["not judged"] * 2
    missing = targets.editions_targets(SimpleNamespace(editions=None), "", lambda ok: ok)
    assert [t.met for t in missing] == [None, None]


def test_the_editions_are_measured_where_the_targets_are_judged():
    assert targets.judged_size([1000, 10000, 50000]) == 10000
    assert targets.judged_size([100]) == 100 and targets.judged_size([1000, 50000]) == 50000
    # The editions' cold runs sit between rounds of the one-edition series, spread evenly.
    assert builds.spread(3, 1) == {2} and builds.spread(1, 1) == {1} and builds.spread(3, 3) == {1, 2, 3}
    assert builds.spread(5, 2) == {2, 4} and builds.spread(3, 0) == set()
