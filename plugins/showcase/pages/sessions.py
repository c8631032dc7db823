"""The face-to-face sessions (面对面交流活动): the list at ``/sessions/`` (newest
first), one list per district and per campaign at ``/sessions/<kind>/<slug>/``,
one page per session at ``/sessions/<id>/`` (a withdrawn one: its tombstone
page), and the Atom feed ``feeds/sessions.atom.xml``.

The proposal pages show the sessions that discussed them (``pages/core.py``
declares them in ``depends``); a session page shows the titles of its
proposals, so it declares them too. The lists are few and declare nothing:
they are rebuilt whenever the data changes."""

from __future__ import annotations

from collections.abc import Iterator

from ..atom import atom, session_entry
from ..editions import Edition
from ..models import Showcase
from ..session_facets import session_facets
from . import File, Page
from .feeds import NO_DATE

FEED = "feeds/sessions.atom.xml"


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    groups = session_facets(showcase)
    listed = list(showcase.sessions)
    context = {"page_name": "sessions", "session_facets": groups, "sessions": listed, "session_facet": None}
    yield Page("sessions/index.html", "sessions", context)
    for facet in groups:
        for value in facet.values:
            yield Page(value.save_as, "sessions", {**context, "sessions": list(value.sessions), "session_facet": value})
    index = showcase.proposal_index
    for session in showcase.sessions:
        linked = tuple(index[pid] for pid in session.proposals)
        yield Page(session.save_as, "session", {"session": session, "page_name": "session"}, depends=(session, linked))
    for tombstone in showcase.session_tombstones:
        yield Page(
            tombstone.save_as,
            "session_withdrawn",
            {"tombstone": tombstone, "page_name": "session_withdrawn"},
            depends=(tombstone,),
        )
    yield File(FEED, lambda edition: _feed(showcase, settings, edition), editions=True)


def _feed(showcase: Showcase, settings: dict, edition: Edition) -> str:
    limit = settings.get("FEED_MAX_ITEMS")
    found = (session_entry(s, edition) for s in showcase.sessions)
    entries = sorted(found, key=lambda e: (e.published, e.url), reverse=True)
    title = f"{edition.settings(settings)['SITENAME']} · {edition.gettext('面对面交流活动')}"
    return atom(
        title=title, path=FEED, alternate="sessions/", items=entries[:limit] if limit else entries,
        settings=settings, fallback=NO_DATE, edition=edition,
    )  # fmt: skip
