"""Work split over forked worker processes, one per core, when there is enough of it.

The caller keeps what the work needs in module state before calling: forked
workers inherit it, so only indexes and results are pickled. Used to parse
data files (``parsecache.py``) and to render outputs (``writer.py``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
MAX_WORKERS = 8


def in_workers(
    work: Callable[[list[int]], list[T]],
    indexes: list[int],
    parallel_from: int,
    meanwhile: Callable[[], list[T]] | None = None,
    group: Callable[[int], Hashable] | None = None,
) -> list[T]:
    """``work(indexes)``, here when there are fewer than ``parallel_from`` or one core, else in shares.

    ``meanwhile()`` runs in this process while the workers work (work that must stay here,
    e.g. because it updates this process's state); its results come first. Indexes of the
    same ``group(index)`` go to the same worker (e.g. the outputs of one folder).
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(indexes) < parallel_from or workers < 2:
        return (meanwhile() if meanwhile else []) + work(indexes)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending = pool.map_async(work, _shares(indexes, workers, group))
        here = meanwhile() if meanwhile else []
        parts = pending.get()
    return here + [result for part in parts for result in part]


def _shares(indexes: list[int], workers: int, group: Callable[[int], Hashable] | None) -> list[list[int]]:
    """Round-robin over the indexes, or over their groups in the order they first appear."""
    if group is None:
        return [indexes[share::workers] for share in range(workers)]
    shares: list[list[int]] = [[] for _ in range(workers)]
    owner: dict[Hashable, int] = {}
    for index in indexes:
        shares[owner.setdefault(group(index), len(owner) % workers)].append(index)
    return shares
