"""Hypothesis strategies that break a valid export (tests/fuzz_grammar.py):
hostile cell values (wrong types, unknown vocabulary, odd Unicode, huge or
empty strings, markup, lone surrogates) and table mutations (swapped or
missing columns, duplicate headers, ragged rows, a different encoding)."""

from __future__ import annotations

import copy

from fuzz_grammar import FULL_WIDTH_DIGITS, WORDS, Export, exports
from hypothesis import strategies as st

# Characters that look like nothing, or like something else.
ODD = [
    "\u200d",  # zero-width joiner
    "\u200b",  # zero-width space
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u0301",  # combining acute accent
    "\u20dd",  # combining enclosing circle
    "\ufeff",  # byte order mark
    "\u00ad",  # soft hyphen
    "\u3000",  # full-width space
    "\u2028",  # line separator
    "\x85",  # next line (C1)
    "\x00",  # NUL
    "\x1b",  # escape
    "\r",
    "\n",
    '"',
    "\udc80",  # lone low surrogate (surrogateescape byte 0x80)
    "\ud83d",  # lone high surrogate
    "𠮷",  # outside the BMP
]
MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "---\nkey: value",
    "&#49;&#x33;&nbsp;",
    "\\u0031\\n",
    "- [ ] *a* **b** `c`",
    "=1+1",
    "@SUM(A1)",
]
# Values that are some other column's type, or almost valid.
WRONG = [
    "2024-02-30", "2024-13-01", "0000-01-01", "9999/99/99", "2024年2月30日", "45356", "2024-03-05T", "2024-3",
    "是的", "不", "Y/N", "yes please", "TRUE ", "１", "√",
    "3.20311E+17", "1e309", "nan", "inf", "-0", "1,2,3", "1_000", "٢٠٢٤", "２０２４", "²", "①", "𐩀", "Ⅻ",
    "XZJY 2024", "-abc", "Lift-Story", "a--b", "../etc", "中文编号",
    "其它", "鼓楼", "泉山区 ", "镇（街道）征集点", "采纳（部分）", "None", "null", "~", "NULL",
]  # fmt: skip

odd_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(ODD),
        st.sampled_from("0123456789０１２３４５６７８９年月日-/.:"),
        st.characters(codec="utf-8", categories=["Nd", "No", "Mn", "Cf", "Zs", "Lo", "So"]),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    ),
    max_size=40,
)


@st.composite
def hostile(draw, valid: str) -> str:
    """A hostile cell, often derived from the valid one it replaces."""
    kind = draw(st.sampled_from(["wrong", "odd", "insert", "markup", "huge", "empty", "full-width", "space"]))
    if kind == "wrong":
        return draw(st.sampled_from(WRONG))
    if kind == "odd":
        return draw(odd_text)
    if kind == "insert":
        at = draw(st.integers(0, len(valid)))
        return valid[:at] + draw(st.text(st.sampled_from(ODD), min_size=1, max_size=3)) + valid[at:]
    if kind == "markup":
        return draw(st.sampled_from(MARKUP)) + valid
    if kind == "huge":
        return draw(st.sampled_from(WORDS)) * draw(st.sampled_from([51, 201, 1001, 10_001, 50_001]))
    if kind == "empty":
        return ""
    if kind == "full-width":
        return valid.translate(FULL_WIDTH_DIGITS)
    return draw(st.sampled_from([" ", "\u3000", "\u00a0\t"])) + valid + draw(st.sampled_from(["", "\u3000"]))


@st.composite
def mutate(draw, export: Export) -> Export:
    """1-4 mutations of one export; the expected values no longer hold."""
    export = copy.deepcopy(export)
    export.expected = {}
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(export.tables)))
        header, rows = export.tables[name]
        width = len(header)
        kind = draw(st.sampled_from(["cell"] * 6 + ["swap", "drop", "duplicate", "rename", "ragged", "encoding"]))
        column = draw(st.integers(0, width - 1))
        if kind == "cell" and rows:
            row = draw(st.integers(0, len(rows) - 1))
            rows[row][column] = draw(hostile(rows[row][column]))
        elif kind == "swap":  # two columns' values, or their headers
            other = draw(st.integers(0, width - 1))
            table = [header] if draw(st.booleans()) else rows
            for cells in table:
                cells[column], cells[other] = cells[other], cells[column]
        elif kind == "drop":
            for cells in [header, *rows]:
                del cells[column]
        elif kind == "duplicate":
            header.append(header[column])
            for cells in rows:
                cells.append(cells[column])
        elif kind == "rename":
            header[column] = draw(hostile(header[column]))
        elif kind == "ragged" and rows:
            cells = rows[draw(st.integers(0, len(rows) - 1))]
            if draw(st.booleans()):
                cells.append(draw(st.sampled_from(["x", "", " "])))
            elif cells:
                cells.pop()
        elif kind == "encoding":
            export.encoding = draw(st.sampled_from(["utf-16", "big5", "latin-1", "gb18030", "utf-8"]))
    return export


def mutated_exports() -> st.SearchStrategy[Export]:
    return exports(max_suggestions=4).flatmap(mutate)
