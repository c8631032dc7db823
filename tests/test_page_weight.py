"""The page weight budget (benchmarks/page_weight.py) holds on the committed
sample, and its check reports a page or stylesheet over budget.

Run from the project root: .venv/bin/python -m pytest tests/test_page_weight.py -q
"""

from __future__ import annotations

import os
import sys

import pytest
from sitebuild import ROOT, build

sys.path.insert(0, str(ROOT / "benchmarks"))
import page_weight


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("sample"), ROOT / "data" / "public")


def test_sample_build_is_within_budget(sample_site):
    pages, css = page_weight.measure(sample_site)
    assert page_weight.failures(pages, css) == []
    assert page_weight.check(sample_site) == []
    kinds = {p.type for p in pages}
    assert {"home", "proposal", "story", "data/"} <= kinds
    assert css == {"theme/css/site.css": css["theme/css/site.css"]}
    assert all(p.css == css["theme/css/site.css"] for p in pages)  # every page links the one stylesheet


def test_check_reports_pages_and_stylesheets_over_budget(tmp_path):
    (tmp_path / "proposals/x").mkdir(parents=True)
    (tmp_path / "big").mkdir()
    (tmp_path / "site.css").write_bytes(os.urandom(11 * 1024))  # random bytes do not compress
    link = '<link rel="stylesheet" href="/site.css">'
    (tmp_path / "proposals/x/index.html").write_text(f'{link}<article class="proposal">{os.urandom(12000).hex()}')
    (tmp_path / "big/index.html").write_text(os.urandom(60 * 1024).hex())
    (tmp_path / "index.html").write_text(f"{link}<h1>首页</h1>")
    failures = page_weight.check(tmp_path)
    assert [line.split(":")[0] for line in failures] == ["big/index.html", "proposals/x/index.html", "site.css"]
    assert "proposal page" in failures[1] and ">= 20 KB" in failures[1]
    assert ">= 50 KB" in failures[0] and ">= 10 KB" in failures[2]


def test_script_exits_non_zero_over_budget(tmp_path, capsys):
    (tmp_path / "site.css").write_bytes(os.urandom(11 * 1024))
    assert page_weight.main([str(tmp_path)]) == 1
    assert page_weight.main([str(tmp_path / "nothing-here")]) == 2
    assert page_weight.main(["a", "b"]) == 2


def test_percentile_is_the_nearest_rank():
    sizes = list(range(1, 101))  # 1..100
    assert page_weight.percentile(sizes, 0.95) == 95
    assert page_weight.percentile(sizes, 0.5) == 50
    assert page_weight.percentile([7], 0.95) == 7
    assert page_weight.percentile([30, 10, 20], 0.95) == 30  # unsorted input; ceil(0.95 × 3) = 3rd


def test_report_gives_median_and_95th_percentile_per_type():
    pages = [page_weight.PageWeight(f"proposals/{n}/index.html", "proposal", n * 1024, 1024) for n in range(1, 21)]
    row = next(line for line in page_weight.report(pages, {}).splitlines() if line.startswith("| proposal |"))
    # 20 pages of 1..20 KB HTML + 1 KB CSS: median 10.5, p95 19 (19th of 20), max 21 with CSS
    assert row == "| proposal | 20 | 10.5 KB | 19.0 KB | 11.5 KB | 20.0 KB | 21.0 KB |"
