"""Hostile input files are refused cleanly: exit 1 (2 for a mapping file), a
Chinese message naming the file, no traceback, the previous --out untouched,
and bounded memory: each case runs the real CLI in its own wrapper process,
which reports its child's peak RSS (RUSAGE_CHILDREN after the child exits),
with a timeout so a FIFO can never hang the suite."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from exports import ROOT, default_rows, headers, suggestion, tree, write_csv, write_export, write_workbook
from hostile import SHEET, billion_laughs, bomb_workbook, edit_sheet, stored_sheet

from pipeline.inputs import CSV_MAX_BYTES

PEAK_RSS_LIMIT_MB = 500
TIMEOUT = 60
WRAPPER = f"""
import json, resource, subprocess, sys
try:
    done = subprocess.run(sys.argv[1:], capture_output=True, timeout={TIMEOUT})
    status, out, err = done.returncode, done.stdout, done.stderr
except subprocess.TimeoutExpired as expired:
    status, out, err = "timeout", expired.stdout or b"", expired.stderr or b""
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
print(json.dumps({{"status": status, "peak_mb": peak, "out": out.decode(), "err": err.decode()}}))
"""


def run_measured(*args) -> dict:
    command = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "pipeline", *map(str, args)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT + 30, check=True)
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def previous_out(tmp_path_factory):
    """A real earlier export: every refusal must leave it byte for byte."""
    base = tmp_path_factory.mktemp("previous")
    out = base / "public"
    result = run_measured("export", "--input", write_export(base / "export"), "--out", out, "--audit", base / "audit")
    assert result["status"] == 0, result["err"]
    return out


@pytest.fixture
def refused(previous_out, tmp_path):
    """Run the export on INPUT (extra args allowed) and check the clean
    refusal; -> stderr."""

    def check(input_path, *extra, status=1, names=None) -> str:
        out = tmp_path / "public"
        shutil.copytree(previous_out, out, symlinks=True)
        before = tree(out)
        args = ["export", "--input", input_path, "--out", out, "--audit", tmp_path / "audit", *extra]
        result = run_measured(*args)
        err = result["err"]
        assert result["status"] == status, err
        assert "Traceback" not in err
        assert names in err, err
        assert tree(out) == before
        assert result["peak_mb"] < PEAK_RSS_LIMIT_MB, result["peak_mb"]
        print(f"peak RSS {result['peak_mb']} MB: {err.strip().splitlines()[-1]}")
        return err

    return check


def workbook(tmp_path: Path) -> Path:
    book = tmp_path / "export" / "export.xlsx"
    write_workbook(book)
    return book


# 1. zip bombs


def test_zip_bomb_declared_size(refused, tmp_path):
    book = workbook(tmp_path)
    bomb_workbook(book)
    assert book.stat().st_size < 2 * 1024 * 1024
    err = refused(book, names="export.xlsx")
    assert "[xlsx.zip]" in err and "xl/worksheets/sheet1.xml 解压后" in err


def test_zip_bomb_lying_header(refused, tmp_path):
    book = workbook(tmp_path)
    bomb_workbook(book, declared=200_000)
    err = refused(book, names="export.xlsx")
    assert "[xlsx.zip]" in err and "BadZipFile" in err


# 2. absurd used ranges


def test_million_rows_stored_uncompressed(refused, tmp_path):
    """Stored, not deflated: only the sheet scan can see the rows."""
    book = workbook(tmp_path)
    rows = "".join(f'<row r="{n}" s="1" customFormat="1"/>' for n in range(1, 1_048_577))
    stored_sheet(book, f'<worksheet xmlns="x"><sheetData>{rows}</sheetData></worksheet>')
    err = refused(book, names="export.xlsx[建议]")
    assert "[xlsx.too_large]" in err and "250000 行" in err


def test_value_in_column_xfd(refused, tmp_path):
    book = workbook(tmp_path)
    edit_sheet(book, lambda xml: xml.replace("</sheetData>", '<row r="9"><c r="XFD9"><v>1</v></c></row></sheetData>'))
    err = refused(book, names="export.xlsx[建议]")
    assert "[xlsx.too_large]" in err and "XFD" in err


def test_dimension_tag_and_styled_far_cell_are_read(previous_out, tmp_path):
    """A sheet whose <dimension> says A1:XFD1048576 and which has a styled
    empty cell in XFD1048576, but few real cells, is read like the CSVs of
    the same rows (the workbook reader walks only the range holding values)."""
    book = workbook(tmp_path)

    def widen(xml: str) -> str:
        xml = xml.replace("<dimension ref=", '<dimension ref="A1:XFD1048576" old=', 1)
        return xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>')

    edit_sheet(book, widen)
    assert 'ref="A1:XFD1048576"' in zipfile.ZipFile(book).read(SHEET).decode()
    result = run_measured("export", "--input", book, "--out", tmp_path / "out", "--audit", tmp_path / "audit")
    assert result["status"] == 0, result["err"]
    assert tree(tmp_path / "out") == tree(previous_out)
    assert result["peak_mb"] < PEAK_RSS_LIMIT_MB


# 3. huge CSV cells and files


def test_csv_cell_of_50_mb(refused, tmp_path):
    rows = [suggestion(1), suggestion(2, **{"建议内容": "长" * (50 * 1024 * 1024)})]
    folder = write_export(tmp_path / "export", {"suggestions": rows})
    err = refused(folder, names="suggestions.csv 第 3 行「建议内容」")
    assert "[file.cell_too_large]" in err


def test_csv_over_the_size_cap_is_not_read(refused, tmp_path):
    folder = write_export(tmp_path / "export")
    os.truncate(folder / "suggestions.csv", CSV_MAX_BYTES + 1)  # sparse: nothing on disk
    err = refused(folder, names="suggestions.csv")
    assert "[file.too_large]" in err


# 4. NUL bytes


def test_nul_in_csv(refused, tmp_path):
    rows = [suggestion(1), suggestion(2, **{"建议标题": "关于\x00电梯"})]
    err = refused(write_export(tmp_path / "export", {"suggestions": rows}), names="suggestions.csv 第 3 行「建议标题」")
    assert "[value.nul]" in err


def test_nul_in_xlsx_cell(refused, tmp_path):
    book = workbook(tmp_path)
    edit_sheet(book, lambda xml: _replace_cell(xml, "F3", '<c r="F3" t="inlineStr"><is><t>关于&#0;电梯</t></is></c>'))
    err = refused(book, names="export.xlsx[建议] 第 3 行「F」")
    assert "[xlsx.xml]" in err


def _replace_cell(xml: str, reference: str, cell: str) -> str:
    import re

    replaced, count = re.subn(rf'<c r="{reference}"[^>]*>.*?</c>', cell, xml, count=1)
    assert count == 1
    return replaced


# 5, 6. encodings


def test_mixed_utf8_and_gb18030_rows(refused, tmp_path):
    folder = write_export(tmp_path / "export")
    path = folder / "suggestions.csv"
    rows = [suggestion(1), suggestion(2), suggestion(3)]
    write_csv(path, headers("suggestions"), rows, encoding="utf-8")
    lines = path.read_bytes().split(b"\r\n")
    lines[2] = lines[2].decode("utf-8").encode("gb18030")  # row 3 saved as GB18030
    path.write_bytes(b"\r\n".join(lines))
    err = refused(folder, names="suggestions.csv 第 3 行")
    assert "[file.mixed_encoding]" in err and "第 2 行" not in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_is_refused_with_a_hint(refused, tmp_path, encoding):
    folder = write_export(tmp_path / "export")
    rows = default_rows()["suggestions"]
    write_csv(folder / "suggestions.csv", headers("suggestions"), rows, encoding=encoding)
    err = refused(folder, names="suggestions.csv")
    assert "[file.utf16]" in err and "CSV UTF-8" in err


# 7. symlinks out of INPUT


@pytest.mark.parametrize("target", ["/etc/passwd", "elsewhere"])
def test_csv_symlink_out_of_input(refused, tmp_path, target):
    folder = write_export(tmp_path / "export")
    if target == "elsewhere":
        target = write_export(tmp_path / "elsewhere") / "suggestions.csv"
    (folder / "suggestions.csv").unlink()
    (folder / "suggestions.csv").symlink_to(target)
    err = refused(folder, names="suggestions.csv")
    assert "[file.outside]" in err


def test_workbook_symlink_out_of_input(refused, tmp_path):
    outside = workbook(tmp_path / "elsewhere")
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "export.xlsx").symlink_to(outside)
    err = refused(folder, names="export.xlsx")
    assert "[file.outside]" in err


# 8. FIFOs and devices


def test_fifo_inside_the_folder(refused, tmp_path):
    folder = write_export(tmp_path / "export")
    (folder / "suggestions.csv").unlink()
    os.mkfifo(folder / "suggestions.csv")
    err = refused(folder, names="suggestions.csv")
    assert "[file.not_regular]" in err


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_input_is_a_fifo_or_a_device(refused, tmp_path, kind):
    path = Path("/dev/zero")
    if kind == "fifo":
        path = tmp_path / "export.xlsx"
        os.mkfifo(path)
    err = refused(path, names=str(path))
    assert "[file.not_regular]" in err


# 9. YAML


@pytest.mark.parametrize(
    ("text", "why"),
    [(billion_laughs(), "别名"), ("suggestions: !!python/object/apply:os.system ['touch PWNED']\n", "标签")],
)
def test_hostile_mapping_file(refused, tmp_path, text, why):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(text, encoding="utf-8")
    err = refused(write_export(tmp_path / "export"), "--mapping", mapping, status=2, names=str(mapping))
    assert "[yaml.unsafe]" in err and why in err
    assert not (ROOT / "PWNED").exists()


def test_hostile_dataset_yaml(refused, tmp_path):
    folder = write_export(tmp_path / "export")
    (folder / "dataset.yaml").write_text(billion_laughs(), encoding="utf-8")
    err = refused(folder, names="dataset.yaml")
    assert "[yaml.unsafe]" in err
