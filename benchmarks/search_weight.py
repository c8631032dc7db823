"""What one search query downloads, measured in the real browser.

The built site (with its Pagefind index) is served over HTTP on 127.0.0.1 by the same handler the
browser tests use; Debian's Chromium, driven by Playwright with the browser tests' launch flags and
a fresh context (empty cache), opens ``/search/?q=<query>`` and waits until results show and the
server has been idle for a moment. The server counts every byte it sends under ``/pagefind/``.

The server does not compress. Pagefind's index, fragments, filters and metadata (``.pf_*``) and its
WebAssembly are already gzip files; its scripts and stylesheets are not, so for those the gzip size
(what any static host sends) is counted too.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from processes import ROOT

sys.path.insert(0, str(ROOT))  # the browser tests' server and launch flags: tests/browser/conftest.py
QUERY = "电梯"
IDLE = 1.0  # seconds without a request that end the query
TIMEOUT = 60.0
PARTS = {".pf_index": "index chunks", ".pf_fragment": "fragments", ".pf_filter": "filters", ".pf_meta": "metadata"}
TEXT_SUFFIXES = (".js", ".css", ".json")


@dataclass(frozen=True)
class SearchWeight:
    query: str
    results: str  # what the page's summary says
    served: dict[str, int]  # part -> bytes sent
    gzipped: dict[str, int]  # part -> bytes a gzip-ing host would send
    requests: Counter

    @property
    def total(self) -> int:
        return sum(self.gzipped.values())


def part(path: str) -> str:
    suffix = Path(path).suffix
    return PARTS.get(suffix, "metadata" if suffix == ".json" else "engine (scripts, styles, WebAssembly)")


def _counting_server(site: Path):
    from tests.browser.conftest import Handler

    sent: list[tuple[str, bytes]] = []

    class Counting(Handler):
        def copyfile(self, source, outputfile):
            body = source.read()
            outputfile.write(body)
            sent.append((self.path.split("?")[0], body))

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    server.daemon_threads = True
    return server, sent


def _wait_idle(sent: list) -> None:
    deadline, seen, quiet_since = time.monotonic() + TIMEOUT, -1, time.monotonic()
    while time.monotonic() < deadline:
        if len(sent) != seen:
            seen, quiet_since = len(sent), time.monotonic()
        elif time.monotonic() - quiet_since >= IDLE:
            return
        time.sleep(0.1)


def _query(chromium: str, port: int, query: str, sent: list) -> str:
    """Open the search page for ``query`` in a fresh browser; what its summary says once idle."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}).new_page()
        page.goto(f"http://127.0.0.1:{port}/search/?q={query}")
        page.locator("pagefind-results a.pf-result-link").first.wait_for(timeout=TIMEOUT * 1000)
        _wait_idle(sent)
        results = " ".join(page.locator("pagefind-summary").inner_text().split())
        browser.close()
    return results


def measure(site: Path, query: str = QUERY) -> SearchWeight | str:
    """The bytes of one query on ``site``, or why it was not measured."""
    chromium = shutil.which("chromium")
    if not chromium:
        return "not measured: Debian's chromium is not installed"
    try:
        from playwright.sync_api import Error
    except ImportError as error:
        return f"not measured: {error}"
    server, sent = _counting_server(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        results = _query(chromium, server.server_address[1], query, sent)
    except Error as error:  # the browser did not start, or showed no result: say so, never a number
        return f"not measured: {type(error).__name__}: {str(error).splitlines()[0]}"
    finally:
        server.shutdown()
        server.server_close()
    served, gzipped, requests = Counter(), Counter(), Counter()
    for path, body in sent:
        if not path.startswith("/pagefind/"):
            continue
        name = part(path)
        served[name] += len(body)
        compressed = len(gzip.compress(body, mtime=0)) if path.endswith(TEXT_SUFFIXES) else len(body)
        gzipped[name] += min(compressed, len(body))
        requests[name] += 1
    return SearchWeight(query, results, dict(served), dict(gzipped), requests)
