"""The anonymise stage: own values, every known value of the export, then
the pattern families; each removal counted by family."""

from collections import Counter

from pipeline.anonymise import Anonymiser, personal_values

RECORD = {
    "proposer_name": "王芳",
    "proposer_phone": "13905161234",
    "proposer_id_number": "320302199001011234",
    "proposer_address": "鼓楼区中山北路100号2栋301室",
    "proposer_email": "wangfang@example.com",
    "proposer_employer": "徐州百川科技有限公司",
    "title": "不是个人信息",
}


def test_personal_values_skip_empty_generic_and_non_personal_fields():
    assert personal_values({**RECORD, "proposer_employer": "个体工商户", "proposer_email": ""}) == [
        ("王芳", "name"),
        ("13905161234", "landline"),
        ("320302199001011234", "id_number"),
        ("鼓楼区中山北路100号2栋301室", "address"),
    ]


def test_personal_values_are_folded():
    assert personal_values({"proposer_phone": "１３９０５１６１２３４"}) == [("13905161234", "landline")]


def test_each_own_value_is_replaced_by_its_family_placeholder():
    text = "王芳 13905161234 320302199001011234 鼓楼区中山北路100号2栋301室 wangfang@example.com 徐州百川科技有限公司"
    cleaned, counts = Anonymiser([]).clean(text, personal_values(RECORD))
    assert (
        cleaned == "【姓名已隐去】 【电话已隐去】 【身份证号已隐去】 【地址已隐去】 【邮箱已隐去】 【工作单位已隐去】"
    )
    assert counts == Counter(name=1, landline=1, id_number=1, address=1, email=1, employer=1)


def test_known_values_catch_other_proposers_anywhere():
    anonymiser = Anonymiser(
        [
            RECORD,
            {"proposer_name": "张金凤", "proposer_phone": "13812345678", "proposer_email": "jf@example.com"},
            {"recipient_name": "欧阳娜娜"},
            {"proposer_name": "王某", "proposer_employer": "已退休"},
        ]
    )
    text = "邻居张金凤（13812345678，jf@example.com）和欧阳娜娜都已退休，王芳也同意。"
    cleaned, counts = anonymiser.clean(text)
    assert cleaned == (
        "邻居【姓名已隐去】（【手机号已隐去】，【邮箱已隐去】）和【姓名已隐去】都已退休，【姓名已隐去】也同意。"
    )
    assert counts == Counter(name=3, mobile=1, email=1)
    assert anonymiser.clean(cleaned) == (cleaned, Counter())


def test_longest_value_wins():
    anonymiser = Anonymiser([{"proposer_name": "张伟"}, {"proposer_address": "张伟家园小区3栋"}])
    assert anonymiser.clean("我是张伟，住张伟家园小区3栋。")[0] == "我是【姓名已隐去】，住【地址已隐去】。"


def test_empty_text():
    assert Anonymiser([RECORD]).clean(None) == (None, Counter())
    assert Anonymiser([RECORD]).clean("") == ("", Counter())
