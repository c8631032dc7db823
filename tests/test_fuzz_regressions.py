"""Regression tests for the bugs the property-based fuzzers found
(tests/test_fuzz_export.py, tests/test_fuzz_scrub.py): each is the shrunk
input, as a plain test."""

import pytest
from exports import default_rows, suggestion, write_export

from pipeline.anonymise import Anonymiser
from pipeline.leaks import scan_text


def test_a_cell_over_the_csv_field_limit_is_a_problem_not_a_crash(cli, problems_of, tmp_path):
    # Found by the export fuzzer: a 150,003-character cell (or an unclosed
    # quote running to the end of the file) made csv raise "field larger than
    # field limit (131072)": exit 1 with 内部错误 instead of a problem. Now the
    # hostile-input reader (pipeline/csvfile.py) names the row and the column.
    rows = default_rows()
    rows["suggestions"] = [suggestion(1, **{"建议内容": "停车位" * 50_001})]
    folder = write_export(tmp_path / "in", rows)
    assert problems_of(folder) == [("suggestions.csv", 2, "建议内容", None, "file.cell_too_large")]
    status, _, err = cli("export", "--input", folder, "--out", tmp_path / "out", "--audit", tmp_path / "audit")
    assert status == 1
    assert "内部错误" not in err
    assert "单元格过大" in err


@pytest.mark.parametrize("number", ["320302.20000101.0009", "6222.0212.3456.7894"])
def test_dotted_id_and_card_numbers_are_scrubbed_and_flagged(number):
    # Found by the scrubber fuzzer: an ID number or bank card grouped with dots
    # passed both the scrubber and the leak scanner untouched.
    text = f"我的号码{number}，谢谢"
    assert Anonymiser([]).clean(text)[0] in ("我的号码【身份证号已隐去】，谢谢", "我的号码【银行卡号已隐去】，谢谢")
    assert [family for _, _, family in scan_text(text)] in (["id_number"], ["bank_card"])


def test_a_grouped_card_holding_an_id_shaped_tail_goes_whole():
    # Found by the scrubber fuzzer: in 6222 1100 0000 0101 007 (19 digits,
    # Luhn valid) the ID family took 1100 0000 0101 007 for an old 15-digit ID
    # and left "6222 【身份证号已隐去】".
    assert Anonymiser([]).clean("卡号 6222 1100 0000 0101 007。")[0] == "卡号 【银行卡号已隐去】。"
    assert Anonymiser([]).clean("6222 1100 0000 0101 007")[0] == "【银行卡号已隐去】"
