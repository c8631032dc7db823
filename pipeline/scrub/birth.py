"""Dates of birth and ages tied to a person. Only the date or the age is
replaced; the cue stays (出生于【出生日期已隐去】, 我今年【年龄已隐去】了).

`birth`: a date after a birth cue (出生于 出生在 生于 出生日期 出生年月 生日 …:
1985年3月12日, 1988-07-09, 1985.03, 19850312, 一九八五年, 5月6日 after 生日)
or a date with a year before 出生 / 生人 / 生 (1985年3月出生, 1990年生, 85年出生).
A year on its own (2024年, 小区建于1990年) is kept.

`age`: "N岁" (N周岁, N多岁, 八十二岁) is an age of a person, and goes, only
  - after 今年 现年 终年 享年 (我今年45岁了, 现年70岁; 我今年72了), or after
    年龄 年纪 岁数, where a bare number counts too (年龄：52);
  - after a person: 我 他 她 本人 or a relative (母亲 老伴 孩子 孙子 …), with
    at most a few words between (我母亲今年已经82岁);
  - before 了, 高龄, or 的 + a person (85岁的老母亲, 3岁的孩子);
and never when it is a threshold: followed by 以上 以下 以内 及以上 前 后 至 到 -,
or (without a personal cue) after 满 年满 超过 未满 不到 低于 高于 (60岁以上老人免费
乘车, 满18周岁可申请 are rules, not people). Durations (建成30年的小区, 已有20年
历史) never match: they are 年, not 岁.
"""

from __future__ import annotations

import re

from . import Family, placeholder

CN_DIGIT = "一二三四五六七八九十百零〇两"

YEAR4 = r"(?:19|20)\d{2}"
MONTH = r"(?:1[0-2]|0?[1-9])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
CN_YEAR = "[一二三四五六七八九〇零]{4}"
CN_MD = "[一二三四五六七八九十]{1,3}"

# A date with a year (what may stand before 出生).
DATE_WITH_YEAR = (
    rf"(?<!\d)(?:{YEAR4}年\s?{MONTH}月(?:\s?{DAY}[日号])?"
    rf"|{YEAR4}[-./]{MONTH}(?:[-./]{DAY})?(?![\d.])"
    rf"|{YEAR4}年"
    rf"|{CN_YEAR}年(?:{CN_MD}月(?:{CN_MD}[日号])?)?"
    rf"|\d{{2}}年(?:{MONTH}月(?:{DAY}[日号])?)?)"
)
# Any date, after a birth cue: also 19850312 and month-day (生日是5月6日).
DATE_AFTER_CUE = (
    rf"(?:{DATE_WITH_YEAR}|(?<!\d){YEAR4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?(?!\d)"
    rf"|(?<!\d){MONTH}月\s?{DAY}[日号]|{MONTH}[-./]{DAY}(?![\d.])|{CN_MD}月{CN_MD}[日号])"
)
# 生于 / 生日, but not 发生于 (an event) or 产生于.
BIRTH_CUE = "出生(?:于|在|日期|年月日|年月|时间|年份)?|(?<![发产滋衍派催])生(?:于|日)|诞生于"
# Each pattern starts with a cheap look at the first character (a cue word's
# or a number's), so most positions of a text are passed over at once.
BIRTH = re.compile(
    rf"(?=[出生诞\d{CN_DIGIT}])"
    rf"(?:(?P<cue>{BIRTH_CUE})[：:\s是为在于]{{0,3}})?"
    rf"(?P<value>(?(cue){DATE_AFTER_CUE}|{DATE_WITH_YEAR}))"
    rf"(?(cue)|(?=\s?(?:出生|生人|生(?=[的，,。；;、\s）)人]|$))))"
)

AGE_NUMBER = rf"(?:\d{{1,3}}|[{CN_DIGIT}]{{1,4}})(?:多|来|余)?周?岁半?"
# A threshold or range: a rule, not a person.
THRESHOLD = r"(?!以上|以下|以内|及以上|及以下|之前|之后|以前|以后|前|后|至|到|~|～|-|—)"
PERSON = (
    "我|他|她|本人|老人家|母亲|父亲|妈妈|爸爸|老妈|老爸|老伴|爱人|丈夫|妻子|老公|媳妇|儿子|女儿|孩子|孙子|孙女|"
    "外孙女|外孙|奶奶|爷爷|婆婆|公公|姥姥|姥爷|外公|外婆|岳父|岳母|老母亲|老父亲|邻居|老太太|老爷子|大爷|大妈|阿姨"
)
PERSON_FILLER = (
    "(?:今年|现年|现在|已经|都已经|已|都|快|刚满|已满|刚|才|也|有|满|将近|年近|差不多|马上|就要|虽然|还不到)"
)
PERSON_NOUN = (
    "(?:老|独居|空巢|孤寡|瘫痪|失能|生病)?(?:母亲|父亲|妈妈|爸爸|老伴|爱人|丈夫|妻子|儿子|女儿|孩子|孙子|孙女|外孙|"
    "奶奶|爷爷|婆婆|公公|姥姥|姥爷|外公|外婆|老人|老太太|老大爷|大爷|大妈|人|我|他|她)"
)
AGE_CUES = f"今年|现年|终年|享年|年龄|年纪|岁数|{PERSON}"
AGE_FIRST = "".join(sorted({cue[0] for cue in AGE_CUES.split("|")}))
AGE = re.compile(
    rf"(?=[{AGE_FIRST}\d{CN_DIGIT}])"
    rf"(?:(?P<year>今年|现年|终年|享年)[：:\s为是有已经都刚满才快近约]{{0,4}}"
    rf"|(?P<bare>年龄|年纪|岁数)[：:\s为是有已]{{0,2}}"
    rf"|(?:{PERSON}){PERSON_FILLER}{{0,3}}"
    rf"|(?P<free>(?<![\d{CN_DIGIT}满过于到超])))"
    rf"(?P<value>{AGE_NUMBER}"
    rf"|(?(bare)\d{{1,3}}(?![\d年月日号%.万个岁项元次名人家件条栋层户])|(?!))"
    rf"|(?(year)\d{{1,3}}(?=了)|(?!)))"
    rf"(?(free)(?=了|高龄|的{PERSON_NOUN})|{THRESHOLD})"
)

FAMILIES: list[Family] = [
    Family("birth", "出生日期", placeholder("birth"), BIRTH),
    Family("age", "年龄", placeholder("age"), AGE),
]
