"""A citation written out: BibTeX, CSL-JSON, and schema.org JSON-LD.

The GB/T 7714-2015 reference shown on the page is written by the theme
(``partials/_citation.html``): its words belong to the templates.
"""

from __future__ import annotations

import json
import re

from jinja2 import pass_context

from .citation import Citation, cite
from .editions import ORIGINAL_EDITION

LANGUAGE = "zh-CN"
TIMEZONE = "+08:00"  # Asia/Shanghai has no daylight saving time
BIBTEX_SPECIAL = re.compile(r"[\\{}%&$#_~^]")
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def iso_datetime(value: str) -> str:
    """'YYYY-MM-DD' → '2024-05-20T00:00:00+08:00'; a coarser 'YYYY-MM' or 'YYYY' stays as it is
    (valid ISO 8601 at that precision: a time zone needs a day)."""
    return f"{value}T00:00:00{TIMEZONE}" if len(value) == 10 else value


def date_parts(value: str) -> list[int]:
    """'2024-05-20' → [2024, 5, 20]; 'YYYY-MM' and 'YYYY' give fewer parts."""
    return [int(part) for part in value.split("-")]


def _bibtex_escape(text: str) -> str:
    return BIBTEX_SPECIAL.sub(lambda m: BIBTEX_ESCAPES.get(m.group(), "\\" + m.group()), " ".join(text.split()))


def bibtex(citation: Citation) -> str:
    """A biblatex/BibTeX ``@online`` entry keyed by the record's id (UTF-8)."""
    parts = date_parts(citation.updated)
    fields = [
        ("title", _bibtex_escape(citation.title_en or citation.title)),
        ("author", "{" + _bibtex_escape(citation.author) + "}"),  # a corporate author, kept whole
        ("organization", _bibtex_escape(citation.author)),
        ("year", str(parts[0])),
        *([("month", str(parts[1]))] if len(parts) > 1 else []),
        ("date", citation.updated),
        ("url", citation.url),
        ("langid", "english" if citation.title_en else "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{citation.id},\n{body}\n}}\n"


def csl_json(citation: Citation) -> str:
    """A CSL-JSON item list (what Zotero and citeproc read), one item."""
    item = {
        "id": citation.id,
        "type": "webpage",
        "title": citation.title_en or citation.title,
        **({"original-title": citation.title} if citation.title_en else {}),
        "author": [{"literal": citation.author}],
        "container-title": citation.author,
        "publisher": citation.author,
        "issued": {"date-parts": [date_parts(citation.updated)]},
        "original-date": {"date-parts": [date_parts(citation.published)]},
        "URL": citation.url,
        "number": citation.id,
        "abstract": citation.description,
        "language": LANGUAGE,
    }
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def json_ld(citation: Citation) -> dict:
    """schema.org ``Report``; render with ``|tojson`` (escapes ``<>&`` inside the script)."""
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": citation.url,
        "url": citation.url,
        "identifier": citation.id,
        "name": citation.title,
        "headline": citation.title,
        "description": citation.description,
        "datePublished": iso_datetime(citation.published),
        "dateModified": iso_datetime(citation.updated),
        "inLanguage": LANGUAGE,
        "keywords": list(citation.keywords),
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": citation.author, "url": citation.site_url},
    }


def event_json_ld(session, citation: Citation) -> dict:
    """schema.org ``Event`` of a face-to-face session: held in person, at a district (and street) of Xuzhou."""
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": citation.url,
        "url": citation.url,
        "identifier": citation.id,
        "name": citation.title,
        "description": citation.description,
        "startDate": session.held_on,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": session.place,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": session.district,
                "addressRegion": "徐州市",
                "addressCountry": "CN",
            },
        },
        "organizer": {"@type": "Organization", "name": citation.author, "url": citation.site_url},
        "inLanguage": LANGUAGE,
        "keywords": list(citation.keywords),
        "isAccessibleForFree": True,
    }


def filters(settings: dict) -> dict:
    """The theme's filters: ``record | citation`` (needs the build's SITEURL and the page's
    edition), ``citation | json_ld``, ``session | event_json_ld``, ``date | iso_datetime``."""

    def cited(context, record):
        edition = context.get("edition") or ORIGINAL_EDITION
        return cite(record, edition.settings(settings), edition)

    return {
        "citation": pass_context(cited),
        "json_ld": json_ld,
        "event_json_ld": pass_context(lambda context, session: event_json_ld(session, cited(context, session))),
        "iso_datetime": iso_datetime,
    }
