"""The ``when`` filter: a year, a month or a day as words inside ``<time>``.

``{{ "2024-03-05" | when }}`` → ``<time datetime="2024-03-05">2024年3月5日</time>``. The words
are the theme's, from the setting ``SHOWCASE_DATE_FORMATS`` (pelicanconf.py); a filter rather
than a macro because a page shows a dozen dates and a macro call costs ten times as much
(docs/decisions.md). Dates repeat across pages, so each is formatted once per build.
"""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

KINDS = ("year", "month", "day")


def when_filter(settings: dict):
    formats = settings["SHOWCASE_DATE_FORMATS"]
    missing = [kind for kind in KINDS if kind not in formats]
    if missing:
        raise ValueError(f"设置 SHOWCASE_DATE_FORMATS 缺少 {', '.join(missing)}")

    @lru_cache(maxsize=65536)
    def when(value: str) -> Markup:
        parts = str(value).split("-")
        numbers = dict(zip(KINDS, [parts[0], *(str(int(part)) for part in parts[1:3])], strict=False))
        text = formats[KINDS[len(numbers) - 1]].format(**numbers)
        return Markup('<time datetime="{}">{}</time>').format(value, escape(text))

    return when
