"""Personal data planted in free text the way people really write it, and a
little hostile markup. Sometimes the record's own values appear verbatim (the
pipeline replaces those), sometimes spelled differently: spaced or dashed
phone numbers, +86, full-width digits, a lower-case x in an ID number, an
address without 徐州市. Sometimes another proposer's name appears."""

from __future__ import annotations

import random

from .people import Person
from .texts import Paragraphs

FULL_WIDTH = str.maketrans("0123456789xX", "０１２３４５６７８９ｘＸ")

MARKUP = (
    "<script>alert(1)</script>",
    "<b>紧急</b>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">详情</a>',
    "{{ 7*7 }}",
    "</textarea><svg onload=alert(1)>",
)


def phone_variant(rnd: random.Random, phone: str) -> str:
    roll = rnd.random()
    if roll < 0.4:
        return phone
    spaced = f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    if roll < 0.55:
        return spaced
    if roll < 0.7:
        return f"{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    if roll < 0.8:
        return "+86 " + (spaced if rnd.random() < 0.5 else phone)
    if roll < 0.85:
        return f"+86-{phone[:3]}-{phone[3:7]}-{phone[7:]}"
    return phone.translate(FULL_WIDTH)


def id_variant(rnd: random.Random, number: str) -> str:
    roll = rnd.random()
    if roll < 0.55:
        return number
    if roll < 0.7:
        return number.lower() if number.endswith("X") else f"{number[:6]} {number[6:14]} {number[14:]}"
    if roll < 0.85:
        return f"{number[:6]} {number[6:14]} {number[14:]}"
    return number.translate(FULL_WIDTH)


def address_variant(rnd: random.Random, address: str) -> str:
    roll = rnd.random()
    if roll < 0.5:
        return address
    if roll < 0.8:
        return address.removeprefix("徐州市")
    return address.removeprefix("徐州市").replace("室", "")


def _name_opening(rnd: random.Random, person: Person) -> str:
    return rnd.choice(("我是{n}，", "本人{n}，", "您好，我叫{n}。", "{n}：")).format(n=person.name)


def _contact(rnd: random.Random, person: Person) -> str:
    kinds = [
        lambda: f"联系电话：{phone_variant(rnd, person.phone)}。",
        lambda: f"如需了解情况可打我电话{phone_variant(rnd, person.phone)}。",
        lambda: f"本人身份证号{id_variant(rnd, person.id_number)}，可核实身份。",
        lambda: f"我家住在{address_variant(rnd, person.address)}，欢迎上门了解。",
        lambda: f"相关照片已发到邮箱{person.email}，请查收。",
        lambda: f"建议人：{person.name}，电话{phone_variant(rnd, person.phone)}。",
    ]
    if person.employer:
        kinds.append(lambda: f"我在{person.employer}工作，对这个情况比较了解。")
    return rnd.choice(kinds)()


def plant_body(rnd: random.Random, paragraphs: Paragraphs, person: Person, other: Person | None) -> list[str]:
    """Add 1-3 personal details to a body (in place); returns what kinds were
    planted (for statistics and tests)."""
    planted = []
    if rnd.random() < 0.5:
        paragraphs[0].insert(0, _name_opening(rnd, person))
        planted.append("name")
    for _ in range(rnd.randint(1, 2)):
        paragraphs[-1].append(_contact(rnd, person))
        planted.append("contact")
    if other is not None and rnd.random() < 0.3:
        sentence = rnd.choice(
            ("同楼的{n}也多次反映过这个问题。", "邻居{n}和我一起提出这条建议。", "之前{n}也提过类似的意见。")
        )
        paragraphs[0].insert(min(2, len(paragraphs[0])), sentence.format(n=other.name))
        planted.append("other_name")
    return planted


def plant_title(rnd: random.Random, title: str, person: Person) -> str:
    roll = rnd.random()
    if roll < 0.4:
        return f"{person.name}：{title}"
    if roll < 0.7:
        return f"{title}（{person.name} {phone_variant(rnd, person.phone)}）"
    return f"{title}（{address_variant(rnd, person.address)}）"


def plant_outcome(rnd: random.Random, outcome: str, person: Person) -> str:
    roll = rnd.random()
    if roll < 0.5:
        extra = f"已电话联系建议人{person.name}（{phone_variant(rnd, person.phone)}）反馈办理结果。"
    elif roll < 0.8:
        extra = f"工作人员已到{address_variant(rnd, person.address)}与建议人{person.name}当面沟通。"
    else:
        extra = f"办理结果已告知{person.name}本人。"
    return outcome + extra


def add_markup(rnd: random.Random, text: str) -> str:
    """Hostile markup that the site must show as text, never run."""
    snippet = rnd.choice(MARKUP)
    return text + snippet if rnd.random() < 0.5 else snippet + text
