"""The ``lastmod`` of a sitemap entry (``sitemap.py``), from the data.

A proposal page or a story, its ``last_updated``; a list (``*_page`` of Pelican's
pagination) or campaign page, its newest record; a hand-written page, its own
``date``/``modified`` if it has one (else none); any other page, the newest date in the data.
"""

from __future__ import annotations

from datetime import date

from .campaigns import Campaign
from .dates import first_day, last_changed, last_updated, published_on
from .models import Proposal, Showcase, Story


def date_of(record) -> date | None:
    if isinstance(record, Campaign):  # the newest of its records
        return max(filter(None, map(date_of, (*record.proposals, *record.stories))), default=None)
    if isinstance(record, Proposal):
        return published_on(record)
    if isinstance(record, Story):
        return first_day(last_updated(record))
    return None


def newest_date(showcase: Showcase) -> date | None:
    found = [last_changed(p) for p in showcase.proposals]
    found += [first_day(s.published_on) for s in showcase.stories]
    found += [first_day(a.awarded_on) for year in showcase.commendations for a in year.awards]
    return max(found, default=None)


def lastmod(context: dict, record_date=date_of) -> date | None:
    if "proposal" in context:
        return last_changed(context["proposal"])
    if "story" in context:
        return first_day(last_updated(context["story"]))
    if "page" in context:  # a Pelican page (content/pages/*.md)
        when = getattr(context["page"], "modified", None) or getattr(context["page"], "date", None)
        return when.date() if when else None
    listed = [r for key, value in context.items() if key.endswith("_page") for r in getattr(value, "object_list", ())]
    dates = [d for d in map(record_date, listed) if d]
    if "campaign" in context:
        dates += [d for d in map(record_date, (context["campaign"],)) if d]
    if dates:
        return max(dates)
    return newest_date(context["showcase"]) if "showcase" in context else None
