"""What the browser tests share: the page types of the served site, the request/console recorder,
the axe-core run and the layout probe."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Request, Route

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# A withdrawn record added to the copy of data/public that the served site is built from.
TOMBSTONE_ID = "xzjy-2099-000001"
SESSION_TOMBSTONE_ID = "mdm-2099-01"  # a withdrawn session, added the same way
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# The smallest phone the site is made for, and text zoom as a reader's browser setting does it:
# the root font size (site.css sizes text in rem/em).
NARROW = {"width": 320, "height": 640}
TEXT_200 = "html { font-size: 200% !important; }"
# axe-core tags of WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every kind of page the site writes (name: what it is). Paths: ``page_paths``.
PAGE_TYPES = {
    "home": "home page",
    "proposals": "proposal list, page 1",
    "proposals-page-2": "proposal list, page 2",
    "facet": "a facet page (topic)",
    "proposal": "a proposal linked to a story",
    "long-strings": "a proposal whose text holds long unbroken strings (pipeline/sample/longtext.py)",
    "withdrawn": "a withdrawn proposal (tombstone)",
    "stories": "story list",
    "story": "a story",
    "commendations": "commendations index",
    "commendation-year": "a commendation year",
    "campaigns": "campaign list",
    "campaign": "a campaign",
    "process": "process page",
    "stats": "statistics",
    "data": "open data",
    "about": "about page",
    "submit": "how to submit a suggestion (hand-written page)",
    "privacy": "privacy statement (hand-written, footer only)",
    "contact": "contact details (hand-written, footer only)",
    "search": "search page",
    "changes": "the record of changes",
    "collectors": "the special-collector corps",
    "collector-sector": "one sector of the corps",
    "sessions": "face-to-face sessions list",
    "sessions-facet": "sessions of one district",
    "session": "a face-to-face session",
    "session-withdrawn": "a withdrawn session (tombstone)",
    "404": "the 404 page, served for a missing path",
}
MISSING_PATH = "/no-such-page/"
STORY_LINK = re.compile(r'href="(?:\.\./)+stories/([^"/]+)/"')
# What a reader sees of a record: its title and paragraphs; and a run of 40 characters
# without a break opportunity in it (a pasted URL, a base64 blob, a long Latin word).
SHOWN_TEXT = re.compile(r"<(h1|p)[^>]*>(.*?)</\1>", re.S)
UNBROKEN = re.compile(r"[^\s\u2e80-\uffef<>-]{40,}")


def _url(site: Path, index: Path) -> str:
    folder = index.parent.relative_to(site).as_posix()
    return "/" if folder == "." else f"/{folder}/"


def _first(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"the sample site has no {pattern}"
    return _url(site, found[0])


def proposal_files(site: Path) -> list[Path]:
    """The published proposal pages (the tombstone left out)."""
    return [p for p in sorted(site.glob("proposals/xzjy-*/index.html")) if p.parent.name != TOMBSTONE_ID]


def unbroken_strings(page: Path) -> list[str]:
    """The long unbroken strings in a page's title and paragraphs."""
    shown = SHOWN_TEXT.findall(page.read_text(encoding="utf-8"))
    return [run for _, text in shown for run in UNBROKEN.findall(text)]


def page_paths(site: Path) -> dict[str, str]:
    """One served path per page type, found in the built site (so a new sample changes nothing here)."""
    with_story = [p for p in proposal_files(site) if STORY_LINK.search(p.read_text(encoding="utf-8"))]
    assert with_story, "no proposal page of the sample links to a story"
    longest = max(proposal_files(site), key=lambda p: len(unbroken_strings(p)))
    assert unbroken_strings(longest), "no proposal page of the sample holds a long unbroken string"
    paths = {
        "home": "/",
        "proposals": "/proposals/",
        "proposals-page-2": "/proposals/page/2/",
        "facet": _first(site, "proposals/topic/*/index.html"),
        "proposal": _url(site, with_story[0]),
        "long-strings": _url(site, longest),
        "withdrawn": f"/proposals/{TOMBSTONE_ID}/",
        "stories": "/stories/",
        "story": _first(site, "stories/*/index.html"),
        "commendations": "/commendations/",
        "commendation-year": _first(site, "commendations/*/index.html"),
        "campaigns": "/campaigns/",
        "campaign": _first(site, "campaigns/*/index.html"),
        "process": "/process/",
        "stats": "/stats/",
        "data": "/data/",
        "about": "/about/",
        "submit": "/submit/",
        "privacy": "/privacy/",
        "contact": "/contact/",
        "search": "/search/",
        "changes": "/changes/",
        "collectors": "/collectors/",
        "collector-sector": _first(site, "collectors/*/index.html"),
        "sessions": "/sessions/",
        "sessions-facet": _first(site, "sessions/district/*/index.html"),
        "session": "/sessions/mdm-lift-ebike-ai/",
        "session-withdrawn": f"/sessions/{SESSION_TOMBSTONE_ID}/",
        "404": MISSING_PATH,
    }
    assert paths.keys() == PAGE_TYPES.keys()
    for name, path in paths.items():
        if name != "404":
            assert (site / path.lstrip("/") / "index.html").is_file(), f"{name}: {path} was not written"
    return paths


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname in LOCAL_HOSTS


