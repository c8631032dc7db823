"""The optional English columns of the staff export (英文标题, 英文摘要,
英文正文, 英文褒奖词; issue #14): validated like every column, scrubbed like
every published text, published only when filled in, read by the plugin.

Run from the project root: .venv/bin/python -m pytest tests/test_english_columns.py -q
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from exports import (
    SCHEMA,
    TABLES,
    default_rows,
    headers,
    tree,
    write_csv,
    write_export,
)

from pipeline.anonymise import Anonymiser
from pipeline.leaks import scan, scan_text
from pipeline.public_records import ENGLISH_KEYS
from pipeline.sample import build_tables
from pipeline.scrub import settings
from schema import record_schema, vocabularies_from_yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from showcase.data import load_vocabulary  # noqa: E402
from showcase.models import CommendationYear, Proposal, Story  # noqa: E402

ENGLISH_HEADERS = {
    table: [c["header"] for c in SCHEMA[table]["columns"].values() if c.get("lang") == "en"] for table in TABLES
}
URL = "https://example.cn/" + "a" * 181  # 200 characters, no break: the longest 英文标题 accepted
ODD = "Caf\u00e9 cre\u0300me \U0001f6b2 \u202eevil\u202c zero\u200bwidth"


def export(cli, folder, out, *extra):
    return cli("export", "--input", folder, "--out", out, "--audit", out.parent / f"{out.name}-audit", *extra)


def read(out: Path, path: str) -> dict:
    return yaml.safe_load((out / path).read_text(encoding="utf-8"))


def english_rows() -> dict[str, list[dict]]:
    """The default export with every English column filled in, some of them hostile."""
    rows = default_rows()
    rows["suggestions"][0].update({
        "英文标题": "Install elevators in old residential buildings <script>alert(1)</script>",
        "英文摘要": "Call me on 13912345678 or 13852001234, ID 32030319850312123X, zhangwei@example.com.",
    })  # fmt: skip
    rows["suggestions"][1].update({"英文标题": URL, "英文摘要": ODD})
    rows["stories"][0].update({
        "英文标题": "Elevators that recognise e-bikes",
        "英文摘要": "AI cameras keep e-bikes out of elevators.",
        "英文正文": "## What changed\n\n- **120** systems installed\n\n<script>alert(2)</script>",
    })  # fmt: skip
    rows["commendations"][0]["英文褒奖词"] = "For a proposal on elevators. Reach the winner on 13912345678."
    return rows


@pytest.fixture
def published(cli, tmp_path):
    out = tmp_path / "out"
    status, _, err = export(cli, write_export(tmp_path / "in", english_rows()), out)
    assert status == 0, err
    return out


# -- validation ---------------------------------------------------------------


def test_chinese_full_width_and_too_long_english_cells_are_all_refused(tmp_path, problems_of):
    rows = default_rows()
    rows["suggestions"][0].update({"英文标题": "Elevators 加装电梯", "英文摘要": "x" * 1001})
    long_title = "Call １３９１２３４５６７８" + "y" * 200  # full-width digits, and too long
    rows["suggestions"][1]["英文标题"] = long_title
    rows["stories"][0]["英文正文"] = "Done，thanks"
    rows["commendations"][0]["英文褒奖词"] = "For【this】"
    assert problems_of(write_export(tmp_path, rows)) == [
        ("commendations.csv", 2, "英文褒奖词", "For【this】", "value.not_english"),
        ("stories.csv", 2, "英文正文", "Done，thanks", "value.not_english"),
        ("suggestions.csv", 2, "英文标题", "Elevators 加装电梯", "value.not_english"),
        ("suggestions.csv", 2, "英文摘要", "x" * 60 + "…", "value.too_long"),
        ("suggestions.csv", 3, "英文标题", long_title[:60] + "…", "value.not_english"),
        ("suggestions.csv", 3, "英文标题", long_title[:60] + "…", "value.too_long"),
    ]


def test_the_refusal_names_the_character_found(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"][0]["英文标题"] = "Elevators 加装"
    status, _, err = export(cli, write_export(tmp_path / "in", rows), tmp_path / "out")
    assert status == 1 and not (tmp_path / "out").exists()
    assert "suggestions.csv 第 2 行「英文标题」：“Elevators 加装” —— 英文列只能填写英文" in err
    assert "（发现“加”）" in err and "[value.not_english]" in err


def test_hostile_but_english_cells_are_accepted(tmp_path, problems_of):
    assert problems_of(write_export(tmp_path, english_rows())) == []


# -- scrubbing and publishing -------------------------------------------------


def test_english_texts_are_scrubbed_with_english_placeholders(published):
    first, second = (
        read(published, "proposals/xzjy-2024-000001.yaml"),
        read(published, "proposals/xzjy-2024-000002.yaml"),
    )
    assert first["title_en"] == "Install elevators in old residential buildings <script>alert(1)</script>"
    assert first["summary_en"] == (
        "Call me on [mobile number removed] or [phone number removed], ID [ID number removed], [e-mail removed]."
    )
    assert second["title_en"] == URL  # a long unbroken URL is no personal data: kept whole
    assert second["summary_en"] == "Caf\u00e9 cre\u0300me \U0001f6b2 \u202eevil\u202c zero width"  # ZWSP: a space
    lift = read(published, "stories/lift-ebike-ai.yaml")
    assert (lift["title_en"], lift["summary_en"]) == (
        "Elevators that recognise e-bikes",
        "AI cameras keep e-bikes out of elevators.",
    )
    assert lift["body_en"].endswith("<script>alert(2)</script>")  # Markdown source; the site sanitises it
    award = read(published, "commendations/2024.yaml")["awards"][0]
    assert award["citation_en"] == "For a proposal on elevators. Reach the winner on [mobile number removed]."


def test_english_keys_sit_beside_their_chinese_fields(published):
    assert list(read(published, "proposals/xzjy-2024-000001.yaml"))[4:8] == [
        "title",
        "title_en",
        "summary_en",
        "received",
    ]
    story_keys = list(read(published, "stories/lift-ebike-ai.yaml"))
    assert story_keys[3:7] == ["title", "title_en", "summary", "summary_en"] and story_keys[-2:] == ["body", "body_en"]
    assert list(read(published, "commendations/2024.yaml")["awards"][0])[-1] == "citation_en"


def test_published_english_passes_the_schema_and_chinese_in_it_does_not(published):
    lists = vocabularies_from_yaml(yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8")))
    proposal = read(published, "proposals/xzjy-2024-000001.yaml")
    checks = {
        "proposal": proposal,
        "story": read(published, "stories/lift-ebike-ai.yaml"),
        "commendation_year": read(published, "commendations/2024.yaml"),
    }
    for kind, record in checks.items():
        assert record_schema(kind, lists).check(record) == [], kind
    proposal["title_en"] = "Elevators 电梯"
    found = record_schema("proposal", lists).check(proposal)
    assert [(f.key, f.code, f.message) for f in found] == [("title_en", "bad-format", "应为英文（不含汉字和全角符号）")]


def test_the_audit_report_places_the_english_placeholders(published):
    report = (published.parent / "out-audit" / "report.csv").read_text(encoding="utf-8-sig")
    summary = "Call me on [mobile number removed] or [phone number removed], ID [ID number removed], [e-mail removed]."
    expected = f"proposal,xzjy-2024-000001,summary_en,,mobile,1,{summary.index('[mobile')}"
    assert expected in report.splitlines()


def test_english_scrubbing_is_idempotent_and_its_placeholders_are_clean():
    anonymiser = Anonymiser([])
    once, counts = anonymiser.clean("Tel 13912345678, mail a.b@example.com, QQ 123456789", lang="en")
    assert counts == Counter({"mobile": 1, "email": 1, "qq": 1})
    assert anonymiser.clean(once, lang="en") == (once, Counter())
    for text in settings()["placeholders_en"].values():
        assert anonymiser.clean(text, lang="en") == (text, Counter()), text
        assert scan_text(f"title_en: {text}") == [], text


# -- absent columns -----------------------------------------------------------


def write_without_english(folder: Path, rows: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True)
    for table in TABLES:
        kept = [h for h in headers(table) if h not in ENGLISH_HEADERS[table]]
        write_csv(folder / SCHEMA[table]["file"], kept, rows[table])
    return folder


def test_an_export_without_the_columns_publishes_the_same_bytes(cli, tmp_path):
    rows = default_rows()
    absent, empty = tmp_path / "absent", tmp_path / "empty"
    assert export(cli, write_without_english(tmp_path / "in-absent", rows), absent)[0] == 0
    assert export(cli, write_export(tmp_path / "in-empty", rows), empty)[0] == 0
    assert tree(absent) == tree(empty)
    assert not any(b"_en:" in content for content in tree(absent).values())


def test_the_sample_without_its_english_columns_publishes_the_committed_data_minus_english(cli, tmp_path):
    """The committed data/public, less its English keys, is what the sample
    gave before the columns existed: records without English are byte-identical."""
    sample = tmp_path / "sample"
    shutil.copytree(ROOT / "data" / "sample", sample)
    for table in TABLES:
        path = sample / SCHEMA[table]["file"]
        parsed = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        drop = {parsed[0].index(h) for h in ENGLISH_HEADERS[table]}
        write_csv(path, [h for i, h in enumerate(parsed[0]) if i not in drop], [
            {h: cell for i, (h, cell) in enumerate(zip(parsed[0], row)) if i not in drop} for row in parsed[1:]
        ])  # fmt: skip
    out = tmp_path / "out"
    assert export(cli, sample, out, "--as-of", "2025-11-01")[0] == 0
    committed, produced = tree(ROOT / "data" / "public"), tree(out)
    assert produced.keys() == committed.keys()
    with_english = 0
    for path, content in committed.items():
        if not path.endswith(".yaml"):
            assert produced[path] == content, path
            continue
        stripped = strip_english(yaml.safe_load(content))
        with_english += stripped != yaml.safe_load(content)
        assert yaml.safe_load(produced[path]) == stripped, path
        if b"_en:" not in content:
            assert produced[path] == content, path
    assert with_english > 10


def strip_english(value: object) -> object:
    if isinstance(value, dict):
        return {k: strip_english(v) for k, v in value.items() if not k.endswith("_en")}
    if isinstance(value, list):
        return [strip_english(v) for v in value]
    return value


# -- the leak scanner ---------------------------------------------------------


def test_the_leak_scan_catches_a_phone_in_an_english_title_when_the_scrubber_is_off(cli, tmp_path, monkeypatch):
    rows = default_rows()
    rows["suggestions"][0]["英文标题"] = "Lifts now: call 13912345678"
    monkeypatch.setattr(Anonymiser, "clean", lambda self, text, own=(), lang=None: (text, Counter()))
    status, printed, err = export(cli, write_export(tmp_path / "in", rows), tmp_path / "out")
    assert status == 1 and printed == "" and not (tmp_path / "out").exists()
    assert "proposals/xzjy-2024-000001.yaml" in err and "[mobile]" in err and "13912345678" not in err


def test_the_leak_scanner_reads_every_english_field(tmp_path):
    for path, key in (("proposals/x.yaml", "summary_en"), ("stories/s.yaml", "body_en")):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(f"{key}: 'Write to me: li.na@example.com'\n", encoding="utf-8")
    assert sorted((leak.file.split("/")[-2], leak.family) for leak in scan([tmp_path])) == [
        ("proposals", "email"),
        ("stories", "email"),
    ]


# -- the plugin's records -----------------------------------------------------


def test_the_plugin_reads_the_english_fields_and_none_when_absent(published):
    vocabulary = load_vocabulary(ROOT / "config" / "vocabulary.yaml")
    with_english = Proposal.from_yaml(read(published, "proposals/xzjy-2024-000001.yaml"), vocabulary)
    assert with_english.title_en.startswith("Install elevators") and with_english.summary_en.startswith("Call me")
    story_data = read(published, "stories/lift-ebike-ai.yaml")
    lift = Story.from_yaml(story_data, vocabulary)
    assert lift.title_en == "Elevators that recognise e-bikes" and "<strong>120</strong>" in lift.body_en_html
    html = str(lift.body_en_html)  # (`in` on Markup would escape its operand)
    assert "<script" not in html and "&lt;script&gt;alert(2)" in html  # raw HTML shows as text
    year = CommendationYear.from_yaml(read(published, "commendations/2024.yaml"), vocabulary)
    assert year.awards[0].citation_en.startswith("For a proposal")
    bare = {key: value for key, value in story_data.items() if not key.endswith("_en")}
    plain = Story.from_yaml(bare, vocabulary)
    assert (plain.title_en, plain.summary_en, plain.body_en, plain.body_en_html) == (None, None, None, None)
    proposal_data = {k: v for k, v in read(published, "proposals/xzjy-2024-000001.yaml").items() if "_en" not in k}
    plain_proposal = Proposal.from_yaml(proposal_data, vocabulary)
    assert (plain_proposal.title_en, plain_proposal.summary_en) == (None, None)


# -- the synthetic sample -----------------------------------------------------


def test_the_sample_has_english_for_a_share_of_records_deterministically():
    tables = build_tables(300, 20241)
    assert tables == build_tables(300, 20241)
    rows = tables["suggestions"]
    titled = [row for row in rows if row.get("title_en")]
    assert 0.15 <= len(titled) / len(rows) <= 0.3
    assert any(row.get("summary_en") for row in titled)
    assert [row["story_id"] for row in tables["stories"] if row.get("title_en")] == [
        "lift-ebike-ai", "grassroots-burden-reduction",
    ]  # fmt: skip
    assert any(row.get("citation_en") for row in tables["commendations"])
    for size, seed in ((40, 1), (100, 3), (300, 20241), (500, 11)):
        sample = build_tables(size, seed)
        titled_ids = {row["case_id"] for row in sample["suggestions"] if row.get("title_en")}
        for story_row in sample["stories"]:  # each story's first suggestion always has an English title
            assert titled_ids & set(story_row["case_ids"].split("、")), (size, seed, story_row["story_id"])
    other = build_tables(300, 7)
    assert [r.get("title_en") for r in other["suggestions"]] != [r.get("title_en") for r in rows]


def test_the_english_columns_leave_the_rest_of_the_sample_unchanged(monkeypatch):
    from pipeline.sample import english

    with_english = build_tables(120, 5)
    monkeypatch.setattr(english, "plant", lambda *args: None)
    without = build_tables(120, 5)
    english_keys = {key for keys in ENGLISH_KEYS.values() for key in keys}
    for name, rows in with_english.items():
        assert [{k: v for k, v in r.items() if k not in english_keys} for r in rows] == without[name], name


def test_a_committed_record_can_be_found_by_its_english_title():
    found = [
        path.name
        for path in (ROOT / "data" / "public" / "proposals").glob("*.yaml")
        if "elevator" in (yaml.safe_load(path.read_text(encoding="utf-8")).get("title_en") or "").lower()
    ]
    assert found, "the sample should publish a proposal with 'elevator' in its English title"


# -- the reviewer's diff ------------------------------------------------------


def test_make_diff_names_the_english_fields():
    from pipeline.diffing.fields import compare

    old = {"id": "p", "title": "标题", "body": "正文"}
    new = old | {"title_en": "Install elevators", "summary_en": "Adopted."}
    assert [(c.label, c.old, c.new) for c in compare("proposal", old, new)] == [
        ("英文标题", "（空）", "Install elevators"),
        ("英文摘要", "（空）", "Adopted."),
    ]
    award = {"award": "金点子一等奖", "proposal": None, "recipient": None, "recipient_label": "教师 · 泉山区"}
    awards = {"year": 2024, "awards": [award | {"awarded_on": "2024-12-20"}]}
    cited = {"year": 2024, "awards": [award | {"awarded_on": "2024-12-20", "citation_en": "For the lifts."}]}
    (change,) = compare("commendation", awards, cited)
    assert change.label == "奖项" and any("英文褒奖词：For the lifts." in line for line in change.lines)
