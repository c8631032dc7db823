"""The audit report, and the leak scan as the second line of defence."""

import csv
from collections import Counter

from exports import default_rows, suggestion, tree, write_export

from pipeline.anonymise import Anonymiser


def export(cli, tmp_path, rows=None, *extra):
    out, audit = tmp_path / "out", tmp_path / "audit"
    result = cli("export", "--input", write_export(tmp_path / "in", rows), "--out", out, "--audit", audit, *extra)
    return result, out, audit


def test_audit_report_lists_families_positions_and_flags_first(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"].append(
        suggestion(3, **{"建议内容": "我母亲今年82岁，患有糖尿病。请打13912345678。", "办理情况": "已办理。"})
    )
    (status, printed, err), out, audit = export(cli, tmp_path, rows)
    assert status == 0, err
    with open(audit / "report.csv", encoding="utf-8-sig", newline="") as handle:
        report = list(csv.DictReader(handle))
    first = report[0]
    assert (first["编号"], first["字段"]) == ("xzjy-2024-000003", "body")
    # The age itself was removed (今年【年龄已隐去】); the illness and the relative stay for a person to judge.
    assert first["需人工查看"] == "疾病或残疾、亲属"
    body = (out / "proposals" / "xzjy-2024-000003.yaml").read_text(encoding="utf-8")
    for row in report:
        if row["编号"] == "xzjy-2024-000003" and row["类别"] == "mobile":
            position = int(row["位置"])
            text = body.split("body: ", 1)[1]
            assert text[position:].startswith("【手机号已隐去】")
    # Totals in the summary, the report carries no personal value.
    assert "mobile 1" in printed and "需人工查看" in printed
    report_text = (audit / "report.md").read_text(encoding="utf-8") + (audit / "report.csv").read_text("utf-8-sig")
    for value in ("13912345678", "张伟", "李娜", "民主南路"):
        assert value not in report_text
    assert report_text.index("需人工查看：") < report_text.index("各记录的隐去情况")


def test_audit_never_goes_into_the_published_data_or_beside_the_input(cli, tmp_path):
    folder = write_export(tmp_path / "in")
    for audit in (tmp_path / "out" / "audit", folder / "audit"):
        status, _, err = cli("export", "--input", folder, "--out", tmp_path / "out", "--audit", audit)
        assert status == 2 and "审计报告不能写入" in err
    assert not (tmp_path / "out").exists()


def test_the_leak_scan_refuses_what_the_anonymiser_missed(cli, tmp_path, monkeypatch):
    (status, _, _), out, _ = export(cli, tmp_path)
    assert status == 0
    published = tree(out)
    monkeypatch.setattr(Anonymiser, "clean", lambda self, text, own=(), lang=None: (text, Counter()))
    (status, printed, err), _, _ = export(cli, tmp_path)
    assert status == 1 and printed == ""
    assert "泄露扫描" in err and "[raw_value]" in err and "13852001234" not in err
    assert f"{out}/proposals/xzjy-2024-000001.yaml 第" in err
    assert tree(out) == published
