"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on any page type, nor on the
pages whose tables scroll sideways, in a view where they really do scroll."""

from __future__ import annotations

import pytest

from .helpers import MISSING_PATH, NARROW, PAGE_TYPES, TEXT_200, describe_violations, run_axe

pytestmark = pytest.mark.browser

# Pages with tables in a scroll region (.table-scroll). At 320 px with text at 200 % the
# sample's tables are wider than the screen (measured: /data/ 482 px in 256, /stats/ up to 306,
# a story's figures 439), so axe's scrollable-region-focusable has something to judge.
SCROLLING_TABLES = ["data", "stats", "story"]
SCROLLING = "els => els.filter(e => e.scrollWidth > e.clientWidth).map(e => e.getAttribute('aria-labelledby'))"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations(kind, page, recorder, paths, base_url, axe_path):
    if paths[kind] == MISSING_PATH:
        recorder.expect(base_url + MISSING_PATH, 404)
    page.goto(paths[kind])
    if kind == "search":  # theme/js/search.js shows the form (hidden without JavaScript)
        page.locator("input[name=q]").wait_for()
    violations = run_axe(page)
    assert not violations, f"{kind} ({paths[kind]}):\n{describe_violations(violations)}"


@pytest.mark.parametrize("kind", SCROLLING_TABLES)
def test_tables_that_scroll_are_reachable_by_keyboard(kind, page, paths, axe_path):
    page.set_viewport_size(NARROW)
    page.goto(paths[kind])
    page.add_style_tag(content=TEXT_200)
    scrolling = page.locator(".table-scroll").evaluate_all(SCROLLING)
    assert scrolling, f"{kind}: no table scrolls at 320 px with text at 200 %, so this test proves nothing"
    violations = run_axe(page)
    assert not violations, f"{kind} ({paths[kind]}), tables scrolling:\n{describe_violations(violations)}"
    # The region takes the keyboard's focus (tabindex), and an arrow key then scrolls it.
    region = page.locator(f".table-scroll[aria-labelledby='{scrolling[0]}']")
    region.focus()
    assert region.evaluate("e => document.activeElement === e"), f"{kind}: the scroll region takes no focus"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("e => e.scrollLeft > 0", arg=region.element_handle())
