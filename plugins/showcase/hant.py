"""Simplified → Traditional Chinese with OpenCC, config ``s2hk`` (docs/decisions.md).

``s2hk`` converts characters (with Hong Kong's standard forms) and leaves words alone:
a citizen's 出租车 stays 出租車, where ``s2twp`` would rewrite it to Taiwan's 計程車. The
Traditional edition quotes people, so it must not change what they said.

OpenCC converts about a million characters a second here, and a rendered page is mostly
ASCII markup: only the runs of non-ASCII text are converted, each distinct run once per
process (a page's interface text repeats on every page). The result is the same as
converting the whole text: OpenCC leaves ASCII alone and a run never spans ASCII.
"""

from __future__ import annotations

import re

CONFIG = "s2hk"
_RUN = re.compile(r"[^\x00-\x7f]+")
_SEPARATOR = "\n"  # ASCII, never inside a run: one OpenCC call converts many runs
_converted: dict[str, str] = {}
_MEMO_MAX = 500_000  # runs kept before the memo starts again (a long-lived --autoreload)
_converter = None


def _opencc():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC(CONFIG)
    return _converter


def to_traditional(text: str) -> str:
    runs = _RUN.findall(text)
    if not runs:
        return text
    new = [run for run in dict.fromkeys(runs) if run not in _converted]
    if new:
        if len(_converted) + len(new) > _MEMO_MAX:
            _converted.clear()
        converted = _opencc().convert(_SEPARATOR.join(new)).split(_SEPARATOR)
        if len(converted) != len(new):  # never seen; keep the result exact if OpenCC ever merged runs
            converted = [_opencc().convert(run) for run in new]
        _converted.update(zip(new, converted, strict=True))
    return _RUN.sub(lambda found: _converted[found.group()], text)
