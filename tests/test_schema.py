"""The published-data JSON Schema (schema/), the one definition of the format
that the pipeline, the commit guards and the site plugin all check against.

The schema is valid JSON Schema 2020-12; the committed data and the site's test
fixture follow it; each kind of problem is reported with its key path, code and
Chinese message, all at once and in reading order; the fast validator and the
full one agree; messages never repeat a value.

Run from the project root: .venv/bin/python -m pytest tests/test_schema.py -q
"""

from __future__ import annotations

import copy
import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path

import fastjsonschema
import jsonschema
import pytest
import yaml

from pipeline import checks
from pipeline.config import load_vocabulary
from schema import KINDS, SCHEMA_FILE, Finding, load_schema, record_schema, vocabularies_from_yaml
from schema.validator import kind_schema

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "public"
PUBLIC = ROOT / "data" / "public"
sys.path.insert(0, str(ROOT / "plugins"))

from showcase import data as site_data  # noqa: E402
from showcase import formats  # noqa: E402
from showcase.data import ShowcaseDataError, load_showcase  # noqa: E402
from showcase.schema import Problem  # noqa: E402

PROPOSAL = "proposals/xzjy-2024-000188.yaml"


def site_vocabulary():
    return site_data.load_vocabulary(ROOT / "config" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def lists():
    return vocabularies_from_yaml(load_vocabulary().raw)


@pytest.fixture(scope="module")
def proposal_schema(lists):
    return record_schema("proposal", lists)


def fixture_record(relative: str) -> dict:
    return yaml.safe_load((FIXTURE / relative).read_text(encoding="utf-8"))


# --- the schema file ----------------------------------------------------------


def test_schema_file_is_valid_json_schema_2020_12():
    document = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)
    assert set(KINDS) <= set(document["$defs"])


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_loads_as_a_valid_closed_schema_with_the_vocabulary(kind, lists):
    schema = kind_schema(kind, lists)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["additionalProperties"] is False
    assert "$ref" not in json.dumps(schema)  # inlined for the fast validator


