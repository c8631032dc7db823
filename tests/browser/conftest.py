"""Fixtures of the browser tests: the sample site built once (with its search index) and served on
127.0.0.1, Debian's Chromium launched once through pytest-playwright at a phone viewport, and a
recorder that fails a test on any console error, failed request or request to another host.

Outside CI a machine without Chromium skips these tests (with how to install it); with CI=true a
missing browser, or missing axe-core, is a failure.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from .helpers import AXE, ROOT, SESSION_TOMBSTONE_ID, TOMBSTONE_ID, Recorder, page_paths

CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    # No connections of Chromium's own: this machine reaches no host but the package registries.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
EDITIONS = '["zh-Hans", "zh-Hant", "en"]'
SHEET_SITEURL = "https://jianyi.example.cn"
SHEET_SETTINGS = ("SHOWCASE_SEARCH=false", f'SITEURL="{SHEET_SITEURL}"', "RELATIVE_URLS=true")
INSTALL_CHROMIUM = (
    "Chromium not found: the browser tests need Debian's Chromium and CJK fonts "
    "(sudo apt-get install chromium fonts-noto-cjk); never `playwright install`."
)
INSTALL_AXE = f"axe-core not found at {AXE.relative_to(ROOT)}: run `npm ci` in the repository root."


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; in CI a missing tool is a failure, never a skip."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium")
    if not path:
        unavailable(INSTALL_CHROMIUM)
    # Without a CJK font the pages render as boxes of another width: the layout tests would lie.
    fc_list = shutil.which("fc-list")
    if fc_list:
        fonts = subprocess.run([fc_list, ":lang=zh-cn", "family"], capture_output=True, text=True, check=False)
        if not fonts.stdout.strip():
            unavailable(INSTALL_CHROMIUM.replace("Chromium not found", "No Chinese font found"))
    return path


@pytest.fixture(scope="session")
def axe_path() -> Path:
    if not AXE.is_file():
        unavailable(INSTALL_AXE)
    return AXE


@pytest.fixture(scope="session")
def site_dir(chromium_path, tmp_path_factory) -> Path:
    """The site built from a copy of data/public plus one withdrawn record, with the search index."""
    folder = tmp_path_factory.mktemp("browser")
    data = folder / "data"
    shutil.copytree(ROOT / "data" / "public", data)
    tombstone = data / "proposals" / f"{TOMBSTONE_ID}.yaml"
    tombstone.write_text(
        f"id: {TOMBSTONE_ID}\nstatus: withdrawn\nfirst_published: '2025-03-01'\nwithdrawn_on: '2025-06-01'\n",
        encoding="utf-8",
    )
    (data / "sessions" / f"{SESSION_TOMBSTONE_ID}.yaml").write_text(
        f"id: {SESSION_TOMBSTONE_ID}\nstatus: withdrawn\nfirst_published: '2025-03-01'\nwithdrawn_on: '2025-06-01'\n",
        encoding="utf-8",
    )
    output = build_site(data, folder / "site", "SHOWCASE_SEARCH=true")
    assert (output / "pagefind" / "pagefind-entry.json").is_file(), "the build wrote no search index"
    return output


def build_site(data: Path, output: Path, *settings: str) -> Path:
    """``pelican`` with pelicanconf.py on ``data`` into ``output``; ``settings`` are ``-e`` overrides."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(output)]
    command += ["--delete-output-directory", "-e", *settings]
    # All three editions (the rest of the suite builds the original alone: tests/conftest.py).
    env = {**os.environ, "SHOWCASE_DATA": str(data), "SHOWCASE_EDITIONS": EDITIONS}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"pelican failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(scope="session")
def sheet_site(chromium_path, tmp_path_factory) -> str:
    """data/public built as for production (permanent URLs and QR codes from SITEURL) with
    relative links, so it can be served here: the base URL of that site."""
    output = build_site(ROOT / "data" / "public", tmp_path_factory.mktemp("sheet") / "site", *SHEET_SETTINGS)
    yield from serve(output)


@pytest.fixture(scope="session")
def paths(site_dir) -> dict[str, str]:
    """Served path of each page type (helpers.PAGE_TYPES)."""
    return page_paths(site_dir)


class Handler(SimpleHTTPRequestHandler):
    """Static files as a static host serves them: 404.html with status 404 for a missing path."""

    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".xml": "application/xml",
    }
    timeout = 30  # seconds a connection may sit idle

    def log_message(self, format, *args):  # quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def served(site_dir):
    """``site_dir`` over HTTP on 127.0.0.1 (free port), in a background thread, for the session."""
    yield from serve(site_dir)


def serve(site_dir: Path):
    """Serve ``site_dir`` until the generator is closed; yields the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


# pytest-playwright's fixtures, overridden: Debian's Chromium, phone viewport, zh-CN, our server.


@pytest.fixture(scope="session")
def base_url(served) -> str:
    return served


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, chromium_path) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path,
        "headless": browser_type_launch_args.get("headless", True),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, base_url) -> dict:
    return {
        **browser_context_args,
        "base_url": base_url,
        "viewport": PHONE,
        "locale": "zh-CN",
        "timezone_id": "Asia/Shanghai",
        "service_workers": "block",
    }


@pytest.fixture
def recorder(context) -> Recorder:
    return Recorder(context)


@pytest.fixture
def page(context, recorder):
    """A page whose test fails at teardown on any console error, failed request or other host."""
    context.set_default_timeout(10_000)  # static pages on localhost: 10 s is long
    page = context.new_page()
    yield page
    problems = recorder.problems()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
