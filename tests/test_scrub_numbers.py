"""The number families of pipeline.scrub: mobile and landline (phones.py), ID
number and bank card (identity.py), e-mail, WeChat and QQ (contacts.py),
licence plate (plates.py). The corpus test runs them with every other
family; here each family is checked on its own, plus the accept logic
(checksum, Luhn), idempotency, full-width input and the corpus data itself."""

import time
from pathlib import Path

import pytest
import yaml

from pipeline.scrub import contacts, fold, identity, phones, placeholder, plates, scrub_text
from pipeline.scrub.families import ORDER

CORPUS = Path(__file__).parent / "corpus"
NUMBER_FAMILIES = [*contacts.FAMILIES, *identity.FAMILIES, *phones.FAMILIES, *plates.FAMILIES]
NAMES = ("mobile", "landline", "id_number", "bank_card", "email", "wechat", "qq", "plate")


def scrub(text, families=NUMBER_FAMILIES):
    return scrub_text(text, families)[0]


def only(name):
    return [family for family in NUMBER_FAMILIES if family.name == name]


def recall_entries():
    return yaml.safe_load((CORPUS / "recall_numbers.yaml").read_text(encoding="utf-8"))


# -- independent checks of the invented corpus data ---------------------------------

WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]  # 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, ...


def gb11643_valid(number: str) -> bool:
    """The ISO 7064 MOD 11-2 check of GB 11643-1999, written out again."""
    total = sum(int(c) * w for c, w in zip(number[:17], WEIGHTS))
    return number[17].upper() == "10X98765432"[total % 11]


def luhn_valid(digits: str) -> bool:
    doubled = [int(c) * 2 if i % 2 else int(c) for i, c in enumerate(reversed(digits))]
    return sum(d // 10 + d % 10 for d in doubled) % 10 == 0


def digits_of(value: str) -> str:
    return "".join(c for c in fold(value) if c not in " -")


# Corpus values that deliberately fail their check, and why.
ID_NOT_VALID = {
    "320302198603045171": "a typo: the check character should be X",
    "123456789012345678": "no ID shape: removed only because of the 身份证号 cue",
}
CARD_NOT_LUHN = {
    "6222908301661314",
    "6227746507529173",
    "6259268465632122",
    "32050161360009876543",
    "123456789012345678",
}


def test_weights_are_those_of_the_standard():
    assert WEIGHTS == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    assert tuple(WEIGHTS) == identity.ID_WEIGHTS


def test_corpus_ids_have_the_checksum_they_claim():
    ids = [digits_of(e["value"]) for e in recall_entries() if e["family"] == "id_number"]
    long_ones = [n for n in ids if len(n) == 18]
    assert len(long_ones) >= 12
    for number in long_ones:
        assert gb11643_valid(number) == (number not in ID_NOT_VALID), number
    assert set(ID_NOT_VALID) <= set(long_ones)
    assert all(len(n) in (15, 18) for n in ids)


def test_corpus_cards_are_luhn_valid_unless_marked():
    cards = [digits_of(e["value"]) for e in recall_entries() if e["family"] == "bank_card"]
    for number in cards:
        assert luhn_valid(number) == (number not in CARD_NOT_LUHN), number


def test_corpus_covers_every_number_family():
    entries = recall_entries()
    assert len(entries) >= 110
    counts = {name: sum(e["family"] == name for e in entries) for name in NAMES}
    assert min(counts.values()) >= 10, counts
    precision = yaml.safe_load((CORPUS / "precision_numbers.yaml").read_text(encoding="utf-8"))
    assert len(precision) >= 45


def test_family_names_have_placeholders():
    for family in NUMBER_FAMILIES:
        assert family.name in NAMES
        assert family.placeholder == placeholder(family.name)


# -- mobile ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "13852147963",
        "138 5214 7963",
        "138-5214-7963",
        "1385 214 7963",
        "+86 13852147963",
        "+86-138-5214-7963",
        "0086 13852147963",
        "8613852147963",
        "(+86)13852147963",
        "（+86） 138 5214 7963",
        "＋８６ １３８５２１４７９６３",
        "138—5214—7963",
    ],
)
def test_mobile_every_spelling_prefix_included(text):
    assert scrub(f"电话{text}。", only("mobile")) == f"电话{placeholder('mobile')}。"


