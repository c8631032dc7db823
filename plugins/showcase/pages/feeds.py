"""Atom feeds: everything at ``feeds/all.atom.xml``, and one per campaign of
the vocabulary at ``feeds/campaigns/<slug>.atom.xml`` (see ``atom``).

Each feed carries the newest ``FEED_MAX_ITEMS`` entries (pelicanconf.py: 50):
a feed reader wants what is new, and a feed of every record would be 14 MB at
10,000 proposals. The full record is in the open data (``/data/``)."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from datetime import date

from ..atom import Entry, atom, proposal_entry, story_entry
from ..dates import first_day, first_published
from ..models import Proposal, Showcase, Story
from . import File, Page

NO_DATE = date(1970, 1, 1)  # `updated` of a feed when the site has no entry at all


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    limit = settings.get("FEED_MAX_ITEMS")  # Pelican's setting: a feed carries the newest N entries
    everything = (*showcase.proposals, *showcase.stories)

    def feed(path: str, title: str, alternate: str, records: tuple) -> File:
        def content() -> str:
            # An empty campaign feed is as new as the site's newest entry.
            newest = newest_entries(everything, 1)
            fallback = newest[0].published if newest else NO_DATE
            items = newest_entries(records, limit)
            return atom(title=title, path=path, alternate=alternate, items=items, settings=settings, fallback=fallback)

        return File(path, content)  # made only when the data changed (see File.content)

    yield feed("feeds/all.atom.xml", settings["SITENAME"], "", everything)
    for name, slug in showcase.vocabulary.campaigns.items():
        records = tuple(r for r in everything if r.campaign == name)
        title = f"{settings['SITENAME']} · {name}"
        yield feed(f"feeds/campaigns/{slug}.atom.xml", title, f"campaigns/{slug}/", records)


def _newest_first(record: Proposal | Story) -> tuple[date, str]:
    """An entry's order (by publication day, then URL, descending), known without making the entry."""
    return first_day(first_published(record)), record.url


def newest_entries(records: tuple, limit: int | None) -> list[Entry]:
    """The entries of the ``limit`` newest records, newest first; only those entries are made."""
    chosen = heapq.nlargest(limit, records, key=_newest_first) if limit else records
    found = [proposal_entry(r) if isinstance(r, Proposal) else story_entry(r) for r in chosen]
    return sorted(found, key=lambda e: (e.published, e.url), reverse=True)
