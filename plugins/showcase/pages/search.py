"""``/search/``: Pagefind's Component UI over the index that ``search.py`` builds at ``finalized``.

Written whether or not ``SHOWCASE_SEARCH`` builds the index. Without
JavaScript the page says so and links to the browse pages (the proposal lists
and their facets, stories, campaigns), so ``facets`` are passed along.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..facets import facets
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    yield Page("search/index.html", "search", {"page_name": "search", "facets": facets(showcase)})
