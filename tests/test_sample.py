"""pipeline.sample: the seeded synthetic staff export.

The export is read back with the csv module and checked against the input
contract read straight from config/columns.yaml and config/vocabulary.yaml
(not through the pipeline), so these tests hold the generator to the
contract, not to the loader's current behaviour."""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from pathlib import Path

import openpyxl
import pytest
import yaml

from pipeline.sample import generate

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = yaml.safe_load((ROOT / "config" / "columns.yaml").read_text(encoding="utf-8"))
VOCAB = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))
TABLES = ("suggestions", "stories", "story_metrics", "commendations", "sessions")
ROWS, SEED = 300, 20241

YES = {str(v).lower() for v in VOCAB["yes_values"]}
NO = {str(v).lower() for v in VOCAB["no_values"]}
STAGES = [s["name"] for s in VOCAB["stages"]]
STAGE_KEYS = [s["date_key"] for s in VOCAB["stages"]]
ADOPTED = {d["name"] for d in VOCAB["decisions"] if d.get("adopted")}
DATE_SPELLINGS = [
    re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
]
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def vocab_names(name: str) -> set[str]:
    return {item["name"] if isinstance(item, dict) else str(item) for item in VOCAB[name]}


def parse_date(text: str) -> dt.date:
    for pattern in DATE_SPELLINGS:
        match = pattern.fullmatch(text)
        if match:
            return dt.date(*map(int, match.groups()))
    raise AssertionError(f"not an accepted date spelling: {text!r}")


def read_table(folder: Path, table: str) -> list[dict]:
    """Rows keyed by pipeline key (header -> key through columns.yaml)."""
    spec = COLUMNS[table]
    by_header = {attrs["header"]: key for key, attrs in spec["columns"].items()}
    with open(folder / spec["file"], encoding="utf-8-sig", newline="") as handle:
        return [{by_header[h]: v for h, v in row.items()} for row in csv.DictReader(handle)]


def is_yes(text: str) -> bool:
    return text.lower() in YES


def is_published(row: dict) -> bool:
    return (
        row["decision"] in ADOPTED
        and is_yes(row["consent_publish"])
        and not is_yes(row["withdrawn"])
        and row["stage"] in VOCAB["published_stages"]
    )


def id_valid(number: str) -> bool:
    check = "10X98765432"[sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS)) % 11]
    return len(number) == 18 and number[:17].isdigit() and number[17] == check


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    generate(folder, rows=ROWS, seed=SEED)
    return folder


@pytest.fixture(scope="module")
def tables(export) -> dict[str, list[dict]]:
    return {name: read_table(export, name) for name in TABLES}


@pytest.fixture(scope="module")
def suggestions(tables) -> dict[str, dict]:
    return {row["case_id"]: row for row in tables["suggestions"]}


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- determinism and shape ------------------------------------------------------


def test_same_seed_gives_identical_bytes(export, tmp_path):
    generate(tmp_path, rows=ROWS, seed=SEED)
    assert files_of(tmp_path) == files_of(export)


def test_different_seed_gives_different_files(export, tmp_path):
    generate(tmp_path, rows=ROWS, seed=SEED + 1)
    assert files_of(tmp_path)["suggestions.csv"] != files_of(export)["suggestions.csv"]


def test_writes_the_five_files_and_dataset(export):
    assert sorted(p.name for p in export.iterdir()) == sorted([COLUMNS[t]["file"] for t in TABLES] + ["dataset.yaml"])


def test_row_count(tables):
    assert len(tables["suggestions"]) == ROWS


def test_headers_are_the_configured_ones_with_bom(export):
    for table in TABLES:
        spec = COLUMNS[table]
        raw = (export / spec["file"]).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        header = next(csv.reader([raw.decode("utf-8-sig").splitlines()[0]]))
        assert header == [attrs["header"] for attrs in spec["columns"].values()]


def test_dataset_yaml_marks_synthetic(export):
    info = yaml.safe_load((export / "dataset.yaml").read_text(encoding="utf-8"))
    assert info == {"synthetic": True, "generator": "pipeline.sample", "seed": SEED, "rows": ROWS}


# -- the input contract -----------------------------------------------------------


def test_every_cell_follows_the_contract(tables):
    for table, rows in tables.items():
        for key, attrs in COLUMNS[table]["columns"].items():
            for row in rows:
                value = row[key]
                if attrs.get("required"):
                    assert value != "", (table, key, row)
                assert len(value) <= attrs.get("max", 200), (table, key)
                if not value:
                    continue
                kind = attrs["type"]
                if kind == "vocab":
                    assert value in vocab_names(attrs["vocab"]), (table, key, value)
                elif kind == "yesno":
                    assert value.lower() in YES | NO, (table, key, value)
                elif kind == "date":
                    assert dt.date(2022, 1, 1) <= parse_date(value) <= dt.date(2025, 10, 31)
                elif kind == "slug":
                    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value)
                elif kind == "number":
                    float(value)


