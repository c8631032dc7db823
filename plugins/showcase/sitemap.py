"""``sitemap.xml``: every HTML page this build wrote, with a lastmod from the data.

Pages come from two places: the page sets' HTML pages, handed over by the
generator (``add_pages``, including those an incremental build did not need
to rewrite), and Pelican's ``content_written`` signal (hand-written pages).
The file is written at ``finalized``. A page whose HTML carries
``<meta name="robots" content="noindex">`` (withdrawn proposals, 404.html) is
left out. URLs are absolute from
``SITEURL``; without it (a relative build) they are relative to the sitemap,
which sits at the site root. Sorted by URL; no build time anywhere.

lastmod: see ``lastmod.py`` (imported only by a build that writes the sitemap).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from .shared import project_package

faults = project_package("durable", "faults")

NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.IGNORECASE)

FILE_NAME = "sitemap.xml"
# output path -> {page URL: lastmod}, for the build running with that output path
_builds: dict[str, dict[str, date | None]] = {}
# output path -> [(language tag, folder)] of the editions it writes (editions.py), the original first
_editions: dict[str, list[tuple[str, str]]] = {}
XHTML = "http://www.w3.org/1999/xhtml"


def start(generators) -> None:
    """A new build: forget what an earlier build with the same output wrote."""
    if generators:
        _builds[generators[0].output_path] = {}


def forget(output_path: str) -> None:
    """A build that writes nothing (``buildstamp``): the sitemap it has is the one it would write."""
    _builds.pop(output_path, None)


def add_pages(output_path: str, written, showcase, editions=()) -> None:
    """The page sets' HTML pages (``writer.Written``) of the build writing to ``output_path``."""
    pages = _builds.get(output_path)
    if pages is None:
        return
    _editions[output_path] = [(edition.code, edition.prefix) for edition in editions]
    from .lastmod import date_of, lastmod, newest_date

    known: dict[int, date | None] = {}  # record dates by object: list pages share their records
    newest = newest_date(showcase)

    def record_date(record) -> date | None:
        if id(record) not in known:
            known[id(record)] = date_of(record)
        return known[id(record)]

    by_path: dict[str, date | None] = {}  # a page's versions in the editions share its date
    for page in written:
        if page.indexed:
            if page.path not in by_path:
                when = lastmod(page.context, record_date)
                by_path[page.path] = newest if when is None else when
            pages[page.save_as.removesuffix("index.html")] = by_path[page.path]


def collect(path, context) -> None:
    pages = _builds.get(context.get("OUTPUT_PATH"))
    name = context.get("output_file", "")
    if pages is None or not name.endswith(".html"):
        return
    if NOINDEX.search(Path(path).read_text(encoding="utf-8")):
        return
    from .lastmod import lastmod

    pages[name.removesuffix("index.html")] = lastmod(context)


def render(pages: dict[str, date | None], siteurl: str, editions: list[tuple[str, str]] = ()) -> str:
    """The sitemap; with several editions, each page lists its versions (``xhtml:link`` alternates)."""
    located = (lambda url: f"{siteurl}/{url}") if siteurl else (lambda url: url or "./")
    versions = _versions(pages, editions) if len(editions) > 1 else {}
    namespaces = f' xmlns:xhtml="{XHTML}"' if versions else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespaces}>',
    ]
    for url in sorted(pages):
        when = pages[url]
        lastmod_tag = f"<lastmod>{when.isoformat()}</lastmod>" if when else ""
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{escape(located(other))}"/>'
            for code, other in versions.get(url, ())
        )
        lines.append(f"<url><loc>{escape(located(url))}</loc>{lastmod_tag}{links}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _versions(pages: dict, editions: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """URL → [(language tag, URL)] of every edition's version of that page, with x-default
    (the original), for pages found in more than one edition."""
    by_path: dict[str, dict[str, str]] = {}
    for url in pages:
        code, path = next(
            ((c, url[len(p) :]) for c, p in reversed(editions) if p and url.startswith(p)), (editions[0][0], url)
        )
        by_path.setdefault(path, {})[code] = url
    found = {}
    for versions in by_path.values():
        if len(versions) > 1:
            listed = [(code, versions[code]) for code, _ in editions if code in versions]
            if editions[0][0] in versions:
                listed.append(("x-default", versions[editions[0][0]]))
            for url in versions.values():
                found[url] = listed
    return found


def write(pelican) -> None:
    pages = _builds.pop(pelican.output_path, None)
    if pages is None:
        return
    path = Path(pelican.output_path) / FILE_NAME
    editions = _editions.pop(pelican.output_path, [])
    content = render(pages, pelican.settings.get("SITEURL") or "", editions).encode("utf-8")
    # An unchanged site leaves it untouched; one torn by a kill differs, so the next build rewrites it
    # (written in place: a temporary file left by a kill would be deployed with the site).
    if not path.is_file() or path.read_bytes() != content:
        faults.point("sitemap:write")
        path.write_bytes(content)
