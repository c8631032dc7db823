"""What the site writes, as data: each page set is a function
``(showcase, settings) -> Iterable[Page | File]``, and the generator writes
them all. A new kind of page is a new module here and one line in
``PAGE_SETS``: the generator does not change.

``Page`` is rendered with a theme template (``writer.py``: Pelican's context,
relative URLs and pagination), once per edition of the site (``editions.py``), at the
same path below each edition's folder; ``File`` is written as is (open-data
downloads, robots.txt ...), once at the root unless it asks for one per edition.

``depends`` is what the output is made from besides templates and settings:
records and plain values (see ``fingerprint.py``). The build skips an output
whose ``depends`` did not change. Leave it ``None`` (the default) and the
output is rebuilt whenever anything in the data changes: always correct, only
slower, so declare it only for page sets with many outputs, and declare
everything the template reads (a test compares an incremental build with a
clean one). A list in ``depends`` must not change once declared: a long one is
fingerprinted once per build, by its object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..models import Showcase


@dataclass(frozen=True)
class Page:
    save_as: str  # e.g. "proposals/xzjy-2024-000123/index.html"
    template: str  # theme template name without .html
    # Extra names for the template; a callable returning them is called only if the page is rendered.
    context: dict | Callable[[], dict] = field(default_factory=dict)
    absolute_urls: bool = False  # 404.html is served at any path
    paginated: dict | None = None  # Pelican's `paginated` argument to write_file
    depends: object = None  # see the module docstring
    # More names that differ by edition (editions.py): called with the edition when rendered.
    edition_context: Callable[[object], dict] | None = None
    written_by_pelican: bool = False  # a hand-written page: Pelican writes its original edition


@dataclass(frozen=True)
class File:
    save_as: str
    content: str | bytes | Callable[..., str | bytes]  # a callable is called only if the file is written
    depends: object = None
    # One file per edition (feeds, citations): ``content`` is then called with the edition
    # (editions.py) and its text converted as the edition's pages are. Else one file at the root.
    editions: bool = False


PageSet = Callable[[Showcase, dict], Iterable[Page | File]]


def page_sets() -> list[PageSet]:
    from . import (
        campaigns,
        changes,
        citations,
        collectors,
        commendations,
        core,
        feeds,
        opendata,
        proposals,
        robots,
        search,
        sessions,
        stats,
    )  # fmt: skip

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
        changes.pages,
        collectors.pages,
        sessions.pages,
    ]
