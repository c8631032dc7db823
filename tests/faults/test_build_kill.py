"""A site build killed (SIGKILL) at any point leaves nothing the next build trusts wrongly.

The sample is built with a cache; then an incremental build of changed data
(one proposal retitled, one removed, one added) is killed at fault points
spread at a fixed stride over its whole run (reading, the manifest's intent,
each output written half-way, stale outputs removed, the manifest, the
per-record memo, the sitemap, Pagefind and its stamp). The next build, of the
changed data or of the data as it was before (a revert: the dangerous case,
where the old manifest's keys match again), must equal a clean build byte
for byte. A traced run tells how many points there are; nothing forks, so
the N-th point is the same step in every run.
"""

from __future__ import annotations

import shutil

import pytest

from tests.faults.build_helpers import SAMPLE, built, changed_copy, killed_at, points, replace_contents, tree

KILLS_PER_SCENARIO = 15


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """Both data versions, their clean builds, and a built state (site and cache) to start from.
    Every run of a scenario uses the same site folder, refilled in place: the manifest is kept
    per output folder, by path and inode."""
    root = tmp_path_factory.mktemp("kill")
    before, after = root / "before", changed_copy(SAMPLE, root / "after")
    shutil.copytree(SAMPLE, before)
    lab = {"root": root, "before": before, "after": after, "data": root / "data"}
    for name in ("before", "after"):
        lab[f"clean-{name}-plain"] = tree(built(root / f"clean-{name}-plain", lab[name], None))
    lab["clean-before-search"] = tree(built(root / "clean-before-search", before, None, search=True))
    replace_contents(before, lab["data"])
    for tag in ("plain", "search"):
        site, cache = root / f"site-{tag}", root / f"cache-{tag}"
        built(site, lab["data"], cache, search=tag == "search")
        shutil.copytree(site, root / f"start-{tag}")
        shutil.copytree(cache, root / f"start-cache-{tag}")
    return lab


def start_over(lab, search: bool):
    """The site and cache as the last good build of the old data left them; the new data in place."""
    tag = "search" if search else "plain"
    site, cache = lab["root"] / f"site-{tag}", lab["root"] / f"cache-{tag}"
    replace_contents(lab["root"] / f"start-{tag}", site)
    shutil.rmtree(cache)
    shutil.copytree(lab["root"] / f"start-cache-{tag}", cache)
    replace_contents(lab["after"], lab["data"])
    return site, cache


def spread(count: int, kills: int, offset: float = 0.0) -> list[int]:
    """``kills`` point numbers (1-based) at a fixed stride over ``count`` points."""
    stride = count / kills
    return sorted({min(count, int(offset * stride + i * stride) + 1) for i in range(kills)})


def run_points(lab, search: bool) -> list[str]:
    site, cache = start_over(lab, search)
    return points(site, lab["data"], cache, lab["root"] / "trace", search=search)


def kill_then_rebuild(lab, number: int, search: bool, rebuild_with: str) -> dict:
    site, cache = start_over(lab, search)
    killed_at(number, site, lab["data"], cache, search=search)
    replace_contents(lab[rebuild_with], lab["data"])
    return tree(built(site, lab["data"], cache, search=search))


def differences(got: dict, want: dict) -> list[str]:
    return sorted(name for name in got.keys() | want.keys() if got.get(name) != want.get(name))


def test_the_incremental_run_has_points_in_every_step(lab):
    names = run_points(lab, search=False)
    kinds = {name.split(":")[0] for name in names}
    assert {"build", "output", "remove", "write", "fsync-file", "rename", "fsync-dir"} <= kinds, kinds
    assert len(names) >= 2 * KILLS_PER_SCENARIO
    # The manifest's intent is made durable before the first output is touched.
    first_output = next(i for i, name in enumerate(names) if name.startswith(("output:", "remove:")))
    assert any(name.startswith("fsync-dir:") for name in names[:first_output])


@pytest.mark.parametrize("rebuild_with", ["before", "after"])
def test_a_build_killed_anywhere_is_repaired_by_the_next_one(lab, rebuild_with):
    names = run_points(lab, search=False)
    numbers = spread(len(names), KILLS_PER_SCENARIO, offset=0.0 if rebuild_with == "before" else 0.5)
    broken = {}
    for number in numbers:
        got = kill_then_rebuild(lab, number, search=False, rebuild_with=rebuild_with)
        if wrong := differences(got, lab[f"clean-{rebuild_with}-plain"]):
            broken[f"{number}:{names[number - 1]}"] = wrong[:5]
    assert broken == {}, broken


def test_a_build_killed_around_pagefind_leaves_no_index_vouched_for(lab):
    """The end of the run: Pagefind (bundle removed, run, scripts edited) and its stamp."""
    names = run_points(lab, search=True)
    numbers = [i + 1 for i, name in enumerate(names) if name.startswith("pagefind") or "/pagefind-" in name]
    assert len([n for n in numbers if names[n - 1].startswith("pagefind:")]) >= 4, names[-12:]
    broken = {}
    for number in numbers:
        got = kill_then_rebuild(lab, number, search=True, rebuild_with="before")
        if wrong := differences(got, lab["clean-before-search"]):
            broken[f"{number}:{names[number - 1]}"] = wrong[:5]
    assert broken == {}, broken


def test_a_build_with_nothing_changed_killed_anywhere(lab):
    site, cache = start_over(lab, search=False)
    replace_contents(lab["before"], lab["data"])
    names = points(site, lab["data"], cache, lab["root"] / "trace")
    for number in range(1, len(names) + 1):
        killed_at(number, site, lab["data"], cache)
        assert differences(tree(built(site, lab["data"], cache)), lab["clean-before-plain"]) == [], number
