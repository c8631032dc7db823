"""The campaigns index and one page per campaign of the vocabulary (its
intro, stories and proposals; the proposals are paginated like the index)."""

from __future__ import annotations

from collections.abc import Iterator

from ..campaigns import campaigns, intro_folder
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    found = campaigns(showcase, intro_folder(settings))
    yield Page("campaigns/index.html", "campaigns", {"page_name": "campaigns", "campaigns": found})
    for campaign in found:
        listed = list(campaign.proposals)
        yield Page(
            campaign.save_as,
            "campaign",
            {"page_name": "campaign", "campaign": campaign, "proposals": listed},
            paginated={"proposals": listed},
        )
