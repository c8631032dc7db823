"""Layout on small phones: nothing scrolls sideways at 320 px, and text enlarged to 200 % still
fits (no sideways scrolling, no clipped text)."""

from __future__ import annotations

import pytest

from .helpers import LAYOUT_PROBE, MISSING_PATH, NARROW, PAGE_TYPES, TEXT_200

pytestmark = pytest.mark.browser


def load(page, recorder, base_url, path):
    if path == MISSING_PATH:
        recorder.expect(base_url + path, 404)
    page.goto(path)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_horizontal_scrolling_at_320px(kind, page, recorder, paths, base_url):
    page.set_viewport_size(NARROW)
    load(page, recorder, base_url, paths[kind])
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    problems = page.evaluate(LAYOUT_PROBE)
    assert not problems, f"{kind} ({paths[kind]}) at 320 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_text_enlarged_to_200_percent_loses_nothing(kind, page, recorder, paths, base_url):
    load(page, recorder, base_url, paths[kind])
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)")
    page.add_style_tag(content=TEXT_200)
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)")
    assert after == pytest.approx(2 * before), "the text did not grow: sizes must be relative (rem/em)"
    problems = page.evaluate(LAYOUT_PROBE)
    assert not problems, f"{kind} ({paths[kind]}) with text at 200 %:\n" + "\n".join(problems)
