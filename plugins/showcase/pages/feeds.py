"""Atom feeds: everything at ``feeds/all.atom.xml``, and one per campaign of
the vocabulary at ``feeds/campaigns/<slug>.atom.xml`` (see ``atom``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..atom import atom, entries
from ..models import Showcase
from . import File, Page

NO_DATE = date(1970, 1, 1)  # `updated` of a feed when the site has no entry at all


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    everything = entries(showcase.proposals, showcase.stories)
    newest = everything[0].published if everything else NO_DATE

    def feed(path: str, title: str, alternate: str, items) -> File:
        # An empty campaign feed is as new as the site's newest entry.
        return File(
            path, atom(title=title, path=path, alternate=alternate, items=items, settings=settings, fallback=newest)
        )

    yield feed("feeds/all.atom.xml", settings["SITENAME"], "", everything)
    for name, slug in showcase.vocabulary.campaigns.items():
        items = entries(
            tuple(p for p in showcase.proposals if p.campaign == name),
            tuple(s for s in showcase.stories if s.campaign == name),
        )
        yield feed(f"feeds/campaigns/{slug}.atom.xml", f"{settings['SITENAME']} · {name}", f"campaigns/{slug}/", items)
