"""The dates feeds and the sitemap give a record, taken from the data only.

Data dates may be coarsened to a month (``'YYYY-MM'``) or a year
(``'YYYY'``); such a period stands for its first day.
"""

from __future__ import annotations

from datetime import date

from .models import Proposal

DISPLAY_STAGE = "display"  # the slug of 展示 in config/vocabulary.yaml


def first_day(value: str) -> date:
    """``'2024'`` → 2024-01-01, ``'2024-03'`` → 2024-03-01, ``'2024-03-05'`` → itself."""
    parts = [int(part) for part in value.split("-")]
    return date(*parts, *[1] * (3 - len(parts)))


def _dated_steps(proposal: Proposal) -> list[str]:
    return [step.date for step in proposal.steps if step.reached and step.date]


def published_on(proposal: Proposal) -> date:
    """When the proposal was shown to the public: the date of its 展示 stage,
    else of the latest dated stage it reached, else the month it was received."""
    for step in proposal.steps:
        if step.slug == DISPLAY_STAGE and step.reached and step.date:
            return first_day(step.date)
    dated = _dated_steps(proposal)
    return first_day(dated[-1] if dated else proposal.received)


def last_changed(proposal: Proposal) -> date:
    """The date of the latest stage the proposal reached (its page's last change)."""
    dated = _dated_steps(proposal)
    return first_day(dated[-1] if dated else proposal.received)