def test_stage_dates_increase_and_stop_at_the_current_stage(tables):
    for row in tables["suggestions"]:
        reached = STAGES.index(row["stage"])
        cells = [row[key] for key in STAGE_KEYS]
        assert all(cells[: reached + 1]) and not any(cells[reached + 1 :]), row["case_id"]
        days = [parse_date(c) for c in cells[: reached + 1]]
        assert days == sorted(set(days)), row["case_id"]


def test_case_ids_are_unique_and_carry_the_received_year(tables):
    ids = [row["case_id"] for row in tables["suggestions"]]
    assert len(set(ids)) == len(ids)
    for row in tables["suggestions"]:
        match = re.fullmatch(r"XZJY-(\d{4})-\d{6}", row["case_id"])
        assert match and int(match[1]) == parse_date(row["received_on"]).year


def test_id_numbers_have_valid_checksums_and_xuzhou_regions(tables):
    numbers = [row["proposer_id_number"] for row in tables["suggestions"] if row["proposer_id_number"]]
    assert len(numbers) > ROWS / 2
    assert all(id_valid(n) and n.startswith("3203") for n in numbers)
    assert any(not row["proposer_id_number"] for row in tables["suggestions"])  # optional cells empty too


def test_mixed_spellings_of_dates_and_yes_no(tables):
    dates = [row["received_on"] for row in tables["suggestions"]]
    assert sum(bool(DATE_SPELLINGS[0].fullmatch(d)) for d in dates) > len(dates) / 2
    for pattern in DATE_SPELLINGS[1:]:
        assert any(pattern.fullmatch(row[key]) for row in tables["suggestions"] for key in STAGE_KEYS)
    cells = {row[key] for row in tables["suggestions"] for key in ("consent_publish", "withdrawn", "consent_credit")}
    assert cells - {VOCAB["yes_values"][0], VOCAB["no_values"][0], ""}


# -- proportions --------------------------------------------------------------------


def test_about_a_third_is_published(tables):
    rows = tables["suggestions"]
    share = sum(map(is_published, rows)) / len(rows)
    assert 0.27 <= share <= 0.40
    adopted = sum(row["decision"] in ADOPTED for row in rows) / len(rows)
    assert adopted < 0.5
    assert any(row["decision"] in ADOPTED and not is_yes(row["consent_publish"]) for row in rows)
    assert any(is_yes(row["withdrawn"]) for row in rows)


def test_campaigns_and_special_collectors(tables):
    rows = tables["suggestions"]
    assert 0.35 <= sum(not row["campaign"] for row in rows) / len(rows) <= 0.65
    collector_channel = "特约人民建议征集人"
    for row in rows:
        if row["channel"] == collector_channel:
            assert is_yes(row["special_collector"])


# -- stories and commendations ---------------------------------------------------------


def test_the_four_stories_carry_their_real_figures(tables):
    stories = {row["story_id"]: row for row in tables["stories"]}
    assert set(stories) == {
        "new-employment-care",
        "lift-ebike-ai",
        "pengcheng-qili-volunteers",
        "grassroots-burden-reduction",
    }
    figures = {(m["story_id"], m["before"], m["after"], m["unit"]) for m in tables["story_metrics"]}
    for expected in [
        ("grassroots-burden-reduction", "148", "61", "项"),
        ("grassroots-burden-reduction", "20", "31", "项"),
        ("grassroots-burden-reduction", "", "44", "个"),
        ("grassroots-burden-reduction", "", "24", "条"),
        ("new-employment-care", "", "10", "项"),
        ("new-employment-care", "", "18", "家"),
        ("new-employment-care", "", "500", "家"),
        ("new-employment-care", "", "10000", "人"),
        ("pengcheng-qili-volunteers", "", "10000", "人"),
        ("pengcheng-qili-volunteers", "", "100", "人"),
        ("pengcheng-qili-volunteers", "", "300", "场"),
        ("pengcheng-qili-volunteers", "", "20000", "人次"),
    ]:
        assert expected in figures
    notes = {m["note"] for m in tables["story_metrics"]}
    assert {"近万名", "2万余人次"} <= notes
    invented = [m for m in tables["story_metrics"] if m["story_id"] == "lift-ebike-ai"]
    assert invented and all(m["note"] == "示例数据" for m in invented)


def test_stories_cite_published_fitting_suggestions(tables, suggestions):
    for story in tables["stories"]:
        cases = re.split(r"[、；;,]", story["case_ids"])
        assert 1 <= len(cases) <= 4
        for case in cases:
            row = suggestions[case]
            assert is_published(row)
            assert row["campaign"] == story["campaign"]
            assert parse_date(row["displayed_on"]) <= parse_date(story["published_on"])
        assert story["body"].startswith("## ")