def test_mobile_prefix_left_by_the_verbatim_pass_goes_with_the_placeholder():
    mark = placeholder("mobile")
    assert scrub(f"联系电话：+86 {mark}。", only("mobile")) == f"联系电话：{mark}。"
    assert scrub(f"（+86）{mark}", only("mobile")) == mark
    assert scrub(f"共86 {mark}", only("mobile")) == f"共86 {mark}"  # a bare 86 may be a count


@pytest.mark.parametrize("text", ["12345678901", "10012345678", "11223344556", "138521479631", "3138521479"])
def test_mobile_needs_1_3to9_and_exactly_11_digits(text):
    assert scrub(text, only("mobile")) == text


# -- landline -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "0516-83801234",
        "0516 8380 1234",
        "051683801234",
        "（0516）83801234",
        "(0516) 8380-1234",
        "010-62581473",
        "025-84561237",
        "0516-83801234转8021",
        "0516-83801234-8021",
        "0516-83801234 ext 8021",
        "+86 516 8380 1234",
    ],
)
def test_landline_with_area_code(text):
    assert scrub(f"电话{text}。", only("landline")) == f"电话{placeholder('landline')}。"


def test_bare_local_number_only_after_a_phone_cue():
    mark = placeholder("landline")
    assert scrub("家里座机：8380 1234", only("landline")) == f"家里座机：{mark}"
    assert scrub("请拨打8765432", only("landline")) == f"请拨打{mark}"
    assert scrub("全年完成83801234元", only("landline")) == "全年完成83801234元"  # no cue
    assert scrub("联系服务群众2345678人次", only("landline")) == "联系服务群众2345678人次"  # a count


def test_bare_local_numbers_listed_after_a_removed_phone():
    mark = placeholder("landline")
    assert scrub("电话：83801234、83805678、83809999") == f"电话：{mark}、{mark}"
    assert scrub("电话13852147963/83801234") == f"电话{placeholder('mobile')}/{mark}"
    assert scrub("电话83801234，2345678人参加") == f"电话{mark}，2345678人参加"


@pytest.mark.parametrize(
    "text",
    [
        "拨打12345热线",
        "热线电话0516-12345",
        "城建热线12319",
        "燃气热线96777",
        "拨打110、119、120",
        "客服电话400-828-1234",
        "徐州区号0516",
        "邮编221000",
    ],
)
def test_public_service_numbers_are_kept(text):
    assert scrub(text) == text


# -- ID numbers -----------------------------------------------------------------------


def test_id_number_spellings():
    mark = placeholder("id_number")
    for spelled in (
        "320311197502039709",
        "32030219880712331x",
        "320302 19880712 331X",
        "3203 0219 8807 1233 1X",
        "320302-19880712-331X",
        "320302880712331",  # old 15-digit form
    ):
        assert scrub(f"身份{spelled}。", only("id_number")) == f"身份{mark}。", spelled


def test_checksum_labels_but_never_decides():
    good, typo = "32030219860304517X", "320302198603045171"
    assert identity.id_checksum_ok(good) and not identity.id_checksum_ok(typo)
    for number in (good, typo):  # the shape decides: both go
        assert scrub(f"号码{number}", only("id_number")) == f"号码{placeholder('id_number')}"
    # a valid checksum rescues a date that does not exist (Feb 31)
    assert identity.id_checksum_ok("320302198802314264")
    assert scrub("号码320302198802314264", only("id_number")) == f"号码{placeholder('id_number')}"
    # no region, no birth date, no checksum: not an ID (unless a cue says so)
    assert scrub("号码123456789012345678", only("id_number")) == "号码123456789012345678"
    assert scrub("身份证号：123456789012345678", only("id_number")) == f"身份证号：{placeholder('id_number')}"


def test_old_id_needs_a_real_yymmdd():
    assert scrub("320302881312331", only("id_number")) == "320302881312331"  # month 13
    assert scrub("320302880230331", only("id_number")) == "320302880230331"  # Feb 30


def test_refused_run_does_not_swallow_the_id_after_it():
    text = "编号2024 320311197502039709"
    assert scrub(text, only("id_number")) == f"编号2024 {placeholder('id_number')}"


# -- bank cards -----------------------------------------------------------------------


def test_luhn():
    assert identity.luhn_ok("6222908301661313") and not identity.luhn_ok("6222908301661314")
    assert identity.luhn_ok("79927398713")  # the textbook example


