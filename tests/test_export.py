"""Export: selection, tombstones, the take-down guard, atomicity, determinism."""

import random

import pytest
import yaml
from exports import commendation, default_rows, suggestion, tree, work_leftovers, write_export


def export(cli, folder, out, *extra):
    return cli("export", "--input", folder, "--out", out, *extra)


def proposal(out, pid):
    return yaml.safe_load((out / "proposals" / f"{pid}.yaml").read_text(encoding="utf-8"))


def test_publication_rule(cli, tmp_path):
    rows = [
        suggestion(1),
        suggestion(2, **{"办理结果": "部分采纳", "当前环节": "褒奖", "褒奖日期": "2024-06-01"}),
        suggestion(3, **{"办理结果": "留作参考"}),
        suggestion(4, **{"同意公开": "否"}),
        suggestion(5, **{"已撤回": "是"}),
        suggestion(6, **{"当前环节": "反馈", "展示日期": ""}),
        suggestion(7, **{"已撤回": ""}),
    ]
    out = tmp_path / "out"
    status, printed, _ = export(cli, write_export(tmp_path / "in", {"suggestions": rows}), out)
    assert status == 0
    assert sorted(p.stem for p in (out / "proposals").glob("*.yaml")) == [
        "xzjy-2024-000001",
        "xzjy-2024-000002",
        "xzjy-2024-000007",
    ]
    assert "读取 7 条建议，公开 3 条" in printed


def test_published_record_shape(cli, tmp_path):
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in"), out)[0] == 0
    record = proposal(out, "xzjy-2024-000001")
    assert list(record) == [
        "id", "status", "first_published", "last_updated", "title", "received", "channel", "campaign", "topic",
        "proposer", "decision",
        "stage", "lead_unit", "co_units", "timeline", "stories", "commendations", "body", "outcome",
    ]  # fmt: skip
    # Two published records of one type and district: fewer than k = 5, so the
    # coarsest level: type group, the city, the year; the days stay.
    assert record["received"] == "2024"
    assert record["proposer"] == {
        "type": None, "group": "媒体和教育工作者", "district": None, "label": "媒体和教育工作者 · 徐州市",
        "special_collector": None,  # withheld: 2 non-collectors in that cell, fewer than k
    }  # fmt: skip
    assert record["timeline"] == [
        {"stage": "征集", "date": "2024", "days": None},
        {"stage": "报送", "date": "2024", "days": 3},
        {"stage": "督办", "date": "2024", "days": 12},
        {"stage": "转化", "date": "2024", "days": 26},
        {"stage": "反馈", "date": "2024", "days": 21},
        {"stage": "展示", "date": "2024", "days": 14},
    ]
    assert record["co_units"] == ["市市场监管局", "云龙区政府"]
    assert record["stories"] == ["lift-ebike-ai"]
    assert record["commendations"] == [{"year": 2024, "award": "金点子一等奖"}]
    assert record["body"] == "我是【姓名已隐去】，住在【地址已隐去】，电话【电话已隐去】。建议加装电梯。"
    assert record["outcome"] == "已纳入2024年加装电梯计划。【姓名已隐去】同志的建议被采纳。"


def test_no_personal_value_reaches_the_output(cli, tmp_path):
    out = tmp_path / "out"
    rows = [suggestion(1, **{"建议内容": "邮箱zhangwei@example.com，身份证32030319850312123X，单位徐州市某某机械厂"})]
    assert export(cli, write_export(tmp_path / "in", {"suggestions": rows}), out)[0] == 0
    text = "".join(content.decode() for content in tree(out).values())
    for value in ("张伟", "13852001234", "32030319850312123X", "民主南路8号", "zhangwei@example.com", "某某机械厂"):
        assert value not in text


