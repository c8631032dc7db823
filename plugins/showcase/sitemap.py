"""``sitemap.xml``: every HTML page this build wrote, with a lastmod from the data.

Pages come from two places: the page sets' HTML pages, handed over by the
generator (``add_pages``, including those an incremental build did not need
to rewrite), and Pelican's ``content_written`` signal (hand-written pages).
The file is written at ``finalized``. A page whose HTML carries
``<meta name="robots" content="noindex">`` (withdrawn proposals, 404.html) is
left out. URLs are absolute from
``SITEURL``; without it (a relative build) they are relative to the sitemap,
which sits at the site root. Sorted by URL; no build time anywhere.

lastmod: a proposal page or a story, its ``last_updated``; a list (``*_page``
of Pelican's pagination) or campaign page, its newest record; a hand-written
page, its own ``date``/``modified`` if it has one (else none); any other page,
the newest date in the data.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from .campaigns import Campaign
from .dates import first_day, last_changed, last_updated, published_on
from .models import Proposal, Showcase, Story
from .shared import project_package

faults = project_package("durable", "faults")

NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.IGNORECASE)

# output path -> {page URL: lastmod}, for the build running with that output path
_builds: dict[str, dict[str, date | None]] = {}


def _record_date(record) -> date | None:
    if isinstance(record, Campaign):  # the newest of its records
        return max(filter(None, map(_record_date, (*record.proposals, *record.stories))), default=None)
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


def lastmod(context: dict, record_date=_record_date) -> date | None:
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


def start(generators) -> None:
    """A new build: forget what an earlier build with the same output wrote."""
    if generators:
        _builds[generators[0].output_path] = {}


def add_pages(output_path: str, written, showcase: Showcase) -> None:
    """The page sets' HTML pages (``writer.Written``) of the build writing to ``output_path``."""
    pages = _builds.get(output_path)
    if pages is None:
        return
    known: dict[int, date | None] = {}  # record dates by object: list pages share their records
    newest = newest_date(showcase)

    def record_date(record) -> date | None:
        if id(record) not in known:
            known[id(record)] = _record_date(record)
        return known[id(record)]

    for page in written:
        if page.indexed:
            when = lastmod(page.context, record_date)
            pages[page.save_as.removesuffix("index.html")] = newest if when is None else when


def collect(path, context) -> None:
    pages = _builds.get(context.get("OUTPUT_PATH"))
    name = context.get("output_file", "")
    if pages is None or not name.endswith(".html"):
        return
    if NOINDEX.search(Path(path).read_text(encoding="utf-8")):
        return
    pages[name.removesuffix("index.html")] = lastmod(context)


def render(pages: dict[str, date | None], siteurl: str) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url in sorted(pages):
        loc = f"{siteurl}/{url}" if siteurl else url or "./"
        when = pages[url]
        lastmod_tag = f"<lastmod>{when.isoformat()}</lastmod>" if when else ""
        lines.append(f"<url><loc>{escape(loc)}</loc>{lastmod_tag}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write(pelican) -> None:
    pages = _builds.pop(pelican.output_path, None)
    if pages is None:
        return
    path = Path(pelican.output_path) / "sitemap.xml"
    content = render(pages, pelican.settings.get("SITEURL") or "").encode("utf-8")
    # An unchanged site leaves it untouched; one torn by a kill differs, so the next build rewrites it
    # (written in place: a temporary file left by a kill would be deployed with the site).
    if not path.is_file() or path.read_bytes() != content:
        faults.point("sitemap:write")
        path.write_bytes(content)