def test_commendations_belong_to_commended_suggestions(tables, suggestions):
    rows = tables["commendations"]
    assert {int(row["year"]) for row in rows} == {2022, 2023, 2024}
    assert {row["award"] for row in rows} == vocab_names("awards")
    assert any(is_yes(row["consent_credit"]) for row in rows) and any(not is_yes(row["consent_credit"]) for row in rows)
    for row in rows:
        awarded = parse_date(row["awarded_on"])
        assert awarded.year == int(row["year"])
        if not row["case_id"]:
            assert row["award"] == "优秀特约人民建议征集人"
            continue
        case = suggestions[row["case_id"]]
        assert case["stage"] == STAGES[-1]
        assert parse_date(case["commended_on"]) == awarded
        assert (row["recipient_name"], row["recipient_type"], row["district"]) == (
            case["proposer_name"],
            case["proposer_type"],
            case["district"],
        )
    commended = {row["case_id"] for row in rows}
    assert all(case in commended for case, row in suggestions.items() if row["stage"] == STAGES[-1])


# -- planted personal data and markup ----------------------------------------------------


def digits(text: str) -> str:
    return re.sub(r"\D", "", unicodedata.normalize("NFKC", text))


def test_personal_data_is_planted_in_free_text(tables):
    rows = tables["suggestions"]
    named = [row for row in rows if row["proposer_name"] in row["body"]]
    phoned = [row for row in rows if row["proposer_phone"] and row["proposer_phone"] in digits(row["body"])]
    assert len(named) / len(rows) >= 0.1
    assert phoned
    bodies = "\n".join(row["body"] for row in rows)
    assert re.search(r"1\d\d \d{4} \d{4}", bodies)  # spaced phone
    assert re.search(r"[０-９]{11}", bodies)  # full-width phone
    assert any(row["proposer_id_number"] and row["proposer_id_number"] in row["body"] for row in rows)
    assert any(row["proposer_address"] and row["proposer_address"] in row["body"] for row in rows)
    assert any(row["proposer_name"] in row["title"] for row in rows)
    assert any(row["proposer_name"] in row["outcome"] for row in rows)
    names = {row["proposer_name"] for row in rows}
    assert any(other in row["body"] for row in rows for other in names - {row["proposer_name"]})


def test_some_published_text_carries_hostile_markup(tables):
    marked = [
        row
        for row in tables["suggestions"]
        if is_published(row) and any("<" in row[k] or "{{" in row[k] for k in ("title", "body", "outcome"))
    ]
    assert len(marked) >= 3


def test_bodies_are_credible_lengths(tables):
    lengths = [len(row["body"]) for row in tables["suggestions"]]
    assert min(lengths) >= 100 and max(lengths) <= 700
    assert any("\n" in row["body"] for row in tables["suggestions"])


# -- small exports and xlsx ----------------------------------------------------------------


def test_a_tiny_export_is_still_consistent(tmp_path):
    generate(tmp_path, rows=12, seed=1)
    suggestions = {row["case_id"]: row for row in read_table(tmp_path, "suggestions")}
    assert len(suggestions) == 12
    for table in ("stories", "commendations"):
        for row in read_table(tmp_path, table):
            for case in filter(None, re.split(r"[、；;,]", row["case_ids" if table == "stories" else "case_id"])):
                assert case in suggestions


def test_xlsx_has_five_sheets_text_ids_and_real_dates(tmp_path):
    generate(tmp_path / "a", rows=120, seed=SEED, fmt="xlsx")
    generate(tmp_path / "b", rows=120, seed=SEED, fmt="xlsx")
    assert (tmp_path / "a" / "export.xlsx").read_bytes() == (tmp_path / "b" / "export.xlsx").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["dataset.yaml", "export.xlsx"]
    book = openpyxl.load_workbook(tmp_path / "a" / "export.xlsx")
    assert book.sheetnames == [COLUMNS[t]["sheet"] for t in TABLES]
    for table in TABLES:
        sheet = book[COLUMNS[table]["sheet"]]
        columns = COLUMNS[table]["columns"]
        header = [cell.value for cell in sheet[1]]
        assert header == [attrs["header"] for attrs in columns.values()]
        for row in sheet.iter_rows(min_row=2):
            for cell, attrs in zip(row, columns.values()):
                if cell.value is None:
                    continue
                if attrs["type"] in ("id", "digits"):
                    assert cell.data_type == "s" and cell.number_format == "@"
                elif attrs["type"] == "date":
                    assert isinstance(cell.value, dt.datetime) and cell.is_date
    assert book[COLUMNS["suggestions"]["sheet"]].max_row == 121


def test_switching_format_leaves_only_one_format(tmp_path):
    generate(tmp_path, rows=20, seed=SEED)
    generate(tmp_path, rows=20, seed=SEED, fmt="xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.yaml", "export.xlsx"]
    generate(tmp_path, rows=20, seed=SEED)
    assert "export.xlsx" not in {p.name for p in tmp_path.iterdir()}
