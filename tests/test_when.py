"""The `when` filter: a date as the theme's words inside <time> (plugins/showcase/when.py)."""

from __future__ import annotations

import sys

import pytest
from jinja2 import Environment
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from showcase.when import when_filter

FORMATS = {"year": "{year}年", "month": "{year}年{month}月", "day": "{year}年{month}月{day}日"}


@pytest.mark.parametrize(
    ("value", "html"),
    [
        ("2024", '<time datetime="2024">2024年</time>'),
        ("2024-03", '<time datetime="2024-03">2024年3月</time>'),
        ("2024-03-05", '<time datetime="2024-03-05">2024年3月5日</time>'),
        ("2024-11-30", '<time datetime="2024-11-30">2024年11月30日</time>'),
    ],
)
def test_a_year_a_month_and_a_day(value, html):
    assert render(value) == html


def render(value: str, formats: dict = FORMATS, **context) -> str:
    """The filter as a template calls it (it reads the page's edition from the context)."""
    environment = Environment(autoescape=True)
    environment.filters["when"] = when_filter({"SHOWCASE_DATE_FORMATS": formats})
    return environment.from_string("{{ value | when }}").render(value=value, **context)


class English:
    english = True


@pytest.mark.parametrize(
    ("value", "html"),
    [
        ("2024", '<time datetime="2024">2024</time>'),
        ("2024-03", '<time datetime="2024-03">March 2024</time>'),
        ("2025-03-12", '<time datetime="2025-03-12">12 March 2025</time>'),
        ("2024-11-30", '<time datetime="2024-11-30">30 November 2024</time>'),
    ],
)
def test_the_english_edition_reads_dates_in_english(value, html):
    assert render(value, edition=English()) == html


def test_the_words_are_escaped():
    formats = {**FORMATS, "day": "<b>{day}</b> {month}/{year}"}
    assert render("2024-03-05", formats) == '<time datetime="2024-03-05">&lt;b&gt;5&lt;/b&gt; 3/2024</time>'


def test_a_missing_format_is_named():
    with pytest.raises(ValueError, match="month"):
        when_filter({"SHOWCASE_DATE_FORMATS": {"year": "{year}", "day": "{day}"}})
