"""The leak scanner (pipeline/leaks): the second line of defence, independent
of the scrubber. The leaky fixture gives exactly the expected findings; each
family finds its spellings and leaves the site's legitimate strings alone; a
raw export's values are found in other spellings; a finding never carries
the value.

Run from the project root: .venv/bin/python -m pytest tests/test_leaks.py -q
"""

from __future__ import annotations

import ast
import gzip
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from exports import commendation, suggestion, write_export
from pelican import Pelican
from pelican.settings import read_settings

from pipeline.leaks import FAMILY_CODES, Leak, RawValues, format_leak, raw_values, scan, scan_text

ROOT = Path(__file__).resolve().parents[1]
LEAKY = ROOT / "tests" / "fixtures" / "leaky"
CLEAN = LEAKY / "clean"
SITE_DATA = ROOT / "tests" / "fixtures" / "public"
FORBIDDEN = ("pipeline.scrub", "pipeline.anonymise", "pipeline.__main__")

YAML = "proposals/xzjy-2024-000901.yaml"
HTML = "proposals/xzjy-2024-000901/index.html"
FRAGMENT = "pagefind/fragment/zh_5f3a9c.pf_fragment"

# Every finding in the leaky fixture, families only (clean/, the pagefind
# entry, the commendations and the skipped .css/.js give none).
EXPECTED = [
    ("export.csv", "line 2, col 7", "bank_card"),
    ("export.csv", "line 2, col 32", "mobile"),
    ("export.csv", "line 3, col 8", "id_number"),
    (FRAGMENT, "line 1, col 64", "name_cue"),
    (FRAGMENT, "line 1, col 72", "id_number"),
    (FRAGMENT, "line 1, col 91", "birth"),
    (YAML, "line 15, col 5", "name_cue"),
    (YAML, "line 15, col 14", "address"),
    (YAML, "line 16, col 7", "mobile"),  # full-width digits
    (YAML, "line 16, col 24", "email"),  # wangjg(at)example.com
    (YAML, "line 17, col 5", "birth"),
    (YAML, "line 17, col 24", "id_number"),  # spaced 6-8-4
    (HTML, "line 14, col 22", "mobile"),  # href="tel:&#49;&#51;…"
    (HTML, "line 15, col 20", "landline"),  # data-contact attribute
    (HTML, "line 16, col 8", "plate"),
    (HTML, "line 16, col 32", "qq"),
    (HTML, "line 16, col 45", "wechat"),
    (HTML, "line 17, col 16", "mobile"),  # 138 5200 1234
    ("records.json", "record 2", "email"),
    ("records.json", "record 3", "mobile"),  # \u0031\u0033… escapes
    ("records.json", "record 4", "mobile"),  # a JSON number
]

# With the raw export of raw_export(): its values win over a family on the
# same text, and are found where no family looks (names, the employer).
EXPECTED_WITH_RAW = [
    ("commendations/2024.yaml", "line 10, col 14", "raw_value"),  # 张伟 declined to be named
    ("export.csv", "line 2, col 7", "bank_card"),
    ("export.csv", "line 2, col 32", "mobile"),
    ("export.csv", "line 3, col 8", "id_number"),
    ("export.csv", "line 4, col 26", "raw_value"),  # the employer
    (FRAGMENT, "line 1, col 64", "name_cue"),
    (FRAGMENT, "line 1, col 72", "id_number"),
    (FRAGMENT, "line 1, col 91", "birth"),
    (YAML, "line 15, col 5", "name_cue"),
    (YAML, "line 15, col 14", "address"),
    (YAML, "line 16, col 7", "mobile"),
    (YAML, "line 16, col 24", "email"),
    (YAML, "line 17, col 5", "birth"),
    (YAML, "line 17, col 24", "id_number"),
    (HTML, "line 14, col 22", "mobile"),
    (HTML, "line 15, col 20", "raw_value"),  # 李娜's landline 0516-83881234
    (HTML, "line 16, col 8", "plate"),
    (HTML, "line 16, col 32", "qq"),
    (HTML, "line 16, col 45", "wechat"),
    (HTML, "line 17, col 8", "raw_value"),  # 张伟
    (HTML, "line 17, col 16", "raw_value"),  # his mobile, spaced
    (HTML, "line 17, col 32", "raw_value"),  # 李娜: named with consent, but only under commendations/
    ("records.json", "record 2", "email"),
    ("records.json", "record 3", "mobile"),
    ("records.json", "record 4", "mobile"),
]