def test_rare_proposer_combinations_are_coarsened(cli, tmp_path):
    common = [suggestion(n, **{"建议人类别": "市民", "所在地区": "泉山区"}) for n in range(1, 6)]
    rare = [suggestion(9, **{"建议人类别": "政协委员", "所在地区": "丰县"})]
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", {"suggestions": common + rare}), out)[0] == 0
    common_record = proposal(out, "xzjy-2024-000001")
    assert common_record["proposer"] == {
        "type": "市民",
        "group": "市民",
        "district": "泉山区",
        "label": "市民 · 泉山区",
        "special_collector": False,
    }
    assert common_record["received"] == "2024-03"
    assert common_record["timeline"][:2] == [
        {"stage": "征集", "date": "2024-03", "days": None},
        {"stage": "报送", "date": "2024-03-08", "days": 3},
    ]
    rare_record = proposal(out, "xzjy-2024-000009")
    assert rare_record["proposer"]["label"] == "人大代表、政协委员 · 徐州市"
    assert rare_record["received"] == "2024"


def test_commendation_names_only_with_consent(cli, tmp_path):
    awards = [
        commendation(),
        commendation(**{"奖项": "优秀特约人民建议征集人", "建议编号": "", "获奖人姓名": "周敏", "同意署名": "是"}),
        commendation(**{"奖项": "优秀人民建议", "建议编号": "XZJY-2024-000003", "获奖人姓名": "吴刚"}),
    ]
    rows = {
        "suggestions": [*default_rows()["suggestions"], suggestion(3, **{"同意公开": "否"})],
        "commendations": awards,
    }
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    year = yaml.safe_load((out / "commendations" / "2024.yaml").read_text(encoding="utf-8"))
    assert year["awards"] == [
        {"award": "金点子一等奖", "proposal": "xzjy-2024-000001", "recipient": None,
         "recipient_label": "媒体和教育工作者 · 徐州市", "awarded_on": "2024-12-20"},
        {"award": "优秀人民建议", "proposal": None, "recipient": None,
         "recipient_label": "媒体和教育工作者 · 徐州市", "awarded_on": "2024-12-20"},
        {"award": "优秀特约人民建议征集人", "proposal": None, "recipient": "周敏",
         "recipient_label": "教师 · 云龙区", "awarded_on": "2024-12-20"},
    ]  # fmt: skip
    assert "吴刚" not in "".join(c.decode() for c in tree(out).values())


