"""What a journalist cites: a record's permanent URL, id, title and dates.

The dates are the record's ``first_published`` and ``last_updated`` (see
``dates``: derived from the stages, or a story's ``published_on``, for data
written before the pipeline recorded them). Dates are given as the data gives
them ('YYYY', 'YYYY-MM' once a derived date was coarsened), never made more
precise than they are.

The access date of a reference is the reader's: nothing here knows the
build's date, so the output is the same bytes on every build.
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import first_published, last_updated
from .editions import ORIGINAL_EDITION, Edition
from .models import Proposal, Session, Story

DESCRIPTION_LENGTH = 120  # characters of a proposal's body in its description


@dataclass(frozen=True)
class Citation:
    kind: str  # "proposal", "story" or "session"
    id: str
    title: str
    title_en: str | None
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
    """(first published, last updated) of a proposal, as the data gives them (see ``dates``)."""
    return first_published(proposal), last_updated(proposal)


def _shorten(text: str, length: int) -> str:
    """One line of at most ``length`` characters; Chinese lines are joined without a space."""
    flat = " ".join("".join(line.strip() for line in text.splitlines()).split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"


# (id(record), edition) → (record, SITENAME, SITEURL, citation): a record's page, its two citation files and
# its CSV row all cite it. The entry holds the record, so no other object can get its id.
_CITED: dict[int, tuple] = {}
CITED_MAX = 200_000  # entries kept before the memo starts again (a long-lived `pelican --autoreload`)


def cite(record: Proposal | Story | Session, settings: dict, edition: Edition = ORIGINAL_EDITION) -> Citation:
    """The citation of a proposal, story or session page (worked out once per record, site and
    edition). ``settings`` are the edition's (``Edition.settings``): its URL and site name."""
    author, url = settings.get("SITENAME", ""), settings.get("SITEURL")
    key = (id(record), edition.code)
    entry = _CITED.get(key)
    if entry is not None and entry[1] == author and entry[2] == url:
        return entry[3]
    if len(_CITED) >= CITED_MAX:
        _CITED.clear()
    citation = _cite(record, settings, edition)
    _CITED[key] = (record, author, url, citation)
    return citation


def _cite(record: Proposal | Story | Session, settings: dict, edition: Edition = ORIGINAL_EDITION) -> Citation:
    if isinstance(record, Session):
        kind = "session"
        description = _shorten(record.agreed, DESCRIPTION_LENGTH)
        keywords = (record.topic, *([record.campaign] if record.campaign else []))
    elif isinstance(record, Proposal):
        kind = "proposal"
        description = _shorten(record.body, DESCRIPTION_LENGTH)
        keywords = (record.topic, *([record.campaign] if record.campaign else []))
    else:
        kind = "story"
        description = record.summary
        keywords = tuple([record.campaign] if record.campaign else [])
    return Citation(
        kind=kind,
        id=record.id,
        title=record.title,
        # BibTeX and CSL of the English edition carry the English title where staff supplied one.
        title_en=(edition.english and getattr(record, "title_en", None)) or None,
        description=description,
        author=settings.get("SITENAME", ""),
        path=f"/{record.url}",
        url=permalink(record.url, settings),
        site_url=site_url(settings) or "/",
        published=first_published(record),
        updated=last_updated(record),
        keywords=keywords,
    )
