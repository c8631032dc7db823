"""Publication dates survive re-exports: `first_published` stays, `last_updated`
moves only when a record's published content changes, a new tombstone gets
`withdrawn_on`, all from `--as-of` (docs/published-data.md, "Publication dates").

Each test runs the real pipeline on a small staff export, twice or more, into
one data folder."""

import pytest
import yaml
from exports import default_rows, suggestion, tree, write_export

from pipeline import yamlio
from pipeline.public_records import DATE_KEYS, ENGLISH_KEYS, PROPOSAL_KEYS, STORY_KEYS, TOMBSTONE_KEYS

A, B, C = "2025-03-01", "2025-04-15", "2025-06-30"


def rows_with(numbers) -> dict:
    """The default export with published suggestions `numbers` (1 and 2 are the default ones)."""
    rows = default_rows()
    rows["suggestions"] += [suggestion(n) for n in numbers if n > 2]
    return rows


def export(cli, tmp_path, rows, as_of):
    out = tmp_path / "out"
    status, _, err = cli("export", "--input", write_export(tmp_path / "in", rows), "--out", out, "--as-of", as_of)
    assert status == 0, err
    return out


def read(out, relative) -> dict:
    return yaml.safe_load((out / relative).read_text(encoding="utf-8"))


def dates(out) -> dict:
    """Relative path -> the date keys of every proposal and story file."""
    found = {}
    for path in sorted([*out.glob("proposals/*.yaml"), *out.glob("stories/*.yaml")]):
        record = read(out, path.relative_to(out))
        found[path.relative_to(out).as_posix()] = {key: record[key] for key in DATE_KEYS if key in record}
    return found


def proposal_file(number: int) -> str:
    return f"proposals/xzjy-2024-{number:06d}.yaml"


def test_reexport_keeps_first_published_and_moves_only_what_changed(cli, tmp_path):
    rows = rows_with(range(1, 7))
    out = export(cli, tmp_path, rows, A)
    assert set(map(str, dates(out).values())) == {str({"first_published": A, "last_updated": A})}

    rows["suggestions"][1]["办理情况"] = "已在三个小区试点。"  # 2: changed
    rows["suggestions"][2]["已撤回"] = "是"  # 3: withdrawn (1 of 6, under the take-down guard)
    rows["suggestions"].append(suggestion(7))  # 7: new
    before = tree(out)
    export(cli, tmp_path, rows, B)

    unchanged = {"first_published": A, "last_updated": A}
    assert dates(out) == {
        proposal_file(1): unchanged,
        proposal_file(2): {"first_published": A, "last_updated": B},
        proposal_file(3): {"first_published": A, "withdrawn_on": B},
        proposal_file(4): unchanged,
        proposal_file(5): unchanged,
        proposal_file(6): unchanged,
        proposal_file(7): {"first_published": B, "last_updated": B},
        "stories/lift-ebike-ai.yaml": unchanged,
    }
    assert read(out, proposal_file(3)) == {
        "id": "xzjy-2024-000003",
        "status": "withdrawn",
        "first_published": A,
        "withdrawn_on": B,
    }
    after = tree(out)
    assert sorted(k for k in after if after[k] != before.get(k)) == [
        proposal_file(2),
        proposal_file(3),
        proposal_file(7),
        "stats.yaml",
    ]


def test_files_list_the_allow_listed_keys_dates_after_the_identity(cli, tmp_path):
    rows = rows_with(range(1, 7))
    export(cli, tmp_path, rows, A)
    rows["suggestions"][2]["已撤回"] = "是"
    out = export(cli, tmp_path, rows, B)
    # This export has no English columns: their keys are absent (tests/test_english_columns.py).
    assert list(read(out, proposal_file(1))) == [k for k in PROPOSAL_KEYS if k not in ENGLISH_KEYS["suggestions"]]
    assert list(read(out, "stories/lift-ebike-ai.yaml")) == [k for k in STORY_KEYS if k not in ENGLISH_KEYS["stories"]]
    assert list(read(out, proposal_file(3))) == list(TOMBSTONE_KEYS)
    assert PROPOSAL_KEYS[:4] == ("id", "status", "first_published", "last_updated")
    assert STORY_KEYS[:3] == ("id", "first_published", "last_updated")


def test_same_input_later_changes_nothing_and_an_old_tombstone_keeps_its_date(cli, tmp_path):
    rows = rows_with(range(1, 7))
    export(cli, tmp_path, rows, A)
    rows["suggestions"][2]["已撤回"] = "是"
    out = export(cli, tmp_path, rows, B)
    published = tree(out)
    export(cli, tmp_path, rows, C)
    assert tree(out) == published
    assert dates(out)[proposal_file(3)] == {"first_published": A, "withdrawn_on": B}


def test_republished_record_keeps_its_first_date(cli, tmp_path):
    rows = rows_with(range(1, 7))
    export(cli, tmp_path, rows, A)
    rows["suggestions"][2]["同意公开"] = "否"
    export(cli, tmp_path, rows, B)
    rows["suggestions"][2]["同意公开"] = "是"
    out = export(cli, tmp_path, rows, C)
    record = read(out, proposal_file(3))
    assert (record["status"], record["first_published"], record["last_updated"]) == ("published", A, C)
    assert "withdrawn_on" not in record


def test_a_changed_story_figure_moves_its_last_updated(cli, tmp_path):
    rows = default_rows()
    export(cli, tmp_path, rows, A)
    rows["story_metrics"][0]["现值"] = "58"  # a corrected figure
    out = export(cli, tmp_path, rows, B)
    assert dates(out)["stories/lift-ebike-ai.yaml"] == {"first_published": A, "last_updated": B}
    assert dates(out)[proposal_file(1)] == {"first_published": A, "last_updated": A}


def test_data_written_before_the_dates_existed_is_dated_by_the_export(cli, tmp_path):
    rows = rows_with(range(1, 7))
    out = export(cli, tmp_path, rows, A)
    rows["suggestions"][2]["已撤回"] = "是"
    export(cli, tmp_path, rows, A)
    for path in [*out.glob("proposals/*.yaml"), *out.glob("stories/*.yaml")]:  # as an older pipeline wrote them
        record = {k: v for k, v in read(out, path.relative_to(out)).items() if k not in DATE_KEYS}
        path.write_text(yamlio.dump(record), encoding="utf-8")
    export(cli, tmp_path, rows, B)
    assert dates(out)[proposal_file(1)] == {"first_published": B, "last_updated": B}
    assert dates(out)[proposal_file(3)] == {"first_published": B, "withdrawn_on": B}


@pytest.mark.parametrize("as_of", ["2025-02-30", "20250301", "2025-3-1", "今天"])
def test_as_of_must_be_a_real_day(cli, tmp_path, as_of):
    with pytest.raises(SystemExit) as raised:
        cli("export", "--input", write_export(tmp_path / "in"), "--out", tmp_path / "out", "--as-of", as_of)
    assert raised.value.code == 2
    assert not (tmp_path / "out").exists()
