"""The special-collector corps at /collectors/ and one page per sector at
/collectors/<slug>/ (every sector of the vocabulary, listed or not, like the
campaigns): figures from stats.yaml, the flagged proposals paginated like the
proposal lists (see ``collectors.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..collectors import corps
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    found = corps(showcase)
    threshold = showcase.stats["suppression_threshold"]
    # Every page shows the whole corps' figures and the sector menu with counts; the writer adds the slice.
    menu = repr([(s.slug, s.figures, len(s.proposals)) for s in found.sectors])
    shared = (found.figures, threshold, menu)
    listed = list(found.proposals)
    yield Page(
        found.save_as,
        "collectors",
        {"page_name": "collectors", "corps": found, "proposals": listed},
        paginated={"proposals": listed},
        depends=(*shared, len(listed)),
    )
    for sector in found.sectors:
        listed = list(sector.proposals)
        yield Page(
            sector.save_as,
            "collector",
            {"page_name": "collector", "corps": found, "sector": sector, "proposals": listed},
            paginated={"proposals": listed},
            depends=(*shared, sector.name, sector.slug, len(listed)),
        )
