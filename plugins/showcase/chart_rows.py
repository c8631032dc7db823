"""Rows of a bar chart whose labels fit the chart: a label too wide for its line is wrapped.

A chart (theme/templates/partials/_charts.html) is an SVG 320 units wide that a phone draws at
about 290 px. Each row is a label line, with the row's value at its right end, and a bar under
it. English labels ("People's Suggestions Office of the Municipal Government") are wider than
the chart, and SVG text does not wrap, so the label is broken here into lines (``<tspan>``s) at
spaces, between CJK characters, or anywhere inside a word too long for one line. Widths are
estimated without the font: a wide (CJK) character is one em, anything else 0.65 em. Measured
in Chromium with the system sans font, real widths are 0.69 (digits) to 1.09 ("Commended") of the
estimate; the 12-unit gap before the value absorbs the difference for the vocabulary's labels
(docs/decisions.md 63).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

FONT_SIZE = 13  # the chart's text size, in SVG units
NARROW_EM = 0.65  # a Latin letter or digit, as a share of the font size
LINE = 16  # one more label line moves the bar down this much
ROW = 34  # a row of one label line: the line, then the bar
GAP = 12  # between a label and its row's value
BASELINE = 14  # of the label's first line, below the row's top
BAR = 19  # the bar's top, below the last label line's row position
_PIECES = re.compile(r"\s+|[^\s]")


@dataclass(frozen=True)
class Row:
    lines: tuple[tuple[float, str], ...]  # the label: (baseline, text) a line, in SVG units
    baseline: float  # of the label's first line and of the value
    bar: float  # the top of the bar (the thickest one when bars are nested)


@dataclass(frozen=True)
class Layout:
    rows: tuple[Row, ...]
    height: float  # of the chart, from 0 to the bottom of the last row


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def text_width(text: str) -> float:
    """Estimated width of ``text`` in SVG units at the chart's font size."""
    wide = sum(map(_wide, text))
    return (wide + NARROW_EM * (len(text) - wide)) * FONT_SIZE


def _words(text: str) -> list[str]:
    """Break opportunities: a Latin word with one trailing space (a run of spaces is one), or
    one CJK character."""
    words = [""]
    for piece in _PIECES.findall(text):
        if piece.isspace():
            words[-1] += " "
            words.append("")
        elif _wide(piece):
            words += [piece, ""]
        else:
            words[-1] += piece
    return [w for w in words if w]


def label_lines(text: str, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``; a word wider than a line is cut."""
    lines, line = [], ""
    for word in _words(text):
        if text_width((line + word).rstrip()) <= width:
            line += word
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        for char in word:  # fits once more, or is cut where the line is full
            if line and text_width((line + char).rstrip()) > width:
                lines.append(line)
                line = ""
            line += char
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def chart_rows(labels: list[str], values: list[str], width: float, top: float = 0) -> Layout:
    """One :class:`Row` a label, laid out from ``top``; ``values`` are the texts at the right."""
    rows = []
    for label, value in zip(labels, values, strict=True):
        # The template hands over macro output (escaped Markup): measure and wrap the plain text.
        label, value = Markup(label).unescape(), Markup(value).unescape()
        lines = label_lines(label, width - text_width(value) - GAP)
        placed = tuple((top + BASELINE + LINE * n, line) for n, line in enumerate(lines))
        extra = LINE * (len(lines) - 1)
        rows.append(Row(placed, top + BASELINE, top + extra + BAR))
        top += ROW + extra
    return Layout(tuple(rows), top)


FILTERS = {"chart_rows": chart_rows}
