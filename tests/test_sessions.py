"""Face-to-face sessions (sessions.csv / sheet 面对面) through the pipeline:
refusals as a whole list, the published records, tombstones, the diff, and
that an export without the file is unchanged. Real CLI runs on real files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from exports import ROOT, headers, tree, write_csv, write_export

from pipeline.diffing.records import compare_records
from pipeline.public_sessions import SESSION_KEYS

SAMPLE = ROOT / "data" / "sample"
SPECS = yaml.safe_load((ROOT / "pipeline" / "sample" / "data" / "sessions.yaml").read_text(encoding="utf-8"))


def session(**changes: str) -> dict:
    """A valid session row by header, discussing XZJY-2024-000001 (submitted 2024-03-08)."""
    row = {
        "活动编号": "mdm-2024-03",
        "活动名称": "加装电梯面对面交流活动",
        "活动日期": "2024-06-01",
        "所在地区": "云龙区",
        "街道（镇）": "彭城街道",
        "领域": "城乡建设",
        "专项活动": "",
        "参加单位": "市住房城乡建设局、社区居委会",
        "到场建议人数": "2",
        "到场居民人数": "15",
        "商议建议": "XZJY-2024-000001",
        "商定事项": "试点安装阻车系统。联系人张伟，电话13852001234。",
        "跟进日期": "2024-07-01",
        "参会人姓名": "钱多多、孙思远",
        "同意署名": "否",
        "已撤回": "否",
    }
    row.update(changes)
    return row


def with_sessions(folder: Path, rows: list[dict]) -> Path:
    write_export(folder)
    write_csv(folder / "sessions.csv", headers("sessions"), rows)
    return folder


def export(cli, source: Path, out: Path, tmp_path: Path, as_of: str = "2025-11-01"):
    return cli("export", "--input", source, "--out", out, "--as-of", as_of, "--audit", tmp_path / "audit")


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_bad_session_rows_are_refused_all_at_once(tmp_path, cli, problems_of):
    rows = [
        session(),
        session(**{
            "活动编号": "mdm-bad", "活动日期": "2024-03-01", "所在地区": "外星区", "街道（镇）": "民主南路8号",
            "领域": "太空", "参加单位": "市住房城乡建设局、某某神秘公司", "到场建议人数": "-3", "到场居民人数": "很多",
            "商议建议": "XZJY-2024-000001、XZJY-2099-999999", "跟进日期": "2024-02-01", "同意署名": "",
        }),
    ]  # fmt: skip
    folder = with_sessions(tmp_path / "in", rows)
    assert problems_of(folder) == [
        ("sessions.csv", 3, "活动日期", "2024-03-01", "dates.before_submission"),
        ("sessions.csv", 3, "所在地区", "外星区", "value.vocabulary"),
        ("sessions.csv", 3, "街道（镇）", "民主南路8号", "value.place"),
        ("sessions.csv", 3, "领域", "太空", "value.vocabulary"),
        ("sessions.csv", 3, "参加单位", "某某神秘公司", "value.vocabulary"),
        ("sessions.csv", 3, "到场建议人数", "-3", "value.count"),
        ("sessions.csv", 3, "到场居民人数", "很多", "value.count"),
        ("sessions.csv", 3, "商议建议", "XZJY-2099-999999", "ref.unknown_case"),
        ("sessions.csv", 3, "跟进日期", "2024-02-01", "dates.follow_up"),
        ("sessions.csv", 3, "同意署名", None, "value.consent_required"),
    ]
    out = tmp_path / "public"
    out.mkdir()
    (out / "keep.txt").write_text("previous", encoding="utf-8")
    status, _, err = export(cli, folder, out, tmp_path)
    assert status == 1
    assert "导出被拒绝：发现 10 个问题" in err
    assert "sessions.csv 第 3 行「到场建议人数」：“-3” —— 应为 0 或更大的整数（人数） [value.count]" in err
    assert "钱多多" not in err and "孙思远" not in err  # personal data is never echoed
    assert tree(out) == {"keep.txt": b"previous"}


def test_a_missing_required_column_is_refused(tmp_path, problems_of):
    folder = write_export(tmp_path / "in")
    header = [h for h in headers("sessions") if h != "商定事项"]
    write_csv(folder / "sessions.csv", header, [session()])
    assert problems_of(folder) == [("sessions.csv", 1, "商定事项", None, "column.missing")]


def test_a_session_publishes_by_allow_list_and_without_names(tmp_path, cli):
    folder = with_sessions(tmp_path / "in", [session()])
    out = tmp_path / "public"
    status, _, err = export(cli, folder, out, tmp_path)
    assert status == 0, err
    record = read(out / "sessions" / "mdm-2024-03.yaml")
    assert tuple(record) == SESSION_KEYS
    assert record["proposals"] == ["xzjy-2024-000001"] and record["proposals_discussed"] == 1
    assert record["attendees"] == []
    assert record["agreed"] == "试点安装阻车系统。联系人【姓名已隐去】，电话【电话已隐去】。"
    assert record["units"] == ["市住房城乡建设局", "社区居委会"]
    published = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.yaml"))
    assert "钱多多" not in published and "孙思远" not in published
    assert cli("check", out)[0] == 0


def test_consent_names_the_attendees(tmp_path, cli):
    folder = with_sessions(tmp_path / "in", [session(**{"同意署名": "是"})])
    out = tmp_path / "public"
    assert export(cli, folder, out, tmp_path)[0] == 0
    assert read(out / "sessions" / "mdm-2024-03.yaml")["attendees"] == ["钱多多", "孙思远"]


def test_a_withdrawn_session_leaves_a_tombstone_and_the_diff_lists_it(tmp_path, cli):
    out = tmp_path / "public"
    assert export(cli, with_sessions(tmp_path / "a", [session()]), out, tmp_path, "2025-01-01")[0] == 0
    before = {"sessions/mdm-2024-03.yaml": read(out / "sessions" / "mdm-2024-03.yaml")}
    assert (
        export(cli, with_sessions(tmp_path / "b", [session(**{"已撤回": "是"})]), out, tmp_path, "2025-02-01")[0] == 0
    )
    after = {"sessions/mdm-2024-03.yaml": read(out / "sessions" / "mdm-2024-03.yaml")}
    assert after["sessions/mdm-2024-03.yaml"] == {
        "id": "mdm-2024-03", "status": "withdrawn", "first_published": "2025-01-01", "withdrawn_on": "2025-02-01",
    }  # fmt: skip
    assert cli("check", out)[0] == 0
    changes = compare_records(before, after)
    assert [(r.kind, r.id, r.title) for r in changes.withdrawn] == [
        ("session", "mdm-2024-03", "加装电梯面对面交流活动")
    ]
    new = compare_records({}, before)
    assert [(r.kind, r.id) for r in new.new] == [("session", "mdm-2024-03")]


def test_an_export_without_sessions_is_unchanged(tmp_path, cli):
    """The sample without sessions.csv gives exactly the same files, less sessions/."""
    without = tmp_path / "without"
    shutil.copytree(SAMPLE, without)
    (without / "sessions.csv").unlink()
    a, b = tmp_path / "a", tmp_path / "b"
    assert export(cli, without, a, tmp_path)[0] == 0
    assert export(cli, SAMPLE, b, tmp_path)[0] == 0
    with_sessions_tree = tree(b)
    assert {k: v for k, v in with_sessions_tree.items() if not k.startswith("sessions/")} == tree(a)
    assert sorted(k for k in with_sessions_tree if k.startswith("sessions/")) == sorted(
        f"sessions/{s['id']}.yaml" for s in SPECS if not s.get("withdrawn")
    )


def test_the_committed_sample_publishes_its_sessions(tmp_path):
    public = ROOT / "data" / "public" / "sessions"
    records = {p.stem: read(p) for p in public.glob("*.yaml")}
    assert {"mdm-lift-ebike-ai", "mdm-fire-outreach"} <= set(records)
    assert all(r["proposals"] for r in records.values())  # every sample session links a published proposal
    assert records["mdm-fire-outreach"]["attendees"] == ["訾红梅"]  # the one with consent


@pytest.mark.parametrize("root", ["data/public"])
def test_no_planted_attendee_name_without_consent_in_published_data(root):
    names = [name for s in SPECS if not s["consent"] for name in s["attendees"]]
    assert names, "the sample plants names without consent"
    raw = (SAMPLE / "sessions.csv").read_text(encoding="utf-8-sig")
    assert all(name in raw for name in names)  # planted in the raw file...
    for path in (ROOT / root).rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not [name for name in names if name in text], path  # ...and nowhere published


def test_sessions_sheet_is_optional_in_a_workbook(tmp_path, problems_of):
    from pipeline.sample import generate

    generate(tmp_path / "book", rows=60, seed=7, fmt="xlsx")
    assert problems_of(tmp_path / "book") == []
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "book" / "export.xlsx")
    assert "面对面" in book.sheetnames
    del book["面对面"]
    book.save(tmp_path / "book" / "export.xlsx")
    assert problems_of(tmp_path / "book") == []