class Recorder:
    """Records, for one browser context: console errors and uncaught exceptions, failed requests
    (network failures and HTTP status >= 400), and every request to a host other than
    127.0.0.1/localhost. Requests to other hosts are aborted before they leave the browser."""

    def __init__(self, context: BrowserContext) -> None:
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []
        self.external_requests: list[str] = []
        self.expected_status: dict[str, int] = {}  # url -> status that is not a failure (the 404 page)
        context.route(lambda url: not is_local(url), self._block)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.console_errors.append(f"uncaught: {error.error}"))
        context.on("requestfailed", self._request_failed)
        context.on("response", self._response)

    def expect(self, url: str, status: int) -> None:
        """A response of ``status`` at ``url`` is wanted (e.g. 404 for a missing path)."""
        self.expected_status[url] = status

    def _block(self, route: Route) -> None:
        self.external_requests.append(route.request.url)
        route.abort("blockedbyclient")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "")
        # Chromium logs every HTTP error response as a console error; an expected one is not a failure.
        if where in self.expected_status and "Failed to load resource" in message.text:
            return
        self.console_errors.append(f"{message.text} ({where})")

    def _request_failed(self, request: Request) -> None:
        # net::ERR_ABORTED is the browser cancelling a request itself (the page moved on, or
        # printing began before the favicon arrived), not the site failing: a missing file
        # still shows as an HTTP status >= 400 in _response.
        if is_local(request.url) and request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.url}: {request.failure}")

    def _response(self, response) -> None:
        if response.status >= 400 and self.expected_status.get(response.url) != response.status:
            self.failed_requests.append(f"{response.url}: HTTP {response.status}")

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"failed request: {r}" for r in self.failed_requests]
            + [f"request to another host: {r}" for r in self.external_requests]
        )


def run_axe(page: Page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the loaded page."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {violation['helpUrl']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


# Layout probe, run in the page. Returns problems as strings:
# - the page scrolls sideways (document wider than the viewport);
# - an element with its own text sticks out of the viewport (outside any scroll box);
# - text is clipped: an element with its own text reaches outside an ancestor whose overflow
#   is hidden/clip (scroll boxes are fine: their content can be reached).
LAYOUT_PROBE = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const problems = [];
  if (root.scrollWidth > width) problems.push(`page scrolls sideways: ${root.scrollWidth}px wide in ${width}px`);
  const label = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const hidden = el => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return true;
      // Visually hidden on purpose (skip link, screen-reader text): a 1px box or clipped away.
      const r = e.getBoundingClientRect();
      if (s.position === 'absolute' && (r.width <= 1 || r.height <= 1 || r.bottom < 0 || r.right < 0)) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const ownText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!ownText || hidden(el)) continue;
    const rect = el.getBoundingClientRect();
    if (!rect.width && !rect.height) continue;
    let scrollBox = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      const clips = v => v === 'hidden' || v === 'clip';
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') { scrollBox = true; break; }
      const box = a.getBoundingClientRect();
      if ((clips(s.overflowX) && (rect.left < box.left - 1 || rect.right > box.right + 1)) ||
          (clips(s.overflowY) && (rect.top < box.top - 1 || rect.bottom > box.bottom + 1))) {
        problems.push(`text clipped: ${label(el)} "${el.textContent.trim().slice(0, 30)}" by ${label(a)}`);
        break;
      }
    }
    const s = getComputedStyle(el);
    if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1)
      problems.push(`text clipped: ${label(el)} "${el.textContent.trim().slice(0, 30)}" (own overflow)`);
    if (!scrollBox && (rect.right > width + 1 || rect.left < -1))
      problems.push(`outside the viewport: ${label(el)} "${el.textContent.trim().slice(0, 30)}" ` +
                    `(${Math.round(rect.left)}..${Math.round(rect.right)} of ${width}px)`);
  }
  return problems;
}"""
