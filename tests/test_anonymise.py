"""The anonymise stage as it stands: own values replaced verbatim, labels."""

from pipeline.anonymise import KnownValues, personal_values, public_labels, scrub

RECORD = {
    "proposer_name": "王芳",
    "proposer_phone": "13905161234",
    "proposer_id_number": "320302199001011234",
    "proposer_address": "鼓楼区中山北路100号2栋301室",
    "proposer_email": "wangfang@example.com",
    "proposer_employer": "",
    "title": "不是个人信息",
}


def test_personal_values_skip_empty_and_non_personal_fields():
    values = [value for value, _ in personal_values(RECORD)]
    assert values == [
        "王芳",
        "13905161234",
        "320302199001011234",
        "鼓楼区中山北路100号2栋301室",
        "wangfang@example.com",
    ]


def test_each_personal_field_is_replaced_by_its_placeholder():
    text = "王芳 13905161234 320302199001011234 鼓楼区中山北路100号2栋301室 wangfang@example.com"
    assert scrub(text, personal_values(RECORD)) == (
        "【姓名已隐去】 【电话已隐去】 【身份证号已隐去】 【地址已隐去】 【邮箱已隐去】"
    )


def test_longest_value_first_and_idempotent():
    pairs = [("张伟", "【姓名已隐去】"), ("张伟家园小区3栋", "【地址已隐去】")]
    once = scrub("我是张伟，住张伟家园小区3栋。", pairs)
    assert once == "我是【姓名已隐去】，住【地址已隐去】。"
    assert scrub(once, pairs) == once
    assert scrub(None, pairs) is None and scrub("", pairs) == ""


def test_labels_coarsen_rare_pairs():
    pairs = [("教师", "泉山区")] * 5 + [("教师", "丰县")] * 4
    labels = public_labels(pairs, 5)
    assert labels[("教师", "泉山区")] == ("泉山区", "教师 · 泉山区")
    assert labels[("教师", "丰县")] == (None, "教师 · 徐州市")


def test_known_values_catch_other_proposers_anywhere():
    known = KnownValues(
        [
            RECORD,
            {"proposer_name": "张金凤", "proposer_phone": "13812345678", "proposer_email": "jf@example.com"},
            {"recipient_name": "欧阳娜娜"},
            {"proposer_name": "王某", "proposer_employer": "已退休"},
        ]
    )
    text = "邻居张金凤（13812345678，jf@example.com）和欧阳娜娜都已退休，王芳也同意；电话013812345678不是她的。"
    assert known.scrub(text) == (
        "邻居【姓名已隐去】（【电话已隐去】，【邮箱已隐去】）和【姓名已隐去】都已退休，"
        "【姓名已隐去】也同意；电话013812345678不是她的。"
    )
    assert known.scrub(known.scrub(text)) == known.scrub(text)


def test_clean_applies_own_values_then_everyone():
    known = KnownValues([RECORD, {"proposer_name": "李娜"}])
    own = personal_values(RECORD)
    assert known.clean("本人王芳，住鼓楼区中山北路100号2栋301室，李娜是邻居。", own) == (
        "本人【姓名已隐去】，住【地址已隐去】，【姓名已隐去】是邻居。"
    )


def test_generic_values_are_not_treated_as_personal():
    assert personal_values({"proposer_employer": "个体工商户", "proposer_name": "赵六"}) == [("赵六", "【姓名已隐去】")]