def test_every_object_in_the_schema_is_closed():
    """An object whose keys are not all listed lets a new (personal) field through."""
    open_objects = []

    def visit(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object" and "additionalProperties" not in node:
                open_objects.append(where)
            for key, value in node.items():
                visit(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}")

    visit(load_schema(), "#")
    assert open_objects == []


def test_a_kind_without_its_vocabulary_is_refused():
    with pytest.raises(KeyError, match="channels"):
        record_schema("proposal", {})


# --- the data that exists -------------------------------------------------------


@pytest.mark.parametrize("folder", [PUBLIC, FIXTURE], ids=["data/public", "tests/fixtures/public"])
def test_committed_data_follows_the_schema(folder):
    assert len(list(folder.rglob("*.yaml"))) > 3
    assert checks.check_folder(folder) == []


def test_the_site_fixture_loads_through_the_plugin():
    showcase = load_showcase(FIXTURE, site_vocabulary())
    files = list((FIXTURE / "proposals").glob("*.yaml"))
    assert len(showcase.proposals) + len(showcase.tombstones) == len(files) == 4


# --- problems, in full ----------------------------------------------------------


def broken_proposal() -> dict:
    record = fixture_record(PROPOSAL)
    record.update(
        status="draft",
        title="   ",
        received=datetime.date(2024, 4, 1),  # an unquoted date in YAML
        channel="朋友圈",
        co_units="市文广旅局",
        first_published="2024-13-01",
        proposer_phone="13852001234",
    )
    del record["body"]
    record["proposer"]["district"] = "南京市"
    record["timeline"][2]["date"] = "2024/04/22"
    record["timeline"][3]["days"] = "6"
    record["stories"] = ["Lift_AI"]
    record["commendations"] = [{"year": "2024", "award": "金点子特等奖"}]
    return record


def test_a_broken_proposal_gives_every_problem_in_reading_order(proposal_schema):
    assert proposal_schema.check(broken_proposal()) == [
        Finding("status", "not-allowed", "应为 published"),
        Finding("first_published", "bad-format", "格式应为 'YYYY-MM-DD'"),
        Finding("title", "empty", "不能为空字符串"),
        Finding("received", "wrong-type", "日期应写成带引号的字符串（如 '2024-03-05'），实为未加引号的日期"),
        Finding("channel", "not-in-vocabulary", "不在词表 channels 中"),
        Finding("proposer.district", "not-in-vocabulary", "不在词表 districts 中"),
        Finding("co_units", "wrong-type", "应为列表，实为 str"),
        Finding("timeline[2].date", "bad-format", "格式应为 'YYYY-MM-DD'、'YYYY-MM' 或 'YYYY'"),
        Finding("timeline[3].days", "wrong-type", "应为整数，实为 str"),
        Finding("stories[0]", "bad-format", "格式应为 小写字母、数字与连字符（如 grassroots-burden-2024）"),
        Finding("commendations[0].year", "wrong-type", "应为整数，实为 str"),
        Finding("commendations[0].award", "not-in-vocabulary", "不在词表 awards 中"),
        Finding("body", "missing-key", "缺少必填字段"),
        Finding("proposer_phone", "unknown-key", "不是发布格式中的字段"),
    ]


def test_messages_never_repeat_a_value(proposal_schema):
    record = fixture_record(PROPOSAL)
    record.update(received="13852001234", lead_unit=13852001234, channel="王建华 13852001234")
    found = proposal_schema.check(record)
    assert [item.key for item in found] == ["received", "channel", "lead_unit"]
    assert not [item for item in found if "13852001234" in item.message or "王建华" in item.message]


def test_the_site_reports_schema_problems_with_file_and_key(lists):
    vocabulary = site_vocabulary()
    record = fixture_record(PROPOSAL)
    record["timeline"][0]["date"] = "2024-04-01"  # collection is dated by month
    record["timeline"][1]["date"] = "2024-04"  # later stages by day
    assert formats.proposal(vocabulary)(record, PROPOSAL, "") == []  # each date has a valid shape...
    assert formats.proposal_consistency(record, vocabulary, PROPOSAL) == [  # ...not for its place
        Problem(PROPOSAL, "timeline[0].date", "bad-format", "格式应为 'YYYY-MM' 或 'YYYY'"),
        Problem(PROPOSAL, "timeline[1].date", "bad-format", "格式应为 'YYYY-MM-DD' 或 'YYYY'"),
    ]
    assert formats.TOMBSTONE([], PROPOSAL, "") == [Problem(PROPOSAL, "(文件)", "wrong-type", "应为映射，实为 list")]


def test_the_dates_of_the_change_record_are_required_days(lists):
    """first_published / last_updated (records) and withdrawn_on (tombstones) are required days."""
    tombstone = record_schema("tombstone", lists)
    dated = {"id": "xzjy-2024-000002", "status": "withdrawn", "first_published": "2024-05-20"}
    assert tombstone.check({**dated, "withdrawn_on": "2025-11-01"}) == []
    assert tombstone.check({"id": "xzjy-2024-000002", "status": "withdrawn"}) == [
        Finding("first_published", "missing-key", "缺少必填字段"),
        Finding("withdrawn_on", "missing-key", "缺少必填字段"),
    ]
    assert tombstone.check({**dated, "withdrawn_on": "2025-11", "last_updated": "2025-11-01"}) == [
        Finding("withdrawn_on", "bad-format", "格式应为 'YYYY-MM-DD'"),
        Finding("last_updated", "unknown-key", "不是发布格式中的字段"),
    ]
    story = fixture_record("stories/grassroots-burden-2024.yaml")
    story_schema = record_schema("story", lists)
    assert story_schema.check(story) == []
    assert story_schema.check({key: value for key, value in story.items() if key != "last_updated"}) == [
        Finding("last_updated", "missing-key", "缺少必填字段")
    ]
    assert story_schema.check({**story, "last_updated": "2024-9-10"}) == [
        Finding("last_updated", "bad-format", "格式应为 'YYYY-MM-DD'")
    ]


def test_stats_counts_may_be_suppressed_but_not_anything_else(lists):
    stats = yaml.safe_load((FIXTURE / "stats.yaml").read_text(encoding="utf-8"))
    schema = record_schema("stats", lists)
    year = next(iter(stats["by_year"]))
    stats["by_year"][year]["published"] = "<5"
    assert schema.check(stats) == []
    stats["by_year"][year]["received"] = -3
    stats["totals"]["withdrawn"] = "<k"
    del stats["synthetic"]
    assert schema.check(stats) == [
        Finding("synthetic", "missing-key", "缺少必填字段"),
        Finding("totals.withdrawn", "wrong-type", "应为非负整数或 '<k'"),
        Finding(f"by_year.{year}.received", "wrong-type", "应为非负整数或 '<k'"),
    ]


def test_the_vocabulary_is_read_not_built_in(lists):
    record = fixture_record(PROPOSAL)
    record["channel"] = "政务服务热线"
    assert [item.code for item in record_schema("proposal", lists).check(record)] == ["not-in-vocabulary"]
    extended = {**lists, "channels": [*lists["channels"], "政务服务热线"]}
    assert record_schema("proposal", extended).check(record) == []


# --- the two validators agree -----------------------------------------------------


def variants() -> list[dict]:
    """One valid proposal and many broken ones, each broken in one way."""
    good = fixture_record(PROPOSAL)
    changes = [
        lambda r: None,
        lambda r: r.update(id="XZJY-2024-000188"),
        lambda r: r.update(received="2024-4"),
        lambda r: r.update(campaign=None),
        lambda r: r.update(campaign=7),
        lambda r: r.update(outcome=""),
        lambda r: r.update(lead_unit=None),
        lambda r: r.update(decision="留作参考"),
        lambda r: r.update(stage="征集"),
        lambda r: r["proposer"].update(type=None, district=None),
        lambda r: r["proposer"].update(extra="x"),
        lambda r: r["proposer"].pop("label"),
        lambda r: r["timeline"].append("展示"),
        lambda r: r["timeline"][1].update(date=None, days=True),
        lambda r: r["timeline"][1].update(date=20240410),
        lambda r: r.update(commendations=[{"year": 2024.0, "award": "金点子一等奖"}]),
        lambda r: r.update(body=["a"]),
        lambda r: r.update({2024: "a key that is not a string"}),
    ]
    records = []
    for change in changes:
        record = copy.deepcopy(good)
        change(record)
        records.append(record)
    return records


def test_fast_and_full_validators_agree(proposal_schema):
    full = jsonschema.Draft202012Validator(proposal_schema.schema)
    fast = fastjsonschema.compile(proposal_schema.schema)
    verdicts = []
    for record in variants():
        try:
            fast(record)
            fast_valid = True
        except (fastjsonschema.JsonSchemaValueException, TypeError):
            fast_valid = False
        verdicts.append((fast_valid, full.is_valid(record)))
        assert fast_valid == full.is_valid(record), record
        assert all(item.code != "invalid" for item in proposal_schema.check(record))
    assert verdicts.count((True, True)) == 5  # the good one, null campaign/lead unit/place, 2024.0 is an integer


# --- python -m pipeline check ------------------------------------------------------


def test_pipeline_check_lists_every_schema_problem_by_key(tmp_path):
    data = tmp_path / "public"
    shutil.copytree(FIXTURE, data)
    path = data / PROPOSAL
    record = fixture_record(PROPOSAL)
    record.update(received="2024/04", channel="朋友圈")
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (data / "stories" / "notes.txt").write_text("草稿", encoding="utf-8")
    (data / "commendations" / "2023.yaml").write_text(
        (data / "commendations" / "2024.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "check", str(data)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    problems = [line.strip() for line in result.stderr.splitlines() if "[published." in line]
    assert problems == [
        "commendations/2023.yaml「year」 —— 应与文件名一致 [published.name-mismatch]",
        f"{PROPOSAL}「received」 —— 格式应为 'YYYY-MM' 或 'YYYY' [published.bad-format]",
        f"{PROPOSAL}「channel」 —— 不在词表 channels 中 [published.not-in-vocabulary]",
        "stories/notes.txt —— 不属于公开数据的文件（只应有 stats.yaml 与四个文件夹中的 .yaml 文件） [published.schema]",
    ]


def test_the_site_build_stops_on_the_same_problems(tmp_path):
    data = tmp_path / "public"
    shutil.copytree(FIXTURE, data)
    record = fixture_record(PROPOSAL)
    record.update(received="2024/04", channel="朋友圈")
    (data / PROPOSAL).write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ShowcaseDataError) as caught:
        load_showcase(data, site_vocabulary())
    assert caught.value.problems == [
        Problem(PROPOSAL, "received", "bad-format", "格式应为 'YYYY-MM' 或 'YYYY'"),
        Problem(PROPOSAL, "channel", "not-in-vocabulary", "不在词表 channels 中"),
    ]
