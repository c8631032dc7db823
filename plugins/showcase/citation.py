"""What a journalist cites: a record's permanent URL, id, title and dates.

The published data has no explicit publication dates yet, so they are derived
(documented in README.md): a proposal was first published on the date of its
展示 stage and last updated on the date of its latest dated stage; a story on
``published_on`` for both. Dates are given as the data gives them ('YYYY',
'YYYY-MM' once coarsened), never made more precise than they are.

The access date of a reference is the reader's: nothing here knows the
build's date, so the output is the same bytes on every build.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import Proposal, Story

DISPLAY_STAGE = "展示"  # the stage at which a proposal is first shown to the public
DESCRIPTION_LENGTH = 120  # characters of a proposal's body in its description


@dataclass(frozen=True)
class Citation:
    kind: str  # "proposal" or "story"
    id: str
    title: str
    description: str
    author: str  # the site, as the reference's responsible party
    path: str  # "/proposals/<id>/"
    url: str  # absolute when SITEURL is set, else the path
    site_url: str  # SITEURL, or "/"
    published: str  # 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
    updated: str
    keywords: tuple[str, ...]

    @property
    def bibtex_url(self) -> str:
        return f"{self.url}cite.bib"

    @property
    def csl_url(self) -> str:
        return f"{self.url}cite.json"


def site_url(settings: dict) -> str:
    return (settings.get("SITEURL") or "").rstrip("/")


def permalink(path: str, settings: dict) -> str:
    """``proposals/x/`` → ``https://host/proposals/x/`` with SITEURL, else ``/proposals/x/``."""
    return f"{site_url(settings)}/{path.lstrip('/')}"


def proposal_dates(proposal: Proposal) -> tuple[str, str]:
    """(first published, last updated) of a proposal, from its timeline, as the data gives them.

    First published: the 展示 stage's date; if that date was not recorded, the
    latest recorded date (the rule of ``dates.published_on``, which feeds and
    the sitemap use). Last updated: the latest date of any reached stage.
    Without any date, both are ``received``.
    """
    dated = [step.date for step in proposal.steps if step.reached and step.date]
    last = dated[-1] if dated else proposal.received
    display = [step.date for step in proposal.steps if step.name == DISPLAY_STAGE and step.reached and step.date]
    return (display[0] if display else last), last


def _shorten(text: str, length: int) -> str:
    """One line of at most ``length`` characters; Chinese lines are joined without a space."""
    flat = " ".join("".join(line.strip() for line in text.splitlines()).split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


def cite(record: Proposal | Story, settings: dict) -> Citation:
    """The citation of a proposal or story page."""
    if isinstance(record, Proposal):
        kind = "proposal"
        published, updated = proposal_dates(record)
        description = _shorten(record.body, DESCRIPTION_LENGTH)
        keywords = (record.topic, *([record.campaign] if record.campaign else []))
    else:
        kind = "story"
        published = updated = record.published_on
        description = record.summary
        keywords = tuple([record.campaign] if record.campaign else [])
    return Citation(
        kind=kind,
        id=record.id,
        title=record.title,
        description=description,
        author=settings.get("SITENAME", ""),
        path=f"/{record.url}",
        url=permalink(record.url, settings),
        site_url=site_url(settings) or "/",
        published=published,
        updated=updated,
        keywords=keywords,
    )
