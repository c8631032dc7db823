"""Work split over forked worker processes, one per core, when there is enough of it.

The caller keeps what the work needs in module state before calling: forked
workers inherit it, so only indexes and results are pickled. Used to parse
data files (``parsecache.py``) and to render outputs (``writer.py``).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
MAX_WORKERS = 8


def in_workers(work: Callable[[list[int]], list[T]], indexes: list[int], parallel_from: int) -> list[T]:
    """``work(indexes)``, here when there are fewer than ``parallel_from`` or one core, else in shares."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(indexes) < parallel_from or workers < 2:
        return work(indexes)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.map(work, [indexes[share::workers] for share in range(workers)])
    return [result for part in parts for result in part]
