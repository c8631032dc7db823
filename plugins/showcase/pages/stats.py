"""The programme's figures at /stats/: charts drawn at build time from stats.yaml (theme: partials/_charts.html)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    yield Page("stats/index.html", "stats", {"page_name": "stats"})