def test_bank_card_luhn_decides_without_a_cue():
    mark = placeholder("bank_card")
    assert scrub("打到6222 9083 0166 1313", only("bank_card")) == f"打到{mark}"
    assert scrub("打到6222908301661314", only("bank_card")) == "打到6222908301661314"
    assert scrub("银行卡：6222908301661314", only("bank_card")) == f"银行卡：{mark}"
    assert scrub("工资卡号 6222 9083 0166 1314", only("bank_card")) == f"工资卡号 {mark}"


def test_refused_run_does_not_swallow_the_card_after_it():
    assert scrub("2024 6222908301661313", only("bank_card")) == f"2024 {placeholder('bank_card')}"


# -- e-mail, WeChat, QQ ---------------------------------------------------------------


def test_email_spellings():
    mark = placeholder("email")
    for spelled in ("zhang.wei@163.com", "zhang＠１６３．com", "zhang at 163.com", "zhang(at)163.com", "zhang@163"):
        assert scrub(f"邮箱{spelled}，", only("email")) == f"邮箱{mark}，", spelled


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("微信：zhang_wei1988", "微信："),
        ("微信号是 wangli2020", "微信号是 "),
        ("VX：chenmei_88", "VX："),
        ("vx sunhao1990", "vx "),
        ("V信 zhaoqiang666", "V信 "),
        ("wx:xz_liming", "wx:"),
        ("weixin：huanglei_0516", "weixin："),
    ],
)
def test_wechat_keeps_the_cue(text, kept):
    assert scrub(text, only("wechat")) == kept + placeholder("wechat")


def test_wechat_leaves_mobiles_to_the_mobile_family_and_words_alone():
    assert scrub("加我vx 13852147963", only("wechat")) == "加我vx 13852147963"
    assert scrub("加我vx 13852147963") == f"加我vx {placeholder('mobile')}"
    for text in ("关注微信公众号", "在微信 WeChat 上", "微信群300个", "微信12345热线"):
        assert scrub(text) == text


@pytest.mark.parametrize(
    ("text", "kept"),
    [("QQ 287410365", "QQ "), ("qq:1046728395", "qq:"), ("QQ号：56473829", "QQ号："), ("扣扣908172635", "扣扣")],
)
def test_qq_keeps_the_cue(text, kept):
    assert scrub(text, only("qq")) == kept + placeholder("qq")


def test_qq_counts_and_mail_domains_are_not_numbers():
    assert scrub("QQ群12000人") == "QQ群12000人"
    assert scrub("qq.com") == "qq.com"


# -- plates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "plate", ["苏C12345", "苏C·12345", "苏C 1234X", "苏CD12345", "苏C12345D", "京A·F0236", "苏c52736", "苏C1234学"]
)
def test_plates(plate):
    assert scrub(f"车{plate}停在门口", only("plate")) == f"车{placeholder('plate')}停在门口"


@pytest.mark.parametrize("text", ["苏C牌照", "云APPLE", "京东APP", "新ABCDE", "G206国道"])
def test_not_plates(text):
    assert scrub(text, only("plate")) == text


# -- idempotency, folding, speed -----------------------------------------------------


def test_idempotent_on_the_whole_recall_corpus():
    for entry in recall_entries():
        once = scrub(entry["text"])
        assert scrub_text(once, NUMBER_FAMILIES) == (once, {})
        everything = scrub(entry["text"], ORDER)
        assert scrub_text(everything, ORDER) == (everything, {})


def test_fold_then_scrub_full_width():
    text = (
        "电话：１３８　５２１４　７９６３，身份证３２０３１１１９７９０４１６０１９Ｘ，"
        "邮箱ｌｉ＠１２６．ｃｏｍ，ＱＱ：７７８８９９１２３"
    )
    expected = (
        f"电话：{placeholder('mobile')}，身份证{placeholder('id_number')}，"
        f"邮箱{placeholder('email')}，QQ：{placeholder('qq')}"
    )
    assert scrub(text) == expected
    assert scrub(fold(text)) == expected


def test_placeholders_match_no_pattern():
    text = "".join(placeholder(name) for name in NAMES)
    assert scrub_text(text, ORDER) == (text, {})


@pytest.mark.parametrize(
    "hostile",
    [
        "1 " * 5000,
        "1" * 10000,
        "a" * 10000 + "@",
        "a." * 5000 + "@x",
        "微信" + "a" * 10000,
        "电话" + "-" * 10000,
        "0516 " * 2000,
        "苏C" * 5000,
    ],
)
def test_no_catastrophic_backtracking(hostile):
    start = time.perf_counter()
    scrub(hostile)
    assert time.perf_counter() - start < 1.0
