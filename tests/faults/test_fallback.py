"""Without an atomic exchange (forced: `exchange:` raises ENOSYS) the swap is
two renames. A kill between them leaves no DATA at all; the next run's
`recover` puts the old tree back before it reads it, says so, and exports."""

from __future__ import annotations

import shutil

import pytest

from .harness import Case, trace

NO_EXCHANGE = "exchange:ENOSYS"


@pytest.fixture(scope="module")
def points(trees, tmp_path_factory) -> list[str]:
    case = Case(tmp_path_factory.mktemp("traced"), trees)
    traced = trace(case.data, case.audit, case.folder, ERRNO=NO_EXCHANGE)
    assert case.tree() == trees.new
    return traced


@pytest.mark.parametrize(
    ("point", "outcome"), [("rename-old:", "old"), ("rename-new:", "missing"), ("remove-old:", "new")]
)
def test_a_kill_during_the_two_renames_is_repaired_by_the_next_run(trees, points, tmp_path, point, outcome):
    index = next(i for i, name in enumerate(points, 1) if name.startswith(point))
    case = Case(tmp_path, trees)
    killed = case.export(KILL=index, ERRNO=NO_EXCHANGE)
    assert killed.returncode == -9, killed.stderr
    assert trees.outcome(case.tree()) == outcome
    assert case.strays() == []  # the old tree waits in the work folder, which git ignores
    again = case.export()
    assert again.returncode == 0, again.stderr
    restored = "已恢复它之前的公开数据" in again.stderr
    assert restored == (outcome == "missing"), again.stderr
    assert "已清理上一次导出中断后留下的" in again.stderr
    assert case.tree() == trees.new  # NEW needs OLD's dates: the old tree was back before it was read
    assert case.leftovers() == [] and case.strays() == []


def test_staging_folders_of_the_layout_before_are_removed_by_the_next_export(trees, tmp_path):
    """Today's kills left `data/.public.new-XXXX/` (never leak-scanned) beside DATA, outside any ignore rule."""
    case = Case(tmp_path, trees)
    for name in (".public.new-k3j2a9x1", ".public.old-p0q9r8s7"):
        shutil.copytree(trees.source, case.data.parent / name)
    assert case.strays() != []
    again = case.export()
    assert again.returncode == 0, again.stderr
    assert "已清理上一次导出中断后留下的 2 个临时文件夹（.public.new-k3j2a9x1、.public.old-p0q9r8s7）" in again.stderr
    assert case.tree() == trees.new
    assert case.strays() == [] and case.leftovers() == []
