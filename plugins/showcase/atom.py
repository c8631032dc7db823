"""Atom feeds: new publications (published proposals and stories, newest
first), and the record of changes (one entry per day, ``changes_entry``).

Written with feedgenerator (a Pelican dependency) rather than Pelican's
``write_feed``: that one derives each entry id from the page URL, which has no
host in a relative build, and it resolves links against the site root, not
against the feed's own folder. Here:

- entry and feed ids are ``urn:uuid:`` names derived from the record id only
  (uuid5), so they never change with the host or a title edit;
- links are absolute from ``SITEURL`` when it is set, else relative to the
  feed file (``../proposals/<id>/`` from ``feeds/all.atom.xml``);
- dates are the records' own (see ``dates``: ``published`` is when a record
  was first published, an entry's ``updated`` when its content last changed),
  at midnight in ``TIMEZONE``; the feed's ``updated`` is its newest entry's
  ``updated`` (an empty feed takes ``fallback``), so the same data gives the
  same bytes.

Citizen text is plain text: it is escaped before it goes into an HTML field.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from feedgenerator import Atom1Feed
from markupsafe import escape

from .dates import first_day, first_published, last_changed, last_updated, published_on
from .editions import ORIGINAL_EDITION, Edition
from .models import Proposal, Session, Story
from .render import paragraphs

# Fixed for ever: changing it changes every entry id readers have stored.
ID_NAMESPACE = uuid.UUID("5b0c8a4e-2f6d-5a7e-9c1b-3d4e5f607182")


def urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    url: str  # site-relative, e.g. "proposals/xzjy-2024-000123/"
    published: date
    updated: date
    summary: str | None  # HTML
    content: str  # HTML
    categories: tuple[str, ...]


def _text_html(*texts: str | None) -> str:
    return "".join(f"<p>{escape(line)}</p>" for text in texts for line in paragraphs(text))


def proposal_entry(proposal: Proposal, edition: Edition = ORIGINAL_EDITION) -> Entry:
    meta = " · ".join(
        [_proposer(proposal.proposer, edition), edition.term(proposal.topic), edition.term(proposal.decision)]
    )
    return Entry(
        id=urn(f"proposal:{proposal.id}"),
        title=_title(proposal, edition),
        url=proposal.url,
        published=published_on(proposal),
        updated=last_changed(proposal),
        summary=str(escape(meta)),
        content=_text_html(proposal.body, proposal.outcome),
        categories=tuple(edition.term(c) for c in (proposal.topic, proposal.campaign) if c),
    )


def _proposer(proposer, edition: Edition) -> str:
    """The proposer's label (type or group · district or the city), in English in that edition."""
    if not edition.english:
        return proposer.label
    where = edition.term(proposer.district) if proposer.district else edition.gettext("徐州市")
    return f"{edition.term(proposer.type or proposer.group)} · {where}"


def _title(record, edition: Edition) -> str:
    """The staff-supplied English title in the English edition, else the record's own."""
    return (edition.english and getattr(record, "title_en", None)) or record.title


def story_entry(story: Story, edition: Edition = ORIGINAL_EDITION) -> Entry:
    return Entry(
        id=urn(f"story:{story.id}"),
        title=_title(story, edition),
        url=story.url,
        published=first_day(first_published(story)),
        updated=first_day(last_updated(story)),
        summary=str(escape(story.summary)),
        content=str(story.body_html),
        categories=(edition.term(story.campaign),) if story.campaign else (),
    )


def session_entry(session: Session, edition: Edition = ORIGINAL_EDITION) -> Entry:
    meta = " · ".join([session.held_on, session.place, edition.term(session.topic)])
    return Entry(
        id=urn(f"session:{session.id}"),
        title=session.title,
        url=session.url,
        published=first_day(first_published(session)),
        updated=first_day(last_updated(session)),
        summary=str(escape(meta)),
        content=_text_html(session.agreed),
        categories=tuple(edition.term(c) for c in (session.topic, session.campaign) if c),
    )


class _Feed(Atom1Feed):
    def __init__(self, *args, updated: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self._updated = updated

    def latest_post_date(self) -> datetime:
        return self._updated


def changes_entry(day: date, title: str, content: str) -> Entry:
    """One day of the record of changes (/changes/): its title and HTML list come from the theme."""
    return Entry(
        id=urn(f"changes:{day.isoformat()}"),
        title=title,
        url="changes/",
        published=day,
        updated=day,
        summary=None,
        content=content,
        categories=(),
    )


def feed_link(url: str, path: str, settings: dict) -> str:
    """A site-relative URL as a feed at ``path`` links it: absolute from SITEURL, else relative to the feed."""
    siteurl = settings.get("SITEURL") or ""
    return f"{siteurl}/{url}" if siteurl else "../" * path.count("/") + url


def atom(
    *,
    title: str,
    path: str,  # where the feed is written, e.g. "feeds/all.atom.xml"
    alternate: str,  # site-relative URL of the page the feed follows ("" for the home page)
    items: list[Entry],
    settings: dict,
    fallback: date,
    edition: Edition = ORIGINAL_EDITION,
) -> str:
    """The feed at ``path`` in ``edition`` (editions.py): its links lead to that edition's pages,
    its ids are the original edition's ones qualified by the edition's language."""
    settings = edition.settings(settings)
    zone = ZoneInfo(settings["TIMEZONE"])
    siteurl = settings.get("SITEURL") or ""

    def qualified(name: str) -> str:
        return name if edition.original else f"{name}?lang={edition.code}"

    def link(url: str) -> str:
        return feed_link(url, path, settings)

    def moment(day: date) -> datetime:
        return datetime.combine(day, time(), tzinfo=zone)

    feed = _Feed(
        title=title,
        link=link(alternate) or "./",
        description="",
        language=edition.code,
        author_name=settings["SITENAME"],
        feed_url=f"{siteurl}/{path}" if siteurl else path.rsplit("/", 1)[-1],
        feed_guid=qualified(urn(f"feed:{path}")),
        updated=moment(max((entry.updated for entry in items), default=fallback)),
    )
    for entry in items:
        feed.add_item(
            title=entry.title,
            link=link(entry.url),
            description=entry.summary,
            content=entry.content,
            unique_id=qualified(entry.id),
            pubdate=moment(entry.published),
            updateddate=moment(entry.updated),
            categories=entry.categories,
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue() + "\n"