# Strings the published site legitimately shows: no family may flag them.
PRECISION = [
    "【手机号已隐去】【姓名已隐去】【QQ号已隐去】【电话已隐去】【身份证号已隐去】【地址已隐去】【微信号已隐去】",
    "建议编号 xzjy-2024-000123、XZJY-2024-000123、xzjy-2025-000078",
    "收到日期 2024-03-05，2024年3月5日，2024/3/5，2024.03.05，2024-03",
    "依据徐委办〔2024〕17号文件和徐政发〔2023〕108号",
    "社区协助事项由148项精简为61项，证明事项由20项增加到31项，惠及20000余户",
    "区号0516，拨打12345热线，0516-12345，邮编221000、221018",
    ".badge { color: #138123; background: #0516ff; border-color: #13812345; }",
    '<a href="../../proposals/xzjy-2024-000188/">相关建议</a>',
    "https://example.gov.cn/proposals/xzjy-2024-000123/index.html?page=2#top",
    '<svg viewBox="0 0 120 20"><path d="M0 10 L13.8123 4.5678 L120 13.81234567 L1381234.5678 9"/></svg>',
    '<time datetime="2024-03-05T09:30:00+08:00">2024年3月5日</time> 2024-03-05T09:30:00.123456Z',
    '{"count": 148, "published": 99, "received": 300, "ratio": 0.13812345678, "words": 20000}',
    "时间戳 1714567890 与 1714567890123",
    "市委社会工作部微信留言板；关注微信公众号；加入QQ群123456；扣扣群",
    "本人徐州人，联系人：王先生，联系人:李女士。建议人提出：建议人、电梯企业和社区面对面商议。本人认为可行。",
    "该事故发生于2020年；该制度诞生于1990年；出生人口增加；2024年3月5日生效",
    "icon@2x.png logo@3x.webp",
    "hash zh_a13812345678b，sha 9f8e13812345678a，id a6222021234567803",
    "湖北路18号，新城区行政中心东路1号，地铁1号线2号口，3号楼，18号301",
    "苏ICP备12345678号，新A股",
    "累计投入1,380,000元，完成率13.8%",
]

RECALL = {
    "mobile": (
        [
            *["电话13812345678。", "+86 138 1234 5678", "138-1234-5678", "１３８１２３４５６７８", "0086 13812345678"],
            *["Tel13812345678", "联系Mobile138-1234-5678", "PHONE13812345678。", "cell13812345678"],  # a glued label
        ],
        ["12812345678", "138123456789", "编号2138123456780", "Tel138123456789", "hotel13812345678"],
    ),
    "landline": (
        ["0516-83881234", "(0516)83881234", "（0516）8388 1234", "025 86543210", "+86 516 8388 1234"],
        ["0516", "0516-12345", "2024-03-05"],
    ),
    "id_number": (
        ["320302197906151231", "320302 19790615 1231", "32030219790615123x", "320302790615123"],
        ["320302197906151232", "320302197913451231", "3203021979061512"],
    ),
    "bank_card": (["6222021234567803", "6222 0212 3456 7803", "6228480123456789023"], ["6222021234567804"]),
    "email": (
        ["wangjg@example.com", "wangjg(at)example.com", "WangJG＠Example.COM", "990747766@qq.com"],
        ["icon@2x.png", "@pagefind/default-ui", "wangjg at example"],
    ),
    "wechat": (
        ["微信：zhang_wei_88", "VX: abc12345", "加wx abc12345", "WeChat: zhangwei88", "微信号wx_zw1988"],
        ["微信留言板", "微信公众号", "wxpay_abc12", "flexvx abc12345"],
    ),
    "qq": (["QQ：12345678", "扣扣 123456789", "qq号12345678"], ["QQ群123456", "qq.com", "myqq 12345678"]),
    "plate": (["苏C12345", "苏CD12345", "苏C·12345", "苏C12345D"], ["苏ICP备12345678号", "苏CABCDE"]),
    "address": (
        ["湖北路18号3栋2单元501室", "永安小区37号楼1单元201", "3栋2单元", "1号501室", "殷庄路264号20栋4单元502"],
        ["湖北路18号", "〔2024〕17号", "3号楼", "18号301", "501室"],
    ),
    "name_cue": (
        ["我叫王建国。", "本人李娜，", "建议人：张伟，", "联系人欧阳娜娜。", "我叫王芳</p>"],
        ["本人徐州人，", "联系人：王先生", "建议人提出：", "本人认为", "本人李娜建议增设驿站"],
    ),
    "birth": (
        ["出生于1985年3月12日", "生于1963年", "1985年3月出生", "出生日期：1985-03-12", "生日是3月12日"],
        ["发生于2020年", "出生人口增加", "2024年3月5日生效"],
    ),
}


