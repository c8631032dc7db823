"""Every validation problem, asserted as the whole problem list."""

import shutil

from exports import commendation, metric, story, suggestion, write_export

from pipeline.problems import HIDDEN_VALUE


def test_valid_export_has_no_problems(tmp_path, problems_of):
    assert problems_of(write_export(tmp_path)) == []


def test_missing_file(tmp_path, problems_of):
    folder = write_export(tmp_path)
    (folder / "commendations.csv").unlink()
    assert problems_of(folder) == [("commendations.csv", None, None, None, "file.missing")]


def test_missing_input_folder(tmp_path, problems_of):
    missing = tmp_path / "nope"
    assert problems_of(missing) == [(str(missing), None, None, None, "file.missing")]


def test_empty_file_and_header_only_suggestions(tmp_path, problems_of):
    folder = write_export(tmp_path, {"suggestions": []})
    (folder / "stories.csv").write_bytes(b"")
    assert problems_of(folder) == [
        ("stories.csv", None, None, None, "file.empty"),
        ("suggestions.csv", None, None, None, "file.empty"),
    ]


def test_unreadable_bytes(tmp_path, problems_of):
    folder = write_export(tmp_path)
    (folder / "story_metrics.csv").write_bytes(b"\xff\xfe\xff\x00\x81")
    assert problems_of(folder) == [("story_metrics.csv", None, None, None, "file.encoding")]


def test_ragged_row(tmp_path, problems_of):
    folder = write_export(tmp_path)
    with open(folder / "story_metrics.csv", "a", encoding="utf-8") as handle:
        handle.write("lift-ebike-ai,多出来的,1,2,项,说明,额外\r\n")
    assert problems_of(folder) == [("story_metrics.csv", 3, None, None, "file.ragged_row")]


def test_missing_and_duplicate_column(tmp_path, problems_of):
    folder = write_export(tmp_path)
    path = folder / "suggestions.csv"
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("同意公开", "公开否", 1).replace("领域", "建议标题", 1), encoding="utf-8-sig")
    assert problems_of(folder) == [
        ("suggestions.csv", 1, "领域", None, "column.missing"),
        ("suggestions.csv", 1, "建议标题", None, "column.duplicate"),
        ("suggestions.csv", 1, "同意公开", None, "column.missing"),
    ]


def test_duplicate_ids_case_insensitive(tmp_path, problems_of):
    rows = [suggestion(1), suggestion(2), suggestion(3, **{"建议编号": "xzjy-2024-000001"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 4, "建议编号", "xzjy-2024-000001", "value.duplicate"),
    ]


def test_missing_required_values(tmp_path, problems_of):
    rows = [suggestion(1, **{"建议标题": "  ", "建议人姓名": "", "同意公开": ""})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "建议标题", None, "value.required"),
        ("suggestions.csv", 2, "建议人姓名", None, "value.required"),
        ("suggestions.csv", 2, "同意公开", None, "value.required"),
    ]


def test_unknown_vocabulary_values(tmp_path, problems_of):
    rows = [
        suggestion(
            1,
            **{"当前环节": "审核", "办理结果": "同意", "所在地区": "南京市", "征集渠道": "电话", "专项活动": "乱写"},
        ),
        suggestion(2, **{"建议人类别": "学生"}),
    ]
    awards = [commendation(**{"奖项": "金点子特等奖"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows, "commendations": awards})) == [
        ("commendations.csv", 2, "奖项", "金点子特等奖", "value.vocabulary"),
        ("suggestions.csv", 2, "征集渠道", "电话", "value.vocabulary"),
        ("suggestions.csv", 2, "专项活动", "乱写", "value.vocabulary"),
        ("suggestions.csv", 2, "所在地区", "南京市", "value.vocabulary"),
        ("suggestions.csv", 2, "当前环节", "审核", "value.vocabulary"),
        ("suggestions.csv", 2, "办理结果", "同意", "value.vocabulary"),
        ("suggestions.csv", 3, "建议人类别", "学生", "value.vocabulary"),
    ]


