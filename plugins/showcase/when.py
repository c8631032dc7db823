"""The ``when`` filter: a year, a month or a day as words inside ``<time>``.

``{{ "2024-03-05" | when }}`` → ``<time datetime="2024-03-05">2024年3月5日</time>``. The words
are the theme's, from the setting ``SHOWCASE_DATE_FORMATS`` (pelicanconf.py); a filter rather
than a macro because a page shows a dozen dates and a macro call costs ten times as much
(docs/decisions.md). Dates repeat across pages, so each is formatted once per build. In the English
edition (editions.py) a date reads ``12 March 2025``.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import pass_context
from markupsafe import Markup, escape

KINDS = ("year", "month", "day")


# The English edition's dates (editions.py): "12 March 2025", "March 2025", "2025".
ENGLISH_FORMATS = {"year": "{year}", "month": "{month_name} {year}", "day": "{day} {month_name} {year}"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip


def when_filter(settings: dict):
    formats = settings["SHOWCASE_DATE_FORMATS"]
    missing = [kind for kind in KINDS if kind not in formats]
    if missing:
        raise ValueError(f"设置 SHOWCASE_DATE_FORMATS 缺少 {', '.join(missing)}")

    @lru_cache(maxsize=65536)
    def words(value: str, english: bool) -> Markup:
        parts = str(value).split("-")
        numbers = dict(zip(KINDS, [parts[0], *(str(int(part)) for part in parts[1:3])], strict=False))
        kind = KINDS[len(numbers) - 1]
        if english:
            month = MONTHS[int(numbers["month"]) - 1] if "month" in numbers else ""
            text = ENGLISH_FORMATS[kind].format(month_name=month, **numbers)
        else:
            text = formats[kind].format(**numbers)
        return Markup('<time datetime="{}">{}</time>').format(value, escape(text))

    @pass_context
    def when(context, value: str) -> Markup:
        edition = context.get("edition")
        return words(value, edition is not None and edition.english)

    return when
