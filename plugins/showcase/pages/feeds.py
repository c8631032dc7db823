"""Atom feeds: everything at ``feeds/all.atom.xml``, and one per campaign of
the vocabulary at ``feeds/campaigns/<slug>.atom.xml`` (see ``atom``).

Each feed carries the newest ``FEED_MAX_ITEMS`` entries (pelicanconf.py: 50):
a feed reader wants what is new, and a feed of every record would be 14 MB at
10,000 proposals. The full record is in the open data (``/data/``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from functools import partial

from ..atom import Entry, atom, proposal_entry, story_entry
from ..dates import first_day, first_published
from ..editions import Edition
from ..models import Proposal, Showcase, Story
from . import File, Page

NO_DATE = date(1970, 1, 1)  # `updated` of a feed when the site has no entry at all


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    limit = settings.get("FEED_MAX_ITEMS")  # Pelican's setting: a feed carries the newest N entries
    # Newest first, once for every feed: a feed is its first `limit` records of one campaign (or all).
    everything = sorted((*showcase.proposals, *showcase.stories), key=_newest_first, reverse=True)
    newest = everything[:1]  # an empty campaign feed is as new as the site's newest entry

    def feed(path: str, title: Callable[[Edition], str], alternate: str, records: list) -> File:
        chosen = records[:limit] if limit else records

        def content(edition: Edition) -> str:
            entries = _entries(newest, edition)
            fallback = entries[0].published if entries else NO_DATE
            items = _entries(chosen, edition)
            return atom(
                title=title(edition), path=path, alternate=alternate, items=items,
                settings=settings, fallback=fallback, edition=edition,
            )  # fmt: skip

        # An entry is made from its record alone: a feed changes only when one of its records does.
        return File(path, content, depends=(path, alternate, chosen, newest), editions=True)

    def site_name(edition: Edition) -> str:
        return edition.settings(settings)["SITENAME"]

    yield feed("feeds/all.atom.xml", site_name, "", everything)
    for name, slug in showcase.vocabulary.campaigns.items():
        records = [r for r in everything if r.campaign == name]
        title = partial(lambda name, edition: f"{site_name(edition)} · {edition.term(name)}", name)
        yield feed(f"feeds/campaigns/{slug}.atom.xml", title, f"campaigns/{slug}/", records)


def _newest_first(record: Proposal | Story) -> tuple[date, str]:
    """An entry's order (by publication day, then URL, descending), known without making the entry."""
    return first_day(first_published(record)), record.url


def _entries(records: list, edition: Edition) -> list[Entry]:
    """The entries of records already newest first (by ``_newest_first``), in the feed's order."""
    found = [proposal_entry(r, edition) if isinstance(r, Proposal) else story_entry(r, edition) for r in records]
    return sorted(found, key=lambda e: (e.published, e.url), reverse=True)
