"""The commendations: all years at /commendations/, one page per year file at /commendations/<year>/."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    yield Page("commendations/index.html", "commendations", {"page_name": "commendations"})
    for year in showcase.commendations:
        yield Page(year.save_as, "commendation_year", {"commendation_year": year, "page_name": "commendation_year"})
