"""/changes/ (更新记录): which records were first published, updated and
withdrawn on each day, newest first, and its Atom feed ``feeds/changes.atom.xml``
(one entry per day: the newest ``FEED_MAX_ITEMS`` days like the other feeds,
each listing that many changes at most).

Made from the published data only: each proposal's and story's
``first_published`` and ``last_updated``, each tombstone's ``first_published``
and ``withdrawn_on``. The data keeps a record's latest update only, so an
earlier update of the same record is not listed (the git history of the data
folder has them all); records without dates (exported before the pipeline
recorded them) are not listed.

The list is one flat list of changes, paginated by Pelican like the proposal
lists when ``PAGINATED_TEMPLATES`` names ``changes``; the template groups each
page's slice by day. The feed's words come from the theme's
``partials/_changes.html``, like the page's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from .. import i18n
from ..atom import atom, changes_entry, feed_link
from ..dates import first_day
from ..editions import ORIGINAL_EDITION, Edition
from ..models import CHANGE_KINDS, Change, ChangeDay, Showcase, Tombstone
from ..when import when_filter
from . import File, Page
from .feeds import NO_DATE

FEED = "feeds/changes.atom.xml"


def changes(showcase: Showcase, tombstones: list[Tombstone]) -> list[Change]:
    """Every change, newest day first; a day's in the order of CHANGE_KINDS, then proposals before stories, by id."""
    found = []
    for record in (*showcase.proposals, *showcase.stories):
        if record.first_published:
            found.append(Change(record.first_published, "published", record))
        if record.was_updated:
            found.append(Change(record.last_updated, "updated", record))
    for tombstone in tombstones:
        if tombstone.first_published:
            found.append(Change(tombstone.first_published, "published", tombstone))
        if tombstone.withdrawn_on:
            found.append(Change(tombstone.withdrawn_on, "withdrawn", tombstone))
    found.sort(key=lambda c: (CHANGE_KINDS.index(c.kind), c.record.SECTION, c.record.id))
    found.sort(key=lambda c: c.date, reverse=True)  # stable: keeps the order above within a day
    return found


def days(listed: list[Change]) -> list[ChangeDay]:
    """The changes grouped by day, in the order given."""
    grouped: dict[str, list[Change]] = {}
    for change in listed:
        grouped.setdefault(change.date, []).append(change)
    return [ChangeDay(date, tuple(items)) for date, items in grouped.items()]


def theme_words(settings: dict, edition: Edition = ORIGINAL_EDITION):
    """The macros of the theme's ``partials/_changes.html``, for the feed, in ``edition``."""
    environment = Environment(
        loader=FileSystemLoader(Path(settings["THEME"]) / "templates"), **settings.get("JINJA_ENVIRONMENT", {})
    )
    environment.autoescape = True  # the feed's HTML holds citizens' titles
    i18n.install(environment, settings)  # the macros' words are gettext messages, dates come from `when`
    environment.filters["when"] = when_filter(settings)
    names = {"edition": edition, **(edition.jinja_callables if edition.english else {})}
    return environment.get_template("partials/_changes.html").make_module(names)


def _plain(markup: Markup) -> str:
    """A macro's text for a plain-text field (a feed title): entities resolved, whitespace collapsed."""
    return Markup(markup).striptags()


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    listed = changes(showcase, list(showcase.tombstones))
    by_day = days(listed)
    context = {
        "page_name": "changes",
        "changes": listed,
        "change_days": {day.date: day for day in by_day},
        "change_kinds": CHANGE_KINDS,
    }
    # A page shows its slice of the list (added by the writer) and each of its days' whole counts.
    day_counts = repr([(day.date, [len(day.of(kind)) for kind in CHANGE_KINDS]) for day in by_day])
    yield Page(
        "changes/index.html", "changes", context, paginated={"changes": listed}, depends=(day_counts, len(listed))
    )

    # Made only when the data changed.
    yield File(FEED, lambda edition: _feed(by_day, settings, edition), editions=True)


def _feed(by_day: list[ChangeDay], settings: dict, edition: Edition) -> str:
    words = theme_words(settings, edition)
    # Like the other feeds, the newest FEED_MAX_ITEMS entries (days), and as many changes an entry at most:
    # the first export lists every record on one day (6,761 links, 955 kB at 6,757 proposals).
    limit = settings.get("FEED_MAX_ITEMS")

    def link(url: str) -> str:
        return feed_link(url, FEED, edition.settings(settings))

    entries = [
        changes_entry(
            first_day(day.date),
            _plain(words.feed_title({"day": day})),
            str(words.feed_content({"day": day, "link": link, "limit": limit})).strip(),
        )
        for day in (by_day[:limit] if limit else by_day)
    ]
    title = f"{edition.settings(settings)['SITENAME']} · {_plain(words.feed_name())}"
    return atom(
        title=title, path=FEED, alternate="changes/", items=entries, settings=settings, fallback=NO_DATE,
        edition=edition,
    )  # fmt: skip
