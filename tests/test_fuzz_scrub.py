"""Property: a phone, ID or bank card number put anywhere in a citizen's
text, in any spelling people type, is removed by the anonymiser (what
public_records runs on every published text), and the independent leak
scanner flags the same text unscrubbed: two lines of defence, each checked.

The surrounding text never ends or starts with a digit next to the number
(nor with a letter X after an ID): otherwise the inserted number would be
part of a longer digit run, a different number. The leak scanner is checked
only where no ASCII letter touches the number: its rule for where a number
starts (a letter-touched digit run is an asset hash or a code in a built site;
docs/decisions.md, 26)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.anonymise import Anonymiser
from pipeline.leaks import scan_text

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
SEPARATORS = ["", " ", "-", ".", "\u3000"]
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
# Chinese, Latin and digits; digits only inside (see the module's docstring).
SURROUNDING = st.text(st.sampled_from("建议小区电梯路口公交的了在和我们市民abcXYZ 0123456789，。：\n"), max_size=30)
EDGE = st.sampled_from("建议小区电梯路口公交的了在和我们，。：abc \n")
ANONYMISER = Anonymiser([])
many = settings(max_examples=8 * settings.default.max_examples)


def digits(size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=size, max_size=size)


@st.composite
def mobile(draw) -> str:
    number = "1" + draw(st.sampled_from("3456789")) + draw(digits(9))
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "0086", "(+86)"]))
    return prefix + grouped(draw, number, (3, 4, 4))


@st.composite
def landline(draw) -> str:
    local = draw(st.sampled_from("2345678")) + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=6, max_size=6))
    )
    return draw(st.sampled_from(["0516-", "0516 ", "0516", "(0516)", "+86 516 "])) + local


@st.composite
def id_number(draw) -> str:
    region = draw(st.sampled_from(["320302", "320311", "320321", "110101", "440305"]))
    born = draw(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2020, 12, 31)))
    body = region + born.strftime("%Y%m%d") + draw(digits(3))
    number = body + "10X98765432"[sum(int(c) * w for c, w in zip(body, ID_WEIGHTS)) % 11]
    return grouped(draw, number, (6, 8, 4))


@st.composite
def bank_card(draw) -> str:
    body = draw(st.sampled_from(["6222", "6217", "6228", "4367"])) + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=11, max_size=14))
    )
    total = sum(
        d if i % 2 else (2 * d - 9 if 2 * d > 9 else 2 * d) for i, d in enumerate(int(c) for c in reversed(body))
    )
    return grouped(draw, body + str((10 - total % 10) % 10), (4, 4, 4, 4))


def grouped(draw, digits: str, groups: tuple[int, ...]) -> str:
    """Digits in groups with one separator kind, maybe full-width."""
    separator = draw(st.sampled_from(SEPARATORS))
    parts, start = [], 0
    for size in groups:
        parts.append(digits[start : start + size])
        start += size
    parts.append(digits[start:])
    text = separator.join(part for part in parts if part)
    return text.translate(FULL_WIDTH) if draw(st.booleans()) else text


@st.composite
def text_with(draw, number: st.SearchStrategy[str]) -> tuple[str, str, bool]:
    """(text, the number inserted, whether no ASCII letter touches it)."""
    value = draw(number)
    before = draw(SURROUNDING) + draw(EDGE) if draw(st.booleans()) else ""
    after = draw(EDGE) + draw(SURROUNDING) if draw(st.booleans()) else ""
    touching = (before[-1:] + after[:1]).lower()
    return before + value + after, value, not any("a" <= c <= "z" for c in touching)


ASCII_DIGITS = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９Ｘ"}


@many
@given(st.one_of(text_with(mobile()), text_with(landline()), text_with(id_number()), text_with(bank_card())))
def test_numbers_are_scrubbed_and_flagged(case):
    text, value, alone = case
    scrubbed, counts = ANONYMISER.clean(text)
    assert value not in scrubbed and value.translate(ASCII_DIGITS) not in scrubbed, scrubbed
    if not any(c.isdigit() for c in text.replace(value, "")):  # no other digits around: none may remain
        assert not any(c.isdigit() for c in scrubbed), scrubbed
    assert sum(counts.values()) >= 1
    if alone:
        assert scan_text(text), "the leak scanner missed the unscrubbed number"
    assert ANONYMISER.clean(scrubbed)[0] == scrubbed  # idempotent
