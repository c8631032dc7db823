"""Feeds and sitemap: every ``*.xml`` file of the site parses; an Atom feed
carries what RFC 4287 requires and its links resolve; every sitemap ``<loc>``
names a page of the site.

Atom (section 4.1): the feed has exactly one ``id``, ``title`` and
``updated``, and an ``author`` unless every entry has one; each entry has
exactly one ``id``, ``title`` and ``updated``, a unique ``id``, and an
alternate link when it has no ``content``; dates are RFC 3339. Links are
resolved against the feed's own location, like a reader does (the local build
writes them relative to ``feeds/``; a production build under ``SITEURL``).
Sitemap: each ``<url>`` has one ``<loc>``, no two the same, an optional W3C
date ``<lastmod>``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from .findings import Finding, line
from .site import EXTERNAL, INTERNAL, Site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", re.IGNORECASE)
W3C_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")


def check(site: Site) -> list[Finding]:
    findings: list[Finding] = []
    for path in site.files(".xml"):
        name = site.name(path)
        try:
            root = ElementTree.parse(path).getroot()
        except ElementTree.ParseError as error:
            number, column = error.position
            reason = str(error).split(":", 1)[0]
            findings.append(Finding(name, line(number, column + 1), "xml", f"XML 无法解析（{reason}）"))
            continue
        except (OSError, ValueError) as error:
            findings.append(Finding(name, "", "xml", f"无法读取 XML 文件（{type(error).__name__}）"))
            continue
        if root.tag == f"{ATOM}feed":
            findings += [Finding(name, *problem) for problem in atom(site, path, root)]
        elif root.tag in (f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"):
            findings += [Finding(name, *problem) for problem in sitemap(site, path, root)]
    return findings


def atom(site: Site, path: Path, feed: ElementTree.Element) -> list[tuple[str, str, str]]:
    """(place, code, message) of every problem of one Atom feed."""
    problems = _required(feed, "<feed>")
    entries = feed.findall(f"{ATOM}entry")
    if feed.find(f"{ATOM}author") is None and any(e.find(f"{ATOM}author") is None for e in entries):
        problems.append(("<feed>", "atom", "缺少 <author>（订阅或每个条目都必须有作者）"))
    problems += _links(site, path, feed, "<feed>")
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        place = f"第 {number} 个 <entry>"
        problems += _required(entry, place)
        identifier = (entry.findtext(f"{ATOM}id") or "").strip()
        if identifier and identifier in seen:
            problems.append((place, "atom", f"<id> 与前面的条目重复：{identifier}"))
        seen.add(identifier)
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if entry.find(f"{ATOM}content") is None and not alternate:
            problems.append((place, "atom", '没有 <content> 的条目必须有 <link rel="alternate">'))
        problems += _links(site, path, entry, place)
    return problems


def _required(element: ElementTree.Element, place: str) -> list[tuple[str, str, str]]:
    problems = []
    for tag in ("id", "title", "updated"):
        found = element.findall(f"{ATOM}{tag}")
        if len(found) != 1:
            problems.append((place, "atom", f"必须恰好有一个 <{tag}>（现有 {len(found)} 个）"))
    for tag in ("updated", "published"):
        for when in element.findall(f"{ATOM}{tag}"):
            if not RFC3339.fullmatch((when.text or "").strip()):
                problems.append((place, "atom", f"<{tag}> 不是 RFC 3339 时间：{when.text or ''}"))
    return problems


def _links(site: Site, path: Path, element: ElementTree.Element, place: str) -> list[tuple[str, str, str]]:
    problems = []
    for link in element.findall(f"{ATOM}link"):
        href = link.get("href")
        if href is None:
            problems.append((place, "atom", "<link> 缺少 href"))
            continue
        problem = _page_problem(site, path, href)
        if problem:
            problems.append((place, "feed-link", f"<link href> {problem}"))
    return problems


def sitemap(site: Site, path: Path, root: ElementTree.Element) -> list[tuple[str, str, str]]:
    problems = []
    child = "url" if root.tag == f"{SITEMAP}urlset" else "sitemap"
    seen: set[str] = set()
    for number, item in enumerate(root.findall(f"{SITEMAP}{child}"), 1):
        place = f"第 {number} 个 <{child}>"
        locs = item.findall(f"{SITEMAP}loc")
        if len(locs) != 1:
            problems.append((place, "sitemap", f"必须恰好有一个 <loc>（现有 {len(locs)} 个）"))
            continue
        loc = (locs[0].text or "").strip()
        if loc in seen:
            problems.append((place, "sitemap", f"<loc> 重复：{loc}"))
        seen.add(loc)
        problem = _page_problem(site, path, loc)
        if problem:
            problems.append((place, "sitemap", f"<loc> {problem}"))
        lastmod = item.findtext(f"{SITEMAP}lastmod")
        if lastmod is not None and not W3C_DATE.fullmatch(lastmod.strip()):
            problems.append((place, "sitemap", f"<lastmod> 不是 W3C 日期：{lastmod}"))
    return problems


def _page_problem(site: Site, path: Path, url: str) -> str | None:
    """What is wrong with a URL that must name a file of the site, or None."""
    if not url:
        return "为空"
    target = site.resolve(url, path)
    if target.kind == EXTERNAL:
        return f"指向其他网站：{url}"
    if target.kind != INTERNAL:
        return f"不是本站的页面：{url}"
    if not target.exists:
        return f"指向不存在的页面：{url}"
    return None
