"""Atom feeds: everything at ``feeds/all.atom.xml``, and one per campaign of
the vocabulary at ``feeds/campaigns/<slug>.atom.xml`` (see ``atom``).

Each feed carries the newest ``FEED_MAX_ITEMS`` entries (pelicanconf.py: 50):
a feed reader wants what is new, and a feed of every record would be 14 MB at
10,000 proposals. The full record is in the open data (``/data/``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cached_property

from ..atom import Entry, atom, proposal_entry, story_entry
from ..models import Proposal, Showcase
from . import File, Page

NO_DATE = date(1970, 1, 1)  # `updated` of a feed when the site has no entry at all


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    limit = settings.get("FEED_MAX_ITEMS")  # Pelican's setting: a feed carries the newest N entries
    derive = showcase.source.derive  # entries are remembered between builds by record content
    everything = _Entries(showcase.proposals, showcase.stories, derive)

    def feed(path: str, title: str, alternate: str, selected: _Entries) -> File:
        # An empty campaign feed is as new as the site's newest entry.
        def content() -> str:
            newest = everything.all[0].published if everything.all else NO_DATE
            items = selected.all[:limit] if limit else selected.all
            return atom(title=title, path=path, alternate=alternate, items=items, settings=settings, fallback=newest)

        return File(path, content)

    yield feed("feeds/all.atom.xml", settings["SITENAME"], "", everything)
    for name, slug in showcase.vocabulary.campaigns.items():
        selected = _Entries(
            tuple(p for p in showcase.proposals if p.campaign == name),
            tuple(s for s in showcase.stories if s.campaign == name),
            derive,
        )
        title = f"{settings['SITENAME']} · {name}"
        yield feed(f"feeds/campaigns/{slug}.atom.xml", title, f"campaigns/{slug}/", selected)


class _Entries:
    """A feed's entries, made only when a feed is written (see ``File.content``)."""

    def __init__(self, proposals, stories, derive):
        self.proposals, self.stories, self.derive = proposals, stories, derive

    @cached_property
    def all(self) -> list[Entry]:
        """Newest first; entries of the same day by URL, descending (as ``atom.entries``)."""
        found = [*map(self._entry, self.proposals), *map(self._entry, self.stories)]
        return sorted(found, key=lambda e: (e.published, e.url), reverse=True)

    def _entry(self, record) -> Entry:
        make = proposal_entry if isinstance(record, Proposal) else story_entry
        return self.derive("atom", record, lambda: make(record))
