"""How work is shared between forked workers (plugins/showcase/forked.py)."""

from __future__ import annotations

import os
import sys

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from showcase import forked

FOLDERS = [f"proposals/{n % 7}" for n in range(40)]  # 40 outputs in 7 folders


def test_the_outputs_of_a_folder_go_to_one_worker():
    shares = forked._shares(list(range(40)), 2, lambda index: FOLDERS[index])
    assert sorted(i for share in shares for i in share) == list(range(40))
    for share in shares:
        assert all(index in share for index in range(40) if FOLDERS[index] in {FOLDERS[i] for i in share})
    assert all(shares), "both workers get work"


def test_without_groups_the_indexes_are_dealt_round_robin():
    assert forked._shares(list(range(5)), 2, None) == [[0, 2, 4], [1, 3]]


def _work(indexes):
    return [(index, os.getpid()) for index in indexes]


def test_workers_return_every_result_and_keep_a_folder_together():
    results = forked.in_workers(_work, list(range(40)), 1, group=lambda index: FOLDERS[index])
    assert sorted(index for index, _ in results) == list(range(40))
    by_folder = {}
    for index, pid in results:
        by_folder.setdefault(FOLDERS[index], set()).add(pid)
    assert all(len(pids) == 1 for pids in by_folder.values())
    assert os.getpid() not in {pid for _, pid in results}, "the work ran in forked workers"
