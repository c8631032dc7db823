"""The anonymise stage as it stands: own values replaced verbatim, labels."""

from pipeline.anonymise import personal_values, public_labels, scrub

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
