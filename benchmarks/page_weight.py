"""Page weight budget: the gzip size of every page's HTML plus the CSS it links,
per page type (median, 95th percentile, max), against the budgets:

- a proposal or story page (HTML + CSS) under 20 KB gzip,
- any page under 50 KB gzip,
- each stylesheet under 10 KB gzip.

Readers are often on phones with slow or metered data, so these are limits, not
goals. Usage: ``python benchmarks/page_weight.py [SITE]``; without SITE it builds
the committed sample (data/public) into a temporary folder first. Prints a
Markdown table; exits 1 when a budget is broken. ``make bench`` (bench.py) measures
every benchmark site with it and puts the tables in benchmarks/results.md.
"""

from __future__ import annotations

import gzip
import math
import statistics
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = 1024
OUTCOME_BUDGET = 20 * KB  # a proposal or story page
PAGE_BUDGET = 50 * KB  # any page
CSS_BUDGET = 10 * KB  # each stylesheet
OUTCOME_TYPES = ("proposal", "story")


@dataclass(frozen=True)
class PageWeight:
    path: str  # relative to the site
    type: str
    html: int  # gzip bytes
    css: int  # gzip bytes of the stylesheets it links

    @property
    def total(self) -> int:
        return self.html + self.css


class _Head(HTMLParser):
    """Collects the stylesheets a page links and the class of its first <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.article: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.stylesheets.append(attributes.get("href") or "")
        elif tag == "article" and self.article is None:
            self.article = (attributes.get("class") or "").split(" ")[0]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_type(path: str, article: str | None) -> str:
    """A proposal or story page by its content (<article class="proposal">), else by its folder."""
    if article in OUTCOME_TYPES:
        return article
    parts = path.split("/")
    if len(parts) == 1:
        return "home" if path == "index.html" else path.removesuffix(".html")
    return f"{parts[0]}/"


def _stylesheet(site: Path, page: Path, href: str) -> Path | None:
    href = href.split("#")[0].split("?")[0]
    if not href or href.startswith(("http:", "https:", "//")):
        return None
    target = site / href.lstrip("/") if href.startswith("/") else page.parent / href
    return target.resolve() if target.resolve().is_file() else None


def measure(site: Path) -> tuple[list[PageWeight], dict[str, int]]:
    """The weight of every HTML page of a built site (with the stylesheets it links), and of each stylesheet."""
    site = site.resolve()
    css = {path.relative_to(site).as_posix(): gzip_size(path.read_bytes()) for path in sorted(site.rglob("*.css"))}
    pages = []
    for path in sorted(site.rglob("*.html")):
        data = path.read_bytes()
        head = _Head()
        head.feed(data.decode("utf-8", errors="replace"))
        linked = 0
        for href in head.stylesheets:
            sheet = _stylesheet(site, path, href)
            if sheet is not None and sheet.is_relative_to(site):
                linked += css.get(sheet.relative_to(site).as_posix(), 0)
        relative = path.relative_to(site).as_posix()
        pages.append(PageWeight(relative, page_type(relative, head.article), gzip_size(data), linked))
    return pages, css


def failures(pages: list[PageWeight], css: dict[str, int]) -> list[str]:
    """Every broken budget, one line each (empty: all within budget)."""
    broken = []
    for page in pages:
        if page.type in OUTCOME_TYPES and page.total >= OUTCOME_BUDGET:
            broken.append(f"{page.path}: {page.type} page {page.total / KB:.1f} KB gzip >= {OUTCOME_BUDGET // KB} KB")
        elif page.total >= PAGE_BUDGET:
            broken.append(f"{page.path}: page {page.total / KB:.1f} KB gzip >= {PAGE_BUDGET // KB} KB")
    for name, size in sorted(css.items()):
        if size >= CSS_BUDGET:
            broken.append(f"{name}: stylesheet {size / KB:.1f} KB gzip >= {CSS_BUDGET // KB} KB")
    return broken


def check(site: Path) -> list[str]:
    """Measure a built site and return its broken budgets."""
    return failures(*measure(site))


def percentile(values: list[int], share: float) -> int:
    """The nearest-rank percentile: the smallest value at least ``share`` (0-1] of the values reach."""
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered)), 1) - 1]


def report(pages: list[PageWeight], css: dict[str, int]) -> str:
    lines = [
        "| page type | pages | HTML median | HTML p95 | HTML + CSS median | HTML + CSS p95 | HTML + CSS max |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted({p.type for p in pages}):
        group = [p for p in pages if p.type == kind]
        html, total = [p.html for p in group], [p.total for p in group]
        cells = [
            statistics.median(html),
            percentile(html, 0.95),
            statistics.median(total),
            percentile(total, 0.95),
            max(total),
        ]
        lines.append(f"| {kind} | {len(group)} | " + " | ".join(f"{c / KB:.1f} KB" for c in cells) + " |")
    lines += [""] + [f"stylesheet {name}: {size / KB:.1f} KB gzip" for name, size in sorted(css.items())]
    return "\n".join(lines)


def build_sample(output: Path) -> Path:
    """Build the committed sample (data/public) with pelicanconf.py into ``output``."""
    import logging

    from pelican import Pelican
    from pelican.settings import read_settings

    logging.disable(logging.INFO)
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "SHOWCASE_DATA": str(ROOT / "data" / "public")},
    )
    Pelican(settings=settings).run()
    return output


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        print("usage: python benchmarks/page_weight.py [SITE]", file=sys.stderr)
        return 2
    if argv and not Path(argv[0]).is_dir():
        print(f"not a built site: {argv[0]}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(argv[0]) if argv else build_sample(Path(temporary) / "site")
        pages, css = measure(site)
        print(f"## Page weight (gzip -9) of {len(pages)} pages\n")
        print(report(pages, css))
        broken = failures(pages, css)
    for line in broken:
        print(f"OVER BUDGET {line}", file=sys.stderr)
    print(f"\n{'budgets broken: ' + str(len(broken)) if broken else 'all pages within budget'}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