def families(text: str, raw: RawValues | None = None, credit: bool = False) -> list[str]:
    return [family for _, _, family in scan_text(text, raw, credit)]


def relative(leaks: list[Leak], root: Path = LEAKY) -> list[tuple[str, str, str]]:
    prefix = root.as_posix() + "/"
    return [(leak.file.removeprefix(prefix), leak.place, leak.family) for leak in leaks]


@pytest.fixture(scope="module")
def raw_export(tmp_path_factory) -> Path:
    """张伟 (tests/exports.py defaults), 李娜 (retired, a landline), and the
    commendations: 李娜 consents to be named, 张伟 does not, 敏 is too short."""
    folder = tmp_path_factory.mktemp("raw")
    rows = {
        "suggestions": [
            suggestion(1),
            suggestion(2, **{"建议人姓名": "李娜", "联系电话": "0516-83881234", "工作单位": "已退休"}),
        ],
        "commendations": [
            commendation(**{"获奖人姓名": "李娜", "同意署名": "是"}),
            commendation(**{"获奖人姓名": "张伟", "奖项": "金点子二等奖"}),
            commendation(**{"获奖人姓名": "敏", "奖项": "金点子三等奖"}),
        ],
    }
    return write_export(folder, rows)


@pytest.fixture(scope="module")
def values(raw_export) -> RawValues:
    return raw_values(raw_export)


# --- the leaky fixture --------------------------------------------------------


def test_leaky_fixture_gives_exactly_the_expected_findings():
    assert relative(scan([LEAKY])) == EXPECTED


def test_leaky_fixture_with_raw_values(values):
    assert relative(scan([LEAKY], values)) == EXPECTED_WITH_RAW


def test_pagefind_fragment_is_gzip_and_is_read_decompressed():
    data = (LEAKY / FRAGMENT).read_bytes()
    assert data[:2] == b"\x1f\x8b" and "王建国".encode() not in data
    assert "王建国" in gzip.decompress(data).decode()


def test_scans_only_text_and_search_index_files(tmp_path):
    for name in ("a.css", "a.js", "a.wasm", "a.png", "a.svg", "a.pagefind", "a.yaml", "a.md", "a.pf_meta"):
        (tmp_path / name).write_text("13812345678", encoding="utf-8")
    assert sorted(Path(leak.file).name for leak in scan([tmp_path])) == ["a.md", "a.pf_meta", "a.yaml"]


def test_unreadable_index_file_is_a_finding(tmp_path):
    (tmp_path / "broken.pf_fragment").write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert relative(scan([tmp_path]), tmp_path) == [("broken.pf_fragment", "file", "unreadable")]


def test_missing_path_is_an_error_not_a_clean_scan(tmp_path):
    with pytest.raises(FileNotFoundError):
        scan([tmp_path / "nope"])


def test_a_single_file_can_be_scanned():
    assert relative(scan([LEAKY / "records.json"])) == [row for row in EXPECTED if row[0] == "records.json"]


def test_findings_are_unique_and_sorted():
    leaks = scan([LEAKY, LEAKY / "export.csv"])  # the CSV twice
    assert leaks == scan([LEAKY])
    assert relative(leaks) == EXPECTED  # EXPECTED is in file, line, column order


# --- no false positives -----------------------------------------------------


def test_hand_cleaned_public_data_gives_nothing():
    assert scan([CLEAN]) == []


@pytest.mark.parametrize("text", PRECISION)
def test_legitimate_strings_are_not_flagged(text):
    assert families(text) == []


def test_built_site_gives_nothing(tmp_path):
    """The site built from the clean fixture (what `make html DATA=tests/fixtures/public`
    runs: pelicanconf.py with SHOWCASE_DATA) has no finding, HTML and CSS alike."""
    output = tmp_path / "site"
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(output), "SHOWCASE_DATA": str(SITE_DATA)}
    )
    Pelican(settings=settings).run()
    assert len(list(output.rglob("*.html"))) >= 5
    assert scan([output]) == []
    assert scan([SITE_DATA]) == []


