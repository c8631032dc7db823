"""Phone numbers: mobiles (any spelling, with the +86 / 0086 / 86 prefix
removed too) and landlines (with an area code, or a bare 7-8 digit local
number right after a phone cue such as 电话 or 座机).

Kept on purpose: public service numbers. A local number never starts with 0
or 1 and has 7 or 8 digits, so 12345, 12319, 96xxx, 110, 119, 120 and the
service line 0516-12345 stay, as do 400/800 numbers (a firm's, not a
person's) and an area code on its own (徐州区号0516). Every other landline is
removed, a department's as well: a pattern cannot tell whose number it is.

Text is folded first (full-width digits, + and - are ASCII already)."""

from __future__ import annotations

import re

from . import Family, placeholder

# Hyphen, the Unicode dashes people type with a Chinese IME (‐ ‑ ‒ – — ―), minus.
DASH = "\\-\u2010-\u2015\u2212"
# One optional separator between digit groups: a dash or dot with up to two
# spaces around it, or one or two spaces.
SEP = rf"(?:[ ]{{0,2}}[{DASH}.][ ]{{0,2}}|[ ]{{1,2}})"

# Every pattern starts with a literal (or a branch of literals) and checks
# what precedes it only after that first character: re then jumps from one
# candidate first character to the next in C instead of trying a lookbehind
# at every position (several times faster on long texts).

# +86, 0086, (+86), （86）, each starting with its own literal.
COUNTRY = r"(?:\+[ ]?86|0(?<!\d0)086|\([ ]?(?:\+[ ]?|00)?86[ ]?[）)]|（[ ]?(?:\+[ ]?|00)?86[ ]?[）)])"


def _groupings(lead: str) -> str:
    """The 11 digits of a mobile in up to three groups of at least 3 digits
    (138 1234 5678, 1381 234 5678, 1381 2345 678, 138 12345678 ...), the
    first two digits spelled `lead`."""
    shapes = [(11,)] + [(a, 11 - a) for a in range(3, 9)]
    shapes += [(a, b, 11 - a - b) for a in range(3, 6) for b in range(3, 9 - a)]
    alternatives = []
    for shape in shapes:
        groups = [f"{lead}\\d{{{shape[0] - 2}}}"] + [f"\\d{{{size}}}" for size in shape[1:]]
        alternatives.append(f"{SEP}?".join(groups))
    return "(?:" + "|".join(alternatives) + ")"


MOBILE = re.compile(
    rf"(?:1(?<!\d1){_groupings('[3-9]')}"  # no prefix: a 1 not preceded by a digit
    rf"|{COUNTRY}{SEP}?{_groupings('1[3-9]')}"
    rf"|8(?<!\d8)6{SEP}?{_groupings('1[3-9]')})(?!\d)"  # a bare 86 only right before a mobile
)

# A prefix left in front of a mobile placeholder by the verbatim pass
# (pipeline/anonymise.py replaces the record's own 13812345678 in
# "+86 13812345678"): prefix and placeholder become one placeholder.
MOBILE_PREFIX_LEFT = re.compile(rf"{COUNTRY}{SEP}?{re.escape(placeholder('mobile'))}")

AREA = r"0(?:10|2\d|[3-9]\d\d)"
AREA_NO_ZERO = r"(?:10|2\d|[3-9]\d\d)"
# 7 or 8 digits, never starting with 0 or 1 (that is what keeps 12345 out).
LOCAL = rf"[2-9]\d{{2,3}}{SEP}?\d{{4}}"
EXTENSION = rf"(?:[ ]{{0,2}}(?:转|分机|[Ee][Xx][Tt]\.?)[ ]{{0,2}}\d{{1,6}}|[{DASH}]\d{{1,5}})?"
WITH_AREA = (
    rf"(?:0(?<!\d0)(?:10|2\d|[3-9]\d\d){SEP}?"
    rf"|\([ ]?{AREA}[ ]?[）)][ ]{{0,2}}"
    rf"|（[ ]?{AREA}[ ]?[）)][ ]{{0,2}}"
    rf"|{COUNTRY}{SEP}?[（(]?[ ]?0?{AREA_NO_ZERO}[ ]?[）)]?{SEP}?)"
)
LANDLINE = re.compile(rf"{WITH_AREA}{LOCAL}{EXTENSION}(?!\d)")

PHONE_CUE = (
    r"(?:电话|座机|固话|联系|拨打|致电|来电|热线|传真|号码"
    r"|T(?<![A-Za-z]T)(?:el|EL)(?![A-Za-z])|t(?<![A-Za-z]t)el(?![A-Za-z])"
    r"|P(?<![A-Za-z]P)hone(?![A-Za-z])|p(?<![A-Za-z]p)hone(?![A-Za-z]))"
)
# Counts after a number are not phone numbers: 联系群众2345678人次.
UNIT = r"(?![ ]?(?:万|亿|元|人|户|次|件|个|家|条|%|余|多|年|月|日|天|名|辆|位|项|起|平方|米|公里|台|套|部|所|份|吨))"
LOCAL_AFTER_CUE = re.compile(rf"{PHONE_CUE}[^\d\n【】]{{0,8}}?(?P<value>{LOCAL}{EXTENSION})(?!\d){UNIT}")
# More bare local numbers listed after a phone already removed: 电话：83801234、83805678.
LIST = r"[ ]{0,2}(?:[、，,/和及]|或者?|还有)[ ]{0,2}"
LOCAL_LISTED = re.compile(
    rf"(?:{re.escape(placeholder('landline'))}|{re.escape(placeholder('mobile'))}){LIST}"
    rf"(?P<value>{LOCAL}{EXTENSION}(?:{LIST}{LOCAL}{EXTENSION}){{0,4}})(?!\d){UNIT}"
)

# A mobile number spelt in Chinese numerals (一三九一二三四五六七八), the way
# some people write it to get past filters; separators allowed between digits.
_CN_DIGIT = "[零〇一二三四五六七八九幺两]"
MOBILE_IN_NUMERALS = re.compile(
    rf"(?<![零〇一二三四五六七八九幺两])[一幺][三四五六七八九](?:[ -]?{_CN_DIGIT}){{9}}(?![零〇一二三四五六七八九幺两])"
)

FAMILIES: list[Family] = [
    Family("mobile", "手机号码", placeholder("mobile"), MOBILE),
    Family("mobile", "手机号码（汉字数字）", placeholder("mobile"), MOBILE_IN_NUMERALS),
    Family("mobile", "手机号码（残留的国际区号）", placeholder("mobile"), MOBILE_PREFIX_LEFT),
    Family("landline", "固定电话（带区号）", placeholder("landline"), LANDLINE),
    Family("landline", "固定电话（提示词后的本地号码）", placeholder("landline"), LOCAL_AFTER_CUE),
    Family("landline", "固定电话（已隐去号码后列出的本地号码）", placeholder("landline"), LOCAL_LISTED),
]
