"""Every accepted spelling of the export gives the same published bytes."""

import pytest
from exports import SCHEMA, default_rows, suggestion, tree, write_export, write_workbook
from openpyxl import load_workbook

from pipeline.problems import HIDDEN_VALUE


@pytest.fixture
def export_tree(cli, tmp_path):
    def run(folder, *extra):
        out = tmp_path / f"out-{folder.name}"
        status, _, err = cli("export", "--input", folder, "--out", out, *extra)
        assert status == 0, err
        return tree(out)

    return run


@pytest.fixture
def reference(export_tree, tmp_path):
    return export_tree(write_export(tmp_path / "reference"))


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-8", "\r\n"), ("gb18030", "\r\n"), ("gb18030", "\n")],
)
def test_encodings_and_line_ends(export_tree, reference, tmp_path, encoding, newline):
    folder = write_export(tmp_path / "variant", encoding=encoding, newline=newline)
    assert export_tree(folder) == reference


def test_gb18030_keeps_rare_name_characters(export_tree, tmp_path):
    rows = [suggestion(1, **{"建议人姓名": "𠮷祥", "建议内容": "我是𠮷祥，建议多设公交站。"})]
    out = export_tree(write_export(tmp_path / "gb", {"suggestions": rows}, encoding="gb18030"))
    body = out["proposals/xzjy-2024-000001.yaml"].decode("utf-8")
    assert "我是【姓名已隐去】，建议多设公交站。" in body
    assert "𠮷" not in body


@pytest.mark.parametrize("spelling", ["2024/3/5", "2024.3.5", "2024年3月5日", "2024-3-5", "2024-03-05 00:00:00"])
def test_date_spellings(export_tree, reference, tmp_path, spelling):
    rows = default_rows()
    rows["suggestions"][0]["收到日期"] = spelling
    assert export_tree(write_export(tmp_path / "dates", rows)) == reference


@pytest.mark.parametrize(("yes", "no"), [("Y", "N"), ("y", "n"), ("1", "0"), ("true", "false"), ("TRUE", "False")])
def test_yes_no_spellings(export_tree, reference, tmp_path, yes, no):
    rows = default_rows()
    for row in rows["suggestions"]:
        row.update({"同意公开": yes, "同意署名": no, "已撤回": no})
    assert export_tree(write_export(tmp_path / "yesno", rows)) == reference


def test_list_separators_and_whitespace(export_tree, reference, tmp_path):
    rows = default_rows()
    first = rows["suggestions"][0]
    first["协办单位"] = " 市市场监管局；云龙区政府 "
    first["征集渠道"] = "\u3000家门口党群服务中心\u3000"
    first["建议标题"] = "关于老旧小区加装电梯的建议1\u3000 "
    rows["suggestions"][1]["协办单位"] = "市市场监管局,云龙区政府"
    assert export_tree(write_export(tmp_path / "spaces", rows)) == reference


def test_xlsx_with_real_date_cells_matches_csv(export_tree, reference, tmp_path):
    write_workbook(tmp_path / "book" / "导出.xlsx")
    assert export_tree(tmp_path / "book") == reference


def test_xlsx_file_given_directly_and_date_serials(export_tree, reference, tmp_path):
    path = tmp_path / "direct" / "export.xlsx"
    book = write_workbook(path)
    sheet = book["建议"]
    sheet["B2"] = 45356  # 2024-03-05 as an Excel serial in a General cell
    book.save(path)
    assert export_tree(path) == reference


def test_xlsx_traps(problems_of, tmp_path):
    path = tmp_path / "traps" / "export.xlsx"
    book = write_workbook(path)
    sheet = book["建议"]
    headers = [cell.value for cell in sheet[1]]
    id_column = headers.index("身份证号") + 1
    sheet.cell(row=2, column=id_column, value=320303198503121216)
    sheet.cell(row=3, column=headers.index("建议标题") + 1, value='=CONCAT("关于","电梯")')
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["AD"].hidden = True  # 已撤回
    book.save(path)
    assert problems_of(path) == [
        ("export.xlsx[建议]", 1, "已撤回", None, "xlsx.hidden_column"),
        ("export.xlsx[建议]", 2, "身份证号", HIDDEN_VALUE, "xlsx.number_stored"),
        ("export.xlsx[建议]", 3, None, None, "xlsx.hidden_row"),
        ("export.xlsx[建议]", 3, "建议标题", '=CONCAT("关于","电梯")', "xlsx.formula"),
    ]


def test_xlsx_missing_sheet(problems_of, tmp_path):
    path = tmp_path / "nosheet" / "export.xlsx"
    write_workbook(path)
    book = load_workbook(path)
    del book["褒奖"]
    book.save(path)
    assert problems_of(path.parent) == [("export.xlsx", None, None, None, "file.missing")]


def test_header_mapping_file(export_tree, reference, tmp_path):
    rows = default_rows()
    folder = tmp_path / "mapped"
    write_export(folder, rows)
    renamed = {"建议编号": "编号", "建议内容": "具体内容"}
    path = folder / "suggestions.csv"
    text = path.read_text(encoding="utf-8-sig")
    header, rest = text.split("\n", 1)
    header = ",".join(renamed.get(h, h) for h in header.split(","))
    (folder / "建议表.csv").write_text(header + "\n" + rest, encoding="utf-8-sig")
    path.unlink()
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "suggestions:\n  file: 建议表.csv\n  headers:\n    case_id: 编号\n    body: 具体内容\n", encoding="utf-8"
    )
    assert export_tree(folder, "--mapping", mapping) == reference


def test_extra_columns_never_reach_the_output(export_tree, reference, tmp_path):
    rows = default_rows()
    for row in rows["suggestions"]:
        row["微信号"] = "wx_secret_zhangwei"
    folder = write_export(tmp_path / "extra", rows)
    path = folder / "suggestions.csv"
    headers = list(SCHEMA["suggestions"]["columns"].values())
    from exports import write_csv

    write_csv(path, [c["header"] for c in headers] + ["微信号"], rows["suggestions"])
    out = export_tree(folder)
    assert out == reference
    assert not any(b"wx_secret" in content for content in out.values())
