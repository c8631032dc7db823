"""The proposals index and one list per facet value, paginated by Pelican.

Pagination is Pelican's: the ``proposals`` list is passed as the writer's
``paginated`` argument, so with ``PAGINATED_TEMPLATES`` naming the template
(pelicanconf.py: 20 a page) and ``PAGINATION_PATTERNS`` (``<list>/page/<n>/``)
each list is cut into pages; the template gets ``proposals`` (the whole list),
``proposals_page`` and ``proposals_paginator``. Without those settings a list
is one page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..facets import facets
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    groups = facets(showcase)
    everything = list(showcase.proposals)
    # Every list page shows the facet menu with counts, and its own slice of the
    # list (the writer adds the slice and page numbers to `depends`).
    menu = repr([(value.kind, value.slug, value.count) for facet in groups for value in facet.values])
    yield Page(
        "proposals/index.html",
        "proposals",
        {"page_name": "proposals", "facets": groups, "proposals": everything},
        paginated={"proposals": everything},
        depends=(menu, len(everything)),
    )
    for facet in groups:
        for value in facet.values:
            listed = list(value.proposals)
            yield Page(
                value.save_as,
                "facet",
                {"page_name": "facet", "facet": value, "facets": groups, "proposals": listed},
                paginated={"proposals": listed},
                depends=(menu, value.kind, value.slug, value.name, len(listed)),
            )