# --- each family ------------------------------------------------------------


@pytest.mark.parametrize("family", sorted(RECALL))
def test_family_finds_its_spellings(family):
    found, _ = RECALL[family]
    for text in found:
        assert families(text) == [family], text


@pytest.mark.parametrize("family", sorted(RECALL))
def test_family_ignores_look_alikes(family):
    _, ignored = RECALL[family]
    for text in ignored:
        assert family not in families(text), text


def test_every_family_has_unit_cases():
    assert set(RECALL) | {"raw_value", "raw_short_name", "unreadable"} == set(FAMILY_CODES)


def test_disguised_digits_are_found():
    for text in ("电话&#49;&#51;&#56;12345678", "电话&#x31;38 1234 5678", "电话1\u200b38\u200b1234\u200b5678"):
        assert families(text) == ["mobile"], text
    assert families('"note": "\\u0031\\u0033\\u00381234\\u0035678"') == ["mobile"]


def test_place_is_line_and_column_of_the_original_text():
    text = "第一行\n  电话：&#49;3812345678，邮箱 a@b.cn\n"
    assert scan_text(text) == [(2, 6, "mobile"), (2, 25, "email")]
    assert scan_text("a&#10;b\n13812345678") == [(2, 1, "mobile")]  # an encoded line break adds no line


# --- the raw export's values ---------------------------------------------------


def test_raw_values_of_an_export(values):
    assert {"张伟", "李娜", "zhangwei@example.com", "徐州市某某机械厂", "云龙区民主南路8号3栋2单元501室"} <= values.text
    assert {"13852001234", "051683881234", "32030319850312123x"} <= values.digits
    assert values.credited == frozenset({"李娜"})
    assert "已退休" not in values.text and "敏" not in values.text  # generic value, one-character name


def test_raw_values_in_other_spellings(values):
    for text in (
        "电话 138 5200 1234",
        "电话138-5200-1234",
        "电话+86 13852001234",
        "电话１３８５２００１２３４",
        "电话&#49;3852001234",
        "身份证320303 19850312 123x",
        "邮箱 ZhangWei@Example.com",
        "座机(0516)8388-1234",
        "感谢张伟同志",
    ):
        assert families(text, values) == ["raw_value"], text


def test_raw_values_are_not_found_inside_longer_values(values):
    assert families("邮箱 xzhangwei@example.com", values) == ["email"]
    assert families("编号 9051683881234", values) == []  # a short number inside a longer one


def test_consented_name_only_under_commendations(values, tmp_path):
    for folder in ("commendations", "proposals", "stories", "pagefind"):
        (tmp_path / folder).mkdir()
    for name in ("commendations/2024.yaml", "commendations/index.html", "proposals/x.html", "stories/x.yaml"):
        (tmp_path / name).write_text("获奖人：李娜", encoding="utf-8")
    (tmp_path / "commendations" / "2024.json").write_text('["李娜"]', encoding="utf-8")
    (tmp_path / "pagefind" / "x.pf_fragment").write_bytes(gzip.compress("李娜".encode(), mtime=0))
    (tmp_path / "index.html").write_text("李娜", encoding="utf-8")
    assert relative(scan([tmp_path], values), tmp_path) == [
        ("commendations/2024.json", "record 1", "raw_value"),
        ("index.html", "line 1, col 1", "raw_value"),
        ("pagefind/x.pf_fragment", "line 1, col 1", "raw_value"),
        ("proposals/x.html", "line 1, col 5", "raw_value"),
        ("stories/x.yaml", "line 1, col 5", "raw_value"),
    ]
    assert scan([tmp_path / "commendations" / "2024.yaml"], values) == []  # one file, in commendations/


def test_two_character_name_inside_a_word_is_reported_apart():
    """With thousands of people in an export, two-character names turn up
    inside ordinary words; found there without a cue they are `raw_short_name`
    (for a person to check), everywhere else `raw_value`."""
    values = RawValues.build(names=["高峰", "关建", "王建国"], text=["高峰路"])
    assert families("关于早晚高峰拥堵的建议", values) == ["raw_short_name"]
    assert families("相关建议", values) == ["raw_short_name"]
    for text in ("感谢高峰同志", "邻居高峰也提过", "（高峰 电话）", "高峰：", "联系人关建。", "王建国提出"):
        assert families(text, values) == ["raw_value"], text
    assert families("家住高峰路口", values) == ["raw_value"]  # the longer value wins


