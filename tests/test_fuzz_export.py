"""Property-based fuzzing of the export (issue #11): valid exports drawn from
the grammar of the staff export round-trip; mutated ones are exported clean or
refused with their problems, never a crash. Profiles: tests/conftest.py."""

from __future__ import annotations

import yaml
from fuzz_grammar import STAGES, exports
from fuzz_mutations import mutated_exports
from fuzz_run import assert_clean, assert_contract, exported
from hypothesis import given


def read(folder, relative):
    return yaml.safe_load((folder / relative).read_text(encoding="utf-8"))


@given(exports())
def test_valid_export_round_trips(export):
    with exported(export) as run:
        assert run.status == 0, run.err
        assert_clean(run)
        check_proposals(run.data, export.expected["suggestions"])
        check_stories(run.data, export.expected["stories"], export.expected["suggestions"])
        check_commendations(run.data, export.expected["commendations"], export.expected["suggestions"])


def check_proposals(data, expected):
    published = {e["case_id"].lower(): e for e in expected.values() if e["published"]}
    assert sorted(p.stem for p in (data / "proposals").glob("*.yaml")) == sorted(published)
    for pid, want in published.items():
        record = read(data, f"proposals/{pid}.yaml")
        for key in ("channel", "topic", "campaign", "decision", "stage", "lead_unit", "co_units"):
            assert record[key] == want[key], key
        assert want["dates"][0].startswith(record["received"])
        assert [entry["stage"] for entry in record["timeline"]] == STAGES[: len(want["dates"])]
        for entry, date in zip(record["timeline"], want["dates"]):
            # Dates are published no more precisely than the collection period.
            assert (entry["date"] is None) if date is None else date.startswith(entry["date"])
        assert record["proposer"]["district"] in (want["district"], None)
        assert record["proposer"]["type"] in (want["proposer_type"], None)


def check_stories(data, expected, suggestions):
    published = {e["case_id"].lower() for e in suggestions.values() if e["published"]}
    for story_id, want in expected.items():
        record = read(data, f"stories/{story_id}.yaml")
        assert record["published_on"] == want["published_on"]
        cases = [case.lower() for case in want["cases"]]
        assert record["proposals"] == [case for case in dict.fromkeys(cases) if case in published]
        assert [{k: m[k] for k in ("label", "before", "after")} for m in record["metrics"]] == want["metrics"]


def check_commendations(data, expected, suggestions):
    published = {e["case_id"].lower() for e in suggestions.values() if e["published"]}
    years = {}
    for want in expected:
        years.setdefault(want["year"], []).append(want)
    assert sorted(int(p.stem) for p in (data / "commendations").glob("*.yaml")) == sorted(years)
    for year, wanted in years.items():
        awards = read(data, f"commendations/{year}.yaml")["awards"]
        got = sorted((a["awarded_on"], a["proposal"] or "", a["recipient"] or "") for a in awards)
        assert got == sorted(
            (
                w["awarded_on"],
                w["case"].lower() if w["case"].lower() in published else "",
                w["name"] if w["credited"] else "",
            )
            for w in wanted
        )


@given(mutated_exports())
def test_mutated_export_is_exported_clean_or_refused(export):
    with exported(export) as run:
        assert_contract(run)
