"""The home page, proposal pages, withdrawn records, stories and the 404 page (the proposal lists: ``proposals``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    yield Page("index.html", "index", {"page_name": "index"})
    # A proposal page shows its own record, the titles of the stories and awards that link it,
    # and the sessions that discussed it (title, date: the session records).
    linked = (showcase.stories, showcase.commendations)
    discussed = showcase.sessions_by_proposal
    for proposal in showcase.proposals:
        depends = (proposal, linked, *([discussed[proposal.id]] if proposal.id in discussed else []))
        yield Page(proposal.save_as, "proposal", {"proposal": proposal, "page_name": "proposal"}, depends=depends)
    for tombstone in showcase.tombstones:
        yield Page(
            tombstone.save_as,
            "withdrawn",
            {"tombstone": tombstone, "page_name": "withdrawn"},
            depends=(tombstone,),
        )
    yield Page("stories/index.html", "stories", {"page_name": "stories"})
    for story in showcase.stories:
        yield Page(story.save_as, "story", {"story": story, "page_name": "story"})
    # Served for any missing path, so its links cannot be relative to its own place.
    yield Page("404.html", "404", {"page_name": "404"}, absolute_urls=True)
