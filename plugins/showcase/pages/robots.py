"""``robots.txt``: every crawler may read everything; the sitemap's address.

robots.txt only counts at the root of a host, so without ``SITEURL`` (a
relative build) the sitemap line is the root path ``/sitemap.xml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    siteurl = settings.get("SITEURL") or ""
    yield File("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n")