def test_a_name_inside_a_consented_name_is_allowed_there_only(tmp_path):
    values = RawValues.build(names=["王雪"], credited=["王雪梅"])
    assert families("获奖人：王雪梅", values, credit=True) == []
    assert families("获奖人：王雪梅", values) == ["raw_value"]
    assert families("王雪提出", values, credit=True) == ["raw_value"]


def test_unreadable_raw_export_is_an_error(tmp_path):
    from pipeline.leaks.raw import RawExportError

    with pytest.raises(RawExportError):
        raw_values(tmp_path)


# --- a finding never carries the value --------------------------------------


def test_findings_never_carry_the_value(values):
    secrets = [*values.text, *values.digits, "13912345678", "王建国", "320302", "6222", "13705168888", "苏CD12345"]
    leaks = scan([LEAKY], values)
    assert leaks
    for leak in leaks:
        for shown in (str(leak), repr(leak), format_leak(leak)):
            assert not any(secret in shown.lower() for secret in secrets), shown
    shown = repr(values)
    assert not any(secret in shown for secret in secrets), shown


def test_format_leak_is_chinese_for_staff():
    assert format_leak(Leak("output/proposals/x/index.html", "line 12", "mobile")) == (
        "output/proposals/x/index.html 第 12 行：疑似手机号 [mobile]"
    )
    assert (
        format_leak(Leak("a.yaml", "line 3, col 5", "raw_value"))
        == "a.yaml 第 3 行第 5 列：原始导出中的个人信息 [raw_value]"
    )
    assert format_leak(Leak("r.json", "record 3", "email")) == "r.json 第 3 条记录：疑似电子邮箱 [email]"
    assert format_leak(Leak("x.pf_index", "file", "unreadable")).startswith("x.pf_index 整个文件：")


# --- independence and speed -------------------------------------------------


def test_imports_nothing_from_the_scrubber(raw_export):
    """Not in its source, and not through another module either: scanning
    with raw values loads neither pipeline.scrub nor pipeline.anonymise."""
    for path in (ROOT / "pipeline" / "leaks").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = {0: "", 1: "pipeline.leaks.", 2: "pipeline."}[node.level]
                modules = [base + (node.module or "")] + [f"{base}{node.module or ''}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                assert not module.replace("..", ".").startswith(FORBIDDEN), (path.name, module)
    code = (
        "import sys; from pathlib import Path; from pipeline.leaks import raw_values, scan; "
        f"scan([Path({str(LEAKY)!r})], raw_values(Path({str(raw_export)!r}))); "
        f"print(sorted(m for m in sys.modules if m.startswith({FORBIDDEN!r})))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_thousands_of_files_and_values_in_seconds(tmp_path):
    """3,000 files against 20,000 raw values: well under a second per
    thousand files (a regression to per-character cost shows here)."""
    sources = sorted(p for p in CLEAN.rglob("*.yaml"))
    for i in range(3000):
        folder = tmp_path / f"d{i // 500}"
        folder.mkdir(exist_ok=True)
        shutil.copyfile(sources[i % len(sources)], folder / f"f{i}.yaml")
    rnd = random.Random(0)
    rare = [chr(c) for c in range(0x3400, 0x4DB5)]  # CJK extension A: never in the fixture's text
    names = ["".join(rnd.choice(rare) for _ in range(rnd.randint(2, 3))) for _ in range(20000)]
    many = RawValues.build(text=names, digits=[f"139{n:08d}" for n in range(0, 20000 * 3, 3)])
    started = time.perf_counter()
    assert scan([tmp_path], many) == []
    assert time.perf_counter() - started < 6


def test_consented_name_under_each_editions_commendations_only(values, tmp_path):
    """The English and Traditional editions repeat the commendation pages one folder down; a name
    is allowed there as at the root, and nowhere else in the edition (its proposals, its root)."""
    for name in (
        "en/commendations/2024/index.html",
        "zh-hant/sessions/x/index.html",
        "en/proposals/x/index.html",
        "zh-hant/index.html",
        "fr/commendations/index.html",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("获奖人：李娜", encoding="utf-8")
    assert relative(scan([tmp_path], values), tmp_path) == [
        ("en/proposals/x/index.html", "line 1, col 5", "raw_value"),
        ("fr/commendations/index.html", "line 1, col 5", "raw_value"),
        ("zh-hant/index.html", "line 1, col 5", "raw_value"),
    ]
