"""Resident ID numbers and bank card numbers.

ID numbers: 18 characters (GB 11643-1999) or the old 15-digit form, with any
single spaces or dashes inside (320302 19880101 123X, 3203 0219 ...). What
decides is the *shape*: a region code 11-65 (or 71, 81-83 for Taiwan, Hong
Kong and Macau residence permits), a real birth date (19xx/20xx, YYMMDD for
the old form), sequence digits and a digit/X. The checksum never decides: a
number of that shape whose checksum fails is removed all the same (a typo
still identifies); a valid checksum only rescues a date that does not exist.
After a cue (身份证号, 公民身份号码, 证件号码) any 15-18 digit run goes.

Bank cards: 16-19 digits, contiguous or grouped (4-4-4-4[-3], 6-13) with
spaces or dashes, removed when the Luhn check passes; after a cue (银行卡,
卡号, 账号, 工资卡 ...) any 12-25 digit account number goes, Luhn or not.

The shape is checked by the pattern itself (a run that is not shaped like a
number fails there and consumes nothing), so what `accept` refuses (a
non-date such as 19880231 with a wrong checksum, a card failing Luhn) is
already a complete number of its own and never swallows the start of a real
one right after it."""

from __future__ import annotations

import datetime as dt
import re

from . import Family, placeholder

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# One optional separator between any two characters of a number (dots too:
# 320302.19880101.123X, 6222.0212.3456.7890).
SEP = r"(?:[ ]{1,2}|[-.])?"


def _spaced(shape: str) -> str:
    """`~` in a shape -> an optional separator."""
    return shape.replace("~", SEP)


# The patterns start with their first digit (or cue word) and check what
# precedes it only after that character: re then jumps between candidate
# first characters in C instead of trying a lookbehind at every position.
# The region code 11-65, 71, 81-83: the first digit is matched, then the
# second is checked against it.
REGION = r"[1-8](?<!\d[1-8])(?:(?<=1)~[1-9]|(?<=[2-5])~\d|(?<=6)~[0-5]|(?<=7)~1|(?<=8)~[1-3])~\d~\d~\d~\d"
MONTH = r"(?:0~[1-9]|1~[0-2])"
DAY = r"(?:0~[1-9]|[12]~\d|3~[01])"
ID18_TAIL = rf"(?:1~9|2~0)~\d~\d~{MONTH}~{DAY}~\d~\d~\d~[\dXx]"
ID15_TAIL = rf"\d~\d~{MONTH}~{DAY}~\d~\d~\d"
ID_SHAPED = re.compile(_spaced(rf"{REGION}~(?:{ID18_TAIL}|{ID15_TAIL})(?!\d)"))

ID_CUE = r"(?:身份证件?(?:号码|号)?|公民身份号码|身份号码|证件号码?)"
GAP = r"(?:[ :：（(]|是|为){0,4}"
ID_AFTER_CUE = re.compile(rf"{ID_CUE}{GAP}(?P<value>\d(?:{SEP}\d){{13,16}}{SEP}[\dXx])(?![\dXx])")

# 16-19 digits: contiguous, 4-4-4-4[-1..3] or 6-13 (the first digit is
# matched before the look back).
CARD = r"[0-9](?<!\d[0-9])(?:\d{15,18}|\d{3}(?:[ .-]\d{4}){3}(?:[ .-]\d{1,3})?|\d{5}[ .-]\d{10,13})(?!\d)"
CARD_SHAPED = re.compile(CARD)
CARD_CUE = (
    r"(?:银行卡|银行账号|银行帐号|银行账户|卡号|账号|帐号|账户|帐户|工资卡|储蓄卡|借记卡|信用卡|社保卡|存折|收款账户)"
)
CARD_AFTER_CUE = re.compile(rf"{CARD_CUE}(?:号码|号)?{GAP}(?P<value>\d(?:{SEP}\d){{11,24}})(?!\d)")


def compact(value: str) -> str:
    return re.sub(r"[ .-]", "", value).upper()


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999 check character of an 18-character number."""
    return (
        len(number) == 18
        and number[:17].isdigit()
        and ID_CHECK[sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS)) % 11] == number[17].upper()
    )


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def inside_card(match: re.Match) -> bool:
    """The match is the tail of a grouped card number that passes Luhn
    (6222 1100 0000 0101 007 holds an ID-shaped 110000000101007): the card
    family, which runs next, removes the whole number."""
    start, end = match.span()
    for card in CARD_SHAPED.finditer(match.string, max(0, start - 8), end + 1):
        if card.start() < start and card.end() >= end and card_ok(card):
            return True
    return False


def id_shape_ok(match: re.Match) -> bool:
    if inside_card(match):
        return False
    number = compact(match[0])
    if len(number) == 18:
        return _is_date(int(number[6:10]), int(number[10:12]), int(number[12:14])) or id_checksum_ok(number)
    month, day = int(number[8:10]), int(number[10:12])
    return any(_is_date(century + int(number[6:8]), month, day) for century in (1900, 2000))


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def card_ok(match: re.Match) -> bool:
    return luhn_ok(compact(match[0]))


FAMILIES: list[Family] = [
    Family("id_number", "身份证号", placeholder("id_number"), ID_SHAPED, id_shape_ok),
    Family("id_number", "身份证号（提示词后）", placeholder("id_number"), ID_AFTER_CUE),
    Family("bank_card", "银行卡号", placeholder("bank_card"), CARD_SHAPED, card_ok),
    Family("bank_card", "银行卡号（提示词后）", placeholder("bank_card"), CARD_AFTER_CUE),
]