def test_vocabulary_accepts_full_width_brackets(tmp_path, problems_of):
    rows = [suggestion(1, **{"征集渠道": "镇（街道）征集点", "建议人类别": "村（社区）党组织书记"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == []


def test_impossible_dates(tmp_path, problems_of):
    rows = [suggestion(1, **{"收到日期": "2024-02-30", "报送日期": "2024/13/1", "督办日期": "明天"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "收到日期", "2024-02-30", "value.date"),
        ("suggestions.csv", 2, "报送日期", "2024/13/1", "value.date"),
        ("suggestions.csv", 2, "督办日期", "明天", "value.date"),
    ]


def test_stage_dates_out_of_order_and_beyond_stage(tmp_path, problems_of):
    rows = [
        suggestion(1, **{"督办日期": "2024-03-01"}),
        suggestion(2, **{"当前环节": "转化", "办理结果": "办理中", "反馈日期": "2024-05-06", "展示日期": ""}),
    ]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "督办日期", "2024-03-01", "dates.order"),
        ("suggestions.csv", 3, "反馈日期", "2024-05-06", "dates.beyond_stage"),
    ]


def test_consent_is_never_guessed(tmp_path, problems_of):
    rows = [suggestion(1, **{"同意公开": "同意", "同意署名": "可以", "已撤回": "Y"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "同意公开", "同意", "value.yes_no"),
        ("suggestions.csv", 2, "同意署名", "可以", "value.yes_no"),
    ]


def test_number_mangled_by_excel_is_refused_without_echoing_it(tmp_path, problems_of):
    rows = [suggestion(1, **{"身份证号": "3.20311E+17", "联系电话": "1.38520E+10"})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "联系电话", HIDDEN_VALUE, "value.number_mangled"),
        ("suggestions.csv", 2, "身份证号", HIDDEN_VALUE, "value.number_mangled"),
    ]


def test_cells_over_the_size_limit(tmp_path, problems_of):
    rows = [suggestion(1, **{"建议内容": "很长" * 5001, "建议人姓名": "名" * 51})]
    assert problems_of(write_export(tmp_path, {"suggestions": rows})) == [
        ("suggestions.csv", 2, "建议内容", "很长" * 30 + "…", "value.too_long"),
        ("suggestions.csv", 2, "建议人姓名", HIDDEN_VALUE, "value.too_long"),
    ]


def test_story_metrics_and_references(tmp_path, problems_of):
    rows = {
        "story_metrics": [metric(**{"原值": "约148", "现值": ""}), metric(**{"案例编号": "no-such-story"})],
        "stories": [story(**{"相关建议": "XZJY-2024-000001、XZJY-2099-999999", "案例编号": "lift-ebike-ai"})],
        "commendations": [commendation(**{"建议编号": "XZJY-2023-000404"})],
    }
    assert problems_of(write_export(tmp_path, rows)) == [
        ("commendations.csv", 2, "建议编号", "XZJY-2023-000404", "ref.unknown_case"),
        ("stories.csv", 2, "相关建议", "XZJY-2099-999999", "ref.unknown_case"),
        ("story_metrics.csv", 2, "原值", "约148", "value.number"),
        ("story_metrics.csv", 2, "现值", None, "value.required"),
        ("story_metrics.csv", 3, "案例编号", "no-such-story", "ref.unknown_story"),
    ]


def test_story_id_must_be_a_slug(tmp_path, problems_of):
    rows = {"stories": [story(**{"案例编号": "电梯 故事"})], "story_metrics": []}
    assert problems_of(write_export(tmp_path, rows)) == [
        ("stories.csv", 2, "案例编号", "电梯 故事", "value.slug"),
    ]


def test_all_problems_at_once_across_files(tmp_path, problems_of):
    rows = {
        "suggestions": [suggestion(1, **{"当前环节": "?"}), suggestion(2, **{"收到日期": "x"})],
        "commendations": [commendation(**{"同意署名": "也许"})],
    }
    folder = write_export(tmp_path, rows)
    shutil.copy(folder / "stories.csv", folder / "ignored-extra-file.csv")
    assert [(f, r, code) for f, r, _, _, code in problems_of(folder)] == [
        ("commendations.csv", 2, "value.yes_no"),
        ("suggestions.csv", 2, "value.vocabulary"),
        ("suggestions.csv", 3, "value.date"),
    ]
