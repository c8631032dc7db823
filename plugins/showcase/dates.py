"""The dates a record's page, its citation, the feeds and the sitemap give it.

They are the record's own ``first_published`` and ``last_updated``, which the
pipeline keeps stable across exports (docs/published-data.md). Data written
before the pipeline recorded them has none: a proposal's are then derived
from its stages (first published when it reached 展示, last updated at its
latest dated stage), a story's are its ``published_on``. Derived dates may be
coarsened to a month (``'YYYY-MM'``) or a year (``'YYYY'``); such a period
stands for its first day.
"""

from __future__ import annotations

from datetime import date

from .models import Proposal, Story

DISPLAY_STAGE = "display"  # the slug of 展示 in config/vocabulary.yaml


def first_day(value: str) -> date:
    """``'2024'`` → 2024-01-01, ``'2024-03'`` → 2024-03-01, ``'2024-03-05'`` → itself."""
    parts = [int(part) for part in value.split("-")]
    return date(*parts, *[1] * (3 - len(parts)))


def _dated_steps(proposal: Proposal) -> list[str]:
    return [step.date for step in proposal.steps if step.reached and step.date]


def _derived_first(proposal: Proposal) -> str:
    """The date of its 展示 stage, else of the latest dated stage, else the month received."""
    for step in proposal.steps:
        if step.slug == DISPLAY_STAGE and step.reached and step.date:
            return step.date
    return _derived_last(proposal)


def _derived_last(proposal: Proposal) -> str:
    dated = _dated_steps(proposal)
    return dated[-1] if dated else proposal.received


def first_published(record: Proposal | Story) -> str:
    """When the record was first shown on the site, as the data gives it."""
    if record.first_published:
        return record.first_published
    return _derived_first(record) if isinstance(record, Proposal) else record.published_on


def last_updated(record: Proposal | Story) -> str:
    """When the record's published content last changed, as the data gives it."""
    if record.last_updated:
        return record.last_updated
    return _derived_last(record) if isinstance(record, Proposal) else record.published_on


def published_on(proposal: Proposal) -> date:
    """The day the proposal was first published (feeds, sitemap)."""
    return first_day(first_published(proposal))


def last_changed(proposal: Proposal) -> date:
    """The day the proposal's page last changed (sitemap)."""
    return first_day(last_updated(proposal))
