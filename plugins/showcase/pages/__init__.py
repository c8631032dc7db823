"""What the site writes, as data: each page set is a function
``(showcase, settings) -> Iterable[Page | File]``, and the generator writes
them all. A new kind of page is a new module here and one line in
``PAGE_SETS``: the generator does not change.

``Page`` is rendered with a theme template through Pelican's writer (so
relative URLs, pagination and Pelican's context work as usual); ``File`` is
written as is (open-data downloads, robots.txt ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..models import Showcase


@dataclass(frozen=True)
class Page:
    save_as: str  # e.g. "proposals/xzjy-2024-000123/index.html"
    template: str  # theme template name without .html
    context: dict = field(default_factory=dict)  # extra names for the template
    absolute_urls: bool = False  # 404.html is served at any path
    paginated: dict | None = None  # Pelican's `paginated` argument to write_file


@dataclass(frozen=True)
class File:
    save_as: str
    content: str | bytes


PageSet = Callable[[Showcase, dict], Iterable[Page | File]]


def page_sets() -> list[PageSet]:
    from . import campaigns, citations, commendations, core, feeds, opendata, proposals, robots, search, stats

    return [
        core.pages,
        commendations.pages,
        stats.pages,
        proposals.pages,
        campaigns.pages,
        feeds.pages,
        robots.pages,
        opendata.pages,
        citations.pages,
        search.pages,
    ]
