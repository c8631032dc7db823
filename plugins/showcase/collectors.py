"""The special-collector corps (特约人民建议征集人) at /collectors/ and one page per sector.

Figures come from ``stats.yaml`` ``collectors`` (the whole export, small cells
suppressed by the pipeline); the lists are the published proposals whose
proposer carries ``special_collector: true``. A sector page lists only the
proposals whose proposer type is shown as that sector: a proposer coarsened
to a group (``type: null``) is listed on /collectors/ under its group, never
on a sector page, so the facet cannot reveal a type the record hides.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import HasPage, Proposal, Showcase

SECTION = "collectors"


@dataclass(frozen=True)
class Sector(HasPage):
    name: str
    slug: str
    figures: dict | None  # stats.yaml collectors.by_sector[name]; None in data exported before it existed
    proposals: tuple[Proposal, ...]  # newest first, as in showcase.proposals

    @property
    def url(self) -> str:
        return f"{SECTION}/{self.slug}/"


@dataclass(frozen=True)
class Corps(HasPage):
    figures: dict | None  # stats.yaml collectors, or None
    sectors: tuple[Sector, ...]  # every sector of the vocabulary, in its order
    proposals: tuple[Proposal, ...]  # every proposal flagged as brought in by a collector

    url = f"{SECTION}/"


def corps(showcase: Showcase) -> Corps:
    figures = showcase.stats.get("collectors")
    flagged = tuple(p for p in showcase.proposals if p.proposer.special_collector)
    by_sector = (figures or {}).get("by_sector", {})
    sectors = tuple(
        Sector(name, slug, by_sector.get(name), tuple(p for p in flagged if p.proposer.type == name))
        for name, slug in showcase.vocabulary.collector_sectors.items()
    )
    return Corps(figures, sectors, flagged)
