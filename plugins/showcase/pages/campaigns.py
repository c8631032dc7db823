"""The campaigns index and one page per campaign of the vocabulary (its
intro, stories and proposals; the proposals are paginated like the index)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..campaigns import campaigns, intro_folder
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    found = campaigns(showcase, intro_folder(settings))
    english: list = []  # the same campaigns with their English intros, read when an English page is made

    def in_edition(index: int, edition) -> dict:
        if not edition.english:
            return {}
        if not english:
            english.extend(campaigns(showcase, intro_folder(settings), english=True))
        return {"campaign": english[index]}

    yield Page("campaigns/index.html", "campaigns", {"page_name": "campaigns", "campaigns": found})
    stats = showcase.stats
    for index, campaign in enumerate(found):
        listed = list(campaign.proposals)
        # The page shows the campaign's intro (content/, in every key), its stories, its figures from
        # stats.yaml and its slice of the list (added by the writer).
        figures = (stats["by_campaign"].get(campaign.name), stats["suppression_threshold"])
        yield Page(
            campaign.save_as,
            "campaign",
            {"page_name": "campaign", "campaign": campaign, "proposals": listed},
            paginated={"proposals": listed},
            depends=(campaign.name, campaign.slug, campaign.stories, figures, len(listed)),
            edition_context=partial(in_edition, index),
        )
