"""SIGKILL the export at fault points spread over its whole run.

A traced run of the sample over the OLD tree counts the points; the kills
cover every named step, every point around the swap (`exchange:`,
`remove-old:`, `fsync-dir:`, `rename:`) and points spread evenly over the
staged writes and fsyncs. After each kill DATA is the OLD tree (killed up to
the exchange) or the NEW one (after it), nothing that `git add -A` or the
next run would pick up lies outside DATA, and the next export succeeds with
the bytes of an uninterrupted one. Kills run two at a time (each case has its
own folder, so the results do not depend on the order)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .harness import Case, Trees, trace

AROUND_SWAP = ("exchange:", "rename-old:", "rename-new:", "remove-old:", "fsync-dir:", "rename:", "step:")
SWITCH = ("exchange:", "rename-new:")  # the step that puts the new tree in DATA's place
SPREAD = 10  # kills spread evenly over the whole run, on top of the points above (31 kills in all on the sample)
WORKERS = 2


def kill_indices(points: list[str]) -> list[int]:
    """1-based indices to kill at: every point of the kinds above and its neighbours, plus an even spread."""
    chosen = {i for i, name in enumerate(points, 1) if name.startswith(AROUND_SWAP)}
    exchange = switch_index(points)
    chosen |= {exchange - 1, exchange + 1}
    chosen |= {1 + round(k * (len(points) - 1) / (SPREAD - 1)) for k in range(SPREAD)}
    return sorted(chosen)


def switch_index(points: list[str]) -> int:
    return next(i for i, name in enumerate(points, 1) if name.startswith(SWITCH))


def kind(name: str) -> str:
    return name.split(":", 1)[0] if not name.startswith("step:") else name


@pytest.fixture(scope="module")
def points(trees: Trees, tmp_path_factory) -> list[str]:
    case = Case(tmp_path_factory.mktemp("traced"), trees)
    traced = trace(case.data, case.audit, case.folder)
    assert case.tree() == trees.new
    return traced


def kill_and_rerun(index: int, exchange: int, folder: Path, trees: Trees) -> tuple[str, list[str]]:
    """-> (the outcome: old/new/missing, what went wrong)."""
    case = Case(folder, trees)
    wrong = []
    killed = case.export(KILL=index)
    if killed.returncode != -9:
        wrong.append(f"not killed: exit {killed.returncode} {killed.stderr[-300:]}")
    outcome = trees.outcome(case.tree())
    expected = "old" if index <= exchange else "new"
    if outcome != expected:
        wrong.append(f"DATA is {outcome}, expected {expected}")
    if strays := case.strays():
        wrong.append(f"left where git or the next run sees it: {strays}")
    again = case.export()
    if again.returncode != 0:
        wrong.append(f"next export failed: {again.returncode} {again.stderr[-300:]}")
    if case.tree() != trees.new:
        wrong.append("next export's DATA differs from an uninterrupted export")
    if case.leftovers() or case.strays():
        wrong.append(f"left after the next export: {case.leftovers()} {case.strays()}")
    return outcome, wrong


def test_a_kill_at_any_point_leaves_old_or_new_and_nothing_stray(trees, points, tmp_path):
    indices = kill_indices(points)
    exchange = switch_index(points)
    assert len(indices) >= 30 and indices[0] == 1 and indices[-1] == len(points)
    with ThreadPoolExecutor(WORKERS) as pool:
        runs = {
            index: pool.submit(kill_and_rerun, index, exchange, tmp_path / f"kill-{index}", trees) for index in indices
        }
        results = {index: run.result() for index, run in runs.items()}
    summary = {}
    for index, (outcome, _) in results.items():
        summary.setdefault(kind(points[index - 1]), []).append(outcome)
    print("\nkills by kind of point -> outcomes:", {k: [*sorted(set(v)), len(v)] for k, v in summary.items()})
    failures = {f"{index} {points[index - 1]}": wrong for index, (_, wrong) in results.items() if wrong}
    assert failures == {}
    assert {outcome for outcome, _ in results.values()} == {"old", "new"}
