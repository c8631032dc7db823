"""The facets of the proposals index: campaign, topic, district, year, decision.

Each facet value has its own list page at ``proposals/<kind>/<slug>/``. Slugs
come from config/vocabulary.yaml (years are their own slug). Only values with
at least one published proposal get a page. A proposer whose district was
coarsened away (``district: null``) is counted under the district bucket
``UNSPECIFIED_DISTRICT`` (shown as 全市（未细分）), so the district counts add up to
all published proposals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import HasPage, Proposal, Showcase

UNSPECIFIED_DISTRICT = "citywide"
KINDS = ("campaign", "topic", "district", "year", "decision")


@dataclass(frozen=True)
class FacetValue(HasPage):
    kind: str  # one of KINDS
    slug: str
    name: str | None  # None: the district bucket of coarsened proposers (the template names it)
    proposals: tuple[Proposal, ...]  # newest first, as in showcase.proposals

    @property
    def count(self) -> int:
        return len(self.proposals)

    @property
    def url(self) -> str:
        return f"proposals/{self.kind}/{self.slug}/"


@dataclass(frozen=True)
class Facet:
    kind: str
    values: tuple[FacetValue, ...]  # display order; only values with proposals


def _facet(
    kind: str,
    options: Iterable[tuple[str | None, str]],
    key: Callable[[Proposal], str | None],
    proposals: tuple[Proposal, ...],
) -> Facet:
    """``options`` are (name, slug) in display order; ``key`` gives a proposal's name."""
    grouped: dict[str | None, list[Proposal]] = {}
    for proposal in proposals:
        grouped.setdefault(key(proposal), []).append(proposal)
    values = tuple(FacetValue(kind, slug, name, tuple(grouped[name])) for name, slug in options if name in grouped)
    return Facet(kind, values)


def year_of(proposal: Proposal) -> str:
    return proposal.received[:4]


def facets(showcase: Showcase) -> tuple[Facet, ...]:
    """All facets, in the order of ``KINDS``."""
    vocabulary, proposals = showcase.vocabulary, showcase.proposals
    years = sorted({year_of(p) for p in proposals}, reverse=True)
    districts = [*vocabulary.district_slugs.items(), (None, UNSPECIFIED_DISTRICT)]
    return (
        _facet("campaign", vocabulary.campaigns.items(), lambda p: p.campaign, proposals),
        _facet("topic", vocabulary.topic_slugs.items(), lambda p: p.topic, proposals),
        _facet("district", districts, lambda p: p.proposer.district, proposals),
        _facet("year", [(year, year) for year in years], year_of, proposals),
        _facet("decision", vocabulary.decision_slugs.items(), lambda p: p.decision, proposals),
    )
