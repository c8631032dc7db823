"""Validators that turn a pattern match into a finding: checksums and dates.

Written here, not shared with the scrubber, so that a bug in one is caught by
the other."""

from __future__ import annotations

import datetime as dt

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
FILE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "ico", "css", "js", "html", "htm"})


def digits_of(text: str) -> str:
    """The digits (and a final X of an ID number), separators dropped."""
    return "".join(c for c in text.upper() if c.isdigit() or c == "X")


def real_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999 check character of an 18-character ID number."""
    total = sum(int(c) * w for c, w in zip(number[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == number[17]


def id_number(text: str) -> bool:
    """18 characters: a real birth date, and a valid check character or a
    final X (someone's X is never an accident); 15 digits: a real YYMMDD."""
    number = digits_of(text)
    if len(number) == 18:
        if not number[:17].isdigit() or not real_date(int(number[6:10]), int(number[10:12]), int(number[12:14])):
            return False
        return number[17] == "X" or id_checksum_ok(number)
    if len(number) == 15 and number.isdigit():
        return real_date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    return False


def luhn(number: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(number)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def bank_card(text: str) -> bool:
    number = digits_of(text)
    return 16 <= len(number) <= 19 and number.isdigit() and luhn(number)


def email(text: str) -> bool:
    """Not a file name like icon@2x.png."""
    return text.rsplit(".", 1)[-1].lower() not in FILE_EXTENSIONS


def plate(text: str) -> bool:
    """At least three digits after the province and city letter."""
    return sum(c.isdigit() for c in text[2:]) >= 3
