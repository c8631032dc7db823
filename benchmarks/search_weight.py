"""What a search downloads, measured in the real browser: each example query's first search, and
the extra bytes of a second query on the same page.

The built site (with its Pagefind index) is served over HTTP on 127.0.0.1 by the same handler the
browser tests use; Debian's Chromium, driven by Playwright with the browser tests' launch flags,
opens ``/search/?q=<query>`` in a fresh context (empty cache) and waits until results show and the
server has been idle for a moment: that is the **first query**. Then, in the same page, it types
the next example query and presses Enter: what that costs on top is the **second query**. The
server counts every byte it sends under ``/pagefind/`` and the page's own script
(``theme/js/search.js``); the page's HTML and stylesheet are page weight (page_weight.py).

The server does not compress. Pagefind's index, fragments, filters and metadata (``.pf_*``) and its
WebAssembly are already gzip files; its scripts are not, so for those the gzip size (what any
static host sends) is counted.
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
QUERIES = ("电梯", "减负", "外卖骑手")
PAGE_SCRIPT = "/theme/js/search.js"
IDLE = 1.0  # seconds without a request that end the query
TIMEOUT = 60.0
PARTS = {".pf_index": "index chunks", ".pf_fragment": "fragments", ".pf_filter": "filters", ".pf_meta": "metadata"}
ENGINE = "engine (scripts, WebAssembly)"
TEXT_SUFFIXES = (".js", ".css", ".json")
RESULT_LINK = ".search-results a"
STATUS = ".search-status"


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
    return PARTS.get(suffix, "metadata" if suffix == ".json" else ENGINE)


@dataclass(frozen=True)
class SearchRun:
    """One example query searched first on a fresh page, then another query on that page."""

    first: SearchWeight
    second: SearchWeight  # only the bytes the second query added


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


def weigh(query: str, results: str, sent: list[tuple[str, bytes]]) -> SearchWeight:
    """The bytes of ``sent`` that belong to search, by part."""
    served, gzipped, requests = Counter(), Counter(), Counter()
    for path, body in sent:
        if not (path.startswith("/pagefind/") or path == PAGE_SCRIPT):
            continue
        name = part(path)
        served[name] += len(body)
        compressed = len(gzip.compress(body, mtime=0)) if path.endswith(TEXT_SUFFIXES) else len(body)
        gzipped[name] += min(compressed, len(body))
        requests[name] += 1
    return SearchWeight(query, results, dict(served), dict(gzipped), requests)


def _summary(page) -> str:
    return " ".join(page.locator(STATUS).inner_text().split())


def _run(browser, port: int, first: str, second: str, sent: list) -> SearchRun:
    """``first`` opened as a link in a fresh context, then ``second`` typed into the same page."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    sent.clear()
    page.goto(f"http://127.0.0.1:{port}/search/?q={first}")
    page.locator(RESULT_LINK).first.wait_for(timeout=TIMEOUT * 1000)
    _wait_idle(sent)
    opened = weigh(first, _summary(page), list(sent))
    sent.clear()
    page.locator("input[name=q]").fill(second)
    page.locator("input[name=q]").press("Enter")
    said = "([status, query]) => document.querySelector(status).textContent.includes(query)"
    page.wait_for_function(said, arg=[STATUS, second], timeout=TIMEOUT * 1000)
    _wait_idle(sent)
    then = weigh(second, _summary(page), list(sent))
    context.close()
    return SearchRun(opened, then)


def measure(site: Path, queries: tuple[str, ...] = QUERIES) -> list[SearchRun] | str:
    """Each query's first search and a second one (the next query) on ``site``, or why not measured."""
    chromium = shutil.which("chromium")
    if not chromium:
        return "not measured: Debian's chromium is not installed"
    try:
        from playwright.sync_api import Error, sync_playwright

        from tests.browser.conftest import CHROMIUM_ARGS
    except ImportError as error:
        return f"not measured: {error}"
    server, sent = _counting_server(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            port = server.server_address[1]
            runs = [_run(browser, port, q, queries[(i + 1) % len(queries)], sent) for i, q in enumerate(queries)]
            browser.close()
    except Error as error:  # the browser did not start, or showed no result: say so, never a number
        return f"not measured: {type(error).__name__}: {str(error).splitlines()[0]}"
    finally:
        server.shutdown()
        server.server_close()
    return runs
