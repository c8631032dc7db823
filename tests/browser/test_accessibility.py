"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds no violation on any page type."""

from __future__ import annotations

import pytest

from .helpers import MISSING_PATH, PAGE_TYPES, describe_violations, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations(kind, page, recorder, paths, base_url, axe_path):
    if paths[kind] == MISSING_PATH:
        recorder.expect(base_url + MISSING_PATH, 404)
    page.goto(paths[kind])
    if kind == "search":  # the Pagefind components render after load
        page.wait_for_load_state("networkidle")
        page.locator("pagefind-input input").wait_for()
    violations = run_axe(page)
    assert not violations, f"{kind} ({paths[kind]}):\n{describe_violations(violations)}"
