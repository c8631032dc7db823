"""stats.yaml `collectors`: the special-collector corps' counts equal the raw
export's, cells below k are suppressed, and rates come only from published counts."""

from __future__ import annotations

import csv
import re

import pytest
import yaml
from exports import ROOT, default_rows, suggestion, write_export

from pipeline.collectors import rate
from pipeline.stats import suppress

SAMPLE = ROOT / "data" / "sample"
SECTORS = [
    "人大代表", "政协委员", "媒体记者", "教师", "村(社区)党组织书记", "民营企业家", "行业协会商会负责人", "新就业群体",
]  # fmt: skip


def export_stats(cli, folder, out):
    status, _, err = cli("export", "--input", folder, "--out", out, "--as-of", "2025-11-01")
    assert status == 0, err
    return yaml.safe_load((out / "stats.yaml").read_text(encoding="utf-8"))


def expected_from_raw(rows: list[dict], vocabulary, k: int) -> dict:
    """The collectors section recomputed from the raw CSV rows, independently of the pipeline."""
    yes = {v.lower() for v in vocabulary.raw["yes_values"]}
    adopted = {d["name"] for d in vocabulary.raw["decisions"] if d.get("adopted")}

    def year(row):
        return re.match(r"\d{4}", row["收到日期"].strip()).group()

    def is_yes(cell):
        return cell.strip().lower() in yes

    def published(row):
        return (
            row["办理结果"] in adopted
            and is_yes(row["同意公开"])
            and not is_yes(row["已撤回"])
            and row["当前环节"] in vocabulary.raw["published_stages"]
        )

    years = sorted({year(r) for r in rows})

    def counts(subset):
        received = suppress(len(subset), k)
        taken = suppress(sum(r["办理结果"] in adopted for r in subset), k)
        return {
            "received": received,
            "adopted": taken,
            "published": suppress(sum(published(r) for r in subset), k),
            "adoption_rate": None if str in (type(received), type(taken)) else round(taken / received, 4),
            "by_year": {y: suppress(sum(year(r) == y for r in subset), k) for y in years},
        }

    corps = [r for r in rows if is_yes(r["特约建议人"])]
    everyone = counts(rows)
    return {
        "all_proposals": {key: everyone[key] for key in ("received", "adopted", "adoption_rate")},
        "corps": counts(corps),
        "by_sector": {s: counts([r for r in corps if r["建议人类别"] == s]) for s in SECTORS},
    }


def test_sample_counts_equal_the_raw_export(cli, tmp_path, vocabulary):
    with open(SAMPLE / "suggestions.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stats = export_stats(cli, SAMPLE, tmp_path / "out")
    assert stats["collectors"] == expected_from_raw(rows, vocabulary, 5)
    assert list(stats["collectors"]["by_sector"]) == SECTORS
    # The sample has collectors in both kinds of cell: shown and suppressed.
    received = [s["received"] for s in stats["collectors"]["by_sector"].values()]
    assert any(isinstance(n, int) and n >= 5 for n in received) and "<5" in received


def collector(number: int, kind: str, **changes) -> dict:
    return suggestion(number, **{"建议人类别": kind, "特约建议人": "是", **changes})


def test_a_sector_below_k_is_suppressed_and_gets_no_rate(cli, tmp_path):
    rows = default_rows()  # two teachers, not collectors
    rows["suggestions"] += [collector(n, "教师") for n in range(3, 9)]  # 6 teachers, all adopted
    refused = {"办理结果": "不予采纳", "当前环节": "反馈", "展示日期": ""}
    rows["suggestions"] += [collector(n, "媒体记者", **refused) for n in (9, 10)]
    rows["suggestions"] += [collector(11, "市民")]  # a collector outside the eight sectors
    collectors = export_stats(cli, write_export(tmp_path / "in", rows), tmp_path / "out")["collectors"]
    years = {"2024": 6}
    assert collectors["by_sector"]["教师"] == {
        "received": 6, "adopted": 6, "published": 6, "adoption_rate": 1.0, "by_year": years,
    }  # fmt: skip
    assert collectors["by_sector"]["媒体记者"] == {
        "received": "<5", "adopted": 0, "published": 0, "adoption_rate": None, "by_year": {"2024": "<5"},
    }  # fmt: skip
    assert collectors["by_sector"]["人大代表"] == {
        "received": 0, "adopted": 0, "published": 0, "adoption_rate": None, "by_year": {"2024": 0},
    }  # fmt: skip
    # The corps counts the collector outside the sectors too: 6 + 2 + 1.
    assert collectors["corps"] == {
        "received": 9, "adopted": 7, "published": 7, "adoption_rate": 0.7778, "by_year": {"2024": 9},
    }  # fmt: skip
    assert collectors["all_proposals"] == {"received": 11, "adopted": 9, "adoption_rate": 0.8182}


@pytest.mark.parametrize(
    ("adopted", "received", "expected"),
    [(3, 4, 0.75), ("<5", 12, None), (6, "<5", None), (0, 0, None), (0, 7, 0.0), (2, 3, 0.6667)],
)
def test_rate_only_from_published_counts(adopted, received, expected):
    assert rate(adopted, received) == expected
