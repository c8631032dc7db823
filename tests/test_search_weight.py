"""The search-weight benchmark's report and target (benchmarks/search_weight.py, results.py,
targets.py) on measured-shaped runs: every query's first search is judged against < 200 KB, and
the table shows each part, the first query's total and the second query's extra bytes.
(The measurement itself runs in Chromium: ``make bench``.)"""

from __future__ import annotations

import sys
from collections import Counter
from types import SimpleNamespace

from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import results
import targets
from page_weight import KB
from search_weight import ENGINE, QUERIES, SearchRun, SearchWeight, part


def weight(query: str, parts: dict[str, float]) -> SearchWeight:
    sizes = {name: int(kb * KB) for name, kb in parts.items()}
    return SearchWeight(query, f"找到 1 条与“{query}”相关的结果。", sizes, sizes, Counter(dict.fromkeys(sizes, 1)))


def runs(first_kb: list[float]) -> list[SearchRun]:
    return [
        SearchRun(weight(q, {ENGINE: kb - 20, "index chunks": 20}), weight(QUERIES[(i + 1) % 3], {"fragments": 9}))
        for i, (q, kb) in enumerate(zip(QUERIES, first_kb, strict=True))
    ]


def judged(ok: bool) -> bool:
    return ok


def test_every_query_must_be_under_200_kb():
    assert QUERIES == ("电梯", "减负", "外卖骑手")
    met = targets.search_target(runs([181, 180, 192]), " at 9,993 published", judged)
    assert met.met is True
    firsts, seconds = "电梯 181 KB, 减负 180 KB, 外卖骑手 192 KB", "+9 KB, +9 KB, +9 KB"
    assert met.measured == f"{firsts}; second query {seconds} at 9,993 published"
    assert targets.search_target(runs([181, 180, 200]), "", judged).met is False  # one over is not met
    assert targets.search_target("not measured: --no-browser", "", judged).met is None


def test_the_table_shows_parts_first_query_and_second_query():
    lines = results.search_lines(SimpleNamespace(published=9993, search=runs([181, 180, 192])))
    header, _, *rows = [line for line in lines if line.startswith("|")]
    assert header.split(" | ")[3:6] == [ENGINE, "index chunks", "**first query**"]
    assert len(rows) == 3
    cells = [cell.strip() for cell in rows[2].strip("|").split("|")]
    assert cells[0] == "外卖骑手" and cells[1] == "找到 1 条与“外卖骑手”相关的结果。"
    assert cells[2:7] == ["2", "172.0 KB", "20.0 KB", "**192.0 KB**", "电梯"]
    assert cells[7] == "9.0 KB (1 requests)"


def test_parts_are_named_from_the_files_pagefind_serves():
    assert part("/pagefind/filter/zh-cn_1.pf_filter") == "filters"
    assert part("/pagefind/pagefind.zh-cn_1.pf_meta") == "metadata"
    assert part("/pagefind/pagefind-entry.json") == "metadata"
    assert part("/pagefind/wasm.unknown.pagefind") == ENGINE
    assert part("/theme/js/search.js") == ENGINE