def test_story_lists_only_published_proposals(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"].append(suggestion(3, **{"同意公开": "否"}))
    rows["stories"][0]["相关建议"] = "XZJY-2024-000003、XZJY-2024-000001"
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    story = yaml.safe_load((out / "stories" / "lift-ebike-ai.yaml").read_text(encoding="utf-8"))
    assert story["proposals"] == ["xzjy-2024-000001"]
    assert story["metrics"] == [{"label": "社区协助事项", "before": 148, "after": 61, "unit": "项", "note": None}]


def test_same_input_same_bytes_and_shuffled_rows(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"] = [suggestion(n, **{"所在地区": "泉山区"}) for n in range(1, 30)]
    first, second, shuffled = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert export(cli, write_export(tmp_path / "in", rows), first)[0] == 0
    assert export(cli, tmp_path / "in", second)[0] == 0
    random.Random(7).shuffle(rows["suggestions"])
    rows["commendations"] = list(reversed([*rows["commendations"], commendation(**{"奖项": "金点子二等奖"})]))
    assert export(cli, write_export(tmp_path / "in2", rows), shuffled)[0] == 0
    assert tree(first) == tree(second)
    assert tree(first).keys() == tree(shuffled).keys()
    differing = [k for k in tree(first) if tree(first)[k] != tree(shuffled)[k]]
    # One more award for case 1: its page and the year's awards change, nothing else
    # (the commendation count stays "<5" in stats.yaml).
    assert differing == ["commendations/2024.yaml", "proposals/xzjy-2024-000001.yaml"]


def test_changing_one_record_touches_only_its_file_and_stats(cli, tmp_path):
    rows = default_rows()
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    before = tree(out)
    rows["suggestions"][1]["办理情况"] = "已在三个小区试点。"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    after = tree(out)
    assert [k for k in after if after[k] != before.get(k)] == ["proposals/xzjy-2024-000002.yaml"]


def test_tombstones_and_republication(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"] += [suggestion(n) for n in range(3, 11)]
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    rows["suggestions"][1]["同意公开"] = "否"  # consent withdrawn
    del rows["suggestions"][2]  # gone from the export
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    tombstone = proposal(out, "xzjy-2024-000002")
    assert set(tombstone) == {"id", "status", "first_published", "withdrawn_on"}
    assert tombstone["status"] == "withdrawn"
    assert proposal(out, "xzjy-2024-000003")["status"] == "withdrawn"
    stats = yaml.safe_load((out / "stats.yaml").read_text(encoding="utf-8"))
    assert stats["totals"]["withdrawn"] == "<5"
    # A tombstone stays a tombstone on the next export, and comes back if publishable again.
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    assert proposal(out, "xzjy-2024-000002")["status"] == "withdrawn"
    rows["suggestions"][1]["同意公开"] = "是"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    assert proposal(out, "xzjy-2024-000002")["status"] == "published"


def test_takedown_guard_and_confirmation(cli, tmp_path):
    rows = default_rows()
    rows["suggestions"] += [suggestion(n) for n in range(3, 11)]
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    published = tree(out)
    for row in rows["suggestions"][:3]:
        row["已撤回"] = "是"  # 3 of 10 = 30 % > 20 %
    folder = write_export(tmp_path / "in", rows)
    status, _, err = export(cli, folder, out)
    assert status == 1
    assert "[guard.withdrawals]" in err and "3/10" in err
    assert tree(out) == published
    assert export(cli, folder, out, "--max-takedown", "0.5")[0] == 0
    assert tree(out) != published


def test_confirm_flag_allows_large_takedown(cli, tmp_path):
    rows = default_rows()
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in", rows), out)[0] == 0
    rows["suggestions"][0]["已撤回"] = "是"
    folder = write_export(tmp_path / "in", rows)
    assert export(cli, folder, out)[0] == 1
    assert export(cli, folder, out, "--confirm-withdrawals")[0] == 0
    assert proposal(out, "xzjy-2024-000001")["status"] == "withdrawn"


def test_refused_export_leaves_data_byte_identical(cli, tmp_path):
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in"), out)[0] == 0
    published = tree(out)
    bad = default_rows()
    bad["suggestions"][0]["收到日期"] = "2024-02-31"
    status, printed, err = export(cli, write_export(tmp_path / "bad", bad), out)
    assert status == 1 and printed == ""
    assert "suggestions.csv 第 2 行「收到日期」：“2024-02-31”" in err and "[value.date]" in err
    assert tree(out) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.work", "bad", "in", "out"]
    assert work_leftovers(out) == []  # no staging folder left behind


def test_crash_while_writing_leaves_data_untouched(cli, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in"), out)[0] == 0
    published = tree(out)
    from pipeline import export as export_module

    calls = []

    def failing_dump(record):
        calls.append(record)
        if len(calls) > 2:
            raise OSError("disk full")
        return "x: 1\n"

    monkeypatch.setattr(export_module.yamlio, "dump", failing_dump)
    status, _, err = export(cli, tmp_path / "in", out)
    assert status == 1 and "Traceback" not in err
    assert tree(out) == published
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.work", "in", "out"]
    assert work_leftovers(out) == []


@pytest.mark.parametrize(
    "args",
    [[], ["export"], ["export", "--input", "x"], ["frobnicate"], ["export", "--input", "a", "--out", "b", "--k", "0"]],
)
def test_usage_errors_exit_2(cli, args):
    with pytest.raises(SystemExit) as raised:
        cli(*args)
    assert raised.value.code == 2


def test_bad_mapping_file_is_a_usage_error(cli, tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text("suggestions:\n  headers:\n    no_such_key: 甲\n", encoding="utf-8")
    status, _, err = cli(
        "export", "--input", write_export(tmp_path / "in"), "--out", tmp_path / "o", "--mapping", mapping
    )
    assert status == 2 and "no_such_key" in err


def test_check_command(cli, tmp_path):
    out = tmp_path / "out"
    assert export(cli, write_export(tmp_path / "in"), out)[0] == 0
    assert cli("check", out)[0] == 0
    path = out / "proposals" / "xzjy-2024-000001.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "proposer_phone: '13852001234'\n", encoding="utf-8")
    status, _, err = cli("check", out)
    assert status == 1 and "proposer_phone" in err and "13852001234" not in err
