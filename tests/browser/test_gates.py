"""Each gate of the browser tests can fail: on a bad page served by the same server, axe reports
a violation, the recorder flags an external script (aborted, it never reaches the network), a
console error and a failed request, and the layout probe reports sideways scrolling and clipped
text. (The print gate: tests/browser/test_print.py::test_the_page_count_sees_a_long_page.)"""

from __future__ import annotations

import pytest

from .helpers import LAYOUT_PROBE, Recorder, run_axe

pytestmark = pytest.mark.browser

BAD_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>坏页面</title>
<script src="https://example.invalid/x.js"></script>
<link rel="stylesheet" href="/no-such-style.css">
</head>
<body>
<main>
<h1>坏页面</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">
<p style="width: 600px">这一段比手机屏幕宽。</p>
<div style="overflow: hidden; height: 1em; width: 100px"><p>第一行<br>第二行被裁掉</p></div>
<script>console.error("故意的错误");</script>
</main>
</body>
</html>
"""


@pytest.fixture(scope="module")
def bad_page_path(site_dir) -> str:
    folder = site_dir / "_browser-test-gates"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    return "/_browser-test-gates/"


@pytest.fixture
def bad_page(new_context, bad_page_path):
    """The bad page in its own context (its problems are the point: no teardown check)."""
    context = new_context()
    recorder = Recorder(context)
    page = context.new_page()
    page.goto(bad_page_path, wait_until="load")
    page.wait_for_load_state("networkidle")
    return page, recorder


def test_recorder_flags_an_external_script_a_console_error_and_a_failed_request(bad_page, base_url):
    _, recorder = bad_page
    assert recorder.external_requests == ["https://example.invalid/x.js"]
    assert any("故意的错误" in error for error in recorder.console_errors)
    assert any(r.startswith(f"{base_url}/no-such-style.css: HTTP 404") for r in recorder.failed_requests)
    problems = recorder.problems()
    assert "request to another host: https://example.invalid/x.js" in problems


def test_the_external_request_was_blocked_in_the_browser(bad_page):
    page, _ = bad_page
    # The script never ran: it was aborted before any connection was made.
    with page.expect_event("requestfailed", lambda r: "example.invalid" in r.url) as failed:
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.src = 'https://example.invalid/x.js'; document.head.append(s); }""")
    assert failed.value.failure.startswith("net::ERR_BLOCKED_BY_CLIENT")


def test_axe_reports_an_image_without_alt(bad_page, axe_path):
    page, _ = bad_page
    violations = {v["id"]: v for v in run_axe(page)}
    assert "image-alt" in violations
    assert violations["image-alt"]["nodes"][0]["target"] == ["img"]


def test_layout_probe_reports_sideways_scrolling_and_clipped_text(bad_page):
    page, _ = bad_page
    problems = page.evaluate(LAYOUT_PROBE)
    assert any(p.startswith("page scrolls sideways") for p in problems), problems
    assert any(p.startswith("outside the viewport: p") for p in problems), problems
    assert any(p.startswith("text clipped") and "第二行被裁掉" in p for p in problems), problems
