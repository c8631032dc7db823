"""The filters of the sessions list: by district and by campaign, each value a
page at ``sessions/<kind>/<slug>/`` (slugs from config/vocabulary.yaml). Only
values with at least one published session get a page, as for proposals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .models import HasPage, Session, Showcase

KINDS = ("district", "campaign")


@dataclass(frozen=True)
class SessionFacetValue(HasPage):
    kind: str  # one of KINDS
    slug: str
    name: str
    sessions: tuple[Session, ...]  # newest first, as in showcase.sessions

    @property
    def count(self) -> int:
        return len(self.sessions)

    @property
    def url(self) -> str:
        return f"sessions/{self.kind}/{self.slug}/"


@dataclass(frozen=True)
class SessionFacet:
    kind: str
    values: tuple[SessionFacetValue, ...]


def _facet(kind: str, options: dict[str, str], key: Callable[[Session], str | None], sessions) -> SessionFacet:
    grouped: dict[str | None, list[Session]] = {}
    for session in sessions:
        grouped.setdefault(key(session), []).append(session)
    return SessionFacet(
        kind,
        tuple(
            SessionFacetValue(kind, slug, name, tuple(grouped[name]))
            for name, slug in options.items()
            if name in grouped
        ),
    )


def session_facets(showcase: Showcase) -> tuple[SessionFacet, ...]:
    vocabulary, sessions = showcase.vocabulary, showcase.sessions
    return (
        _facet("district", vocabulary.district_slugs, lambda s: s.district, sessions),
        _facet("campaign", vocabulary.campaigns, lambda s: s.campaign, sessions),
    )
