"""Every page type loads in a phone-sized Chromium: the right status, the styles applied, a title
and one visible <h1>, and (the ``page`` fixture) no console error, no failed request and no
request to any host but 127.0.0.1."""

from __future__ import annotations

import pytest

from .helpers import MISSING_PATH, PAGE_TYPES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_loads_cleanly(kind, page, recorder, paths, base_url):
    path = paths[kind]
    status = 404 if path == MISSING_PATH else 200
    recorder.expect(base_url + path, status)
    response = page.goto(path, wait_until="load")
    assert response.status == status, f"{kind}: {path}"
    if kind == "search":  # its scripts go on loading Pagefind after `load`
        page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert page.title().strip(), f"{kind}: no title"
    heading = page.locator("main h1")
    assert heading.count() == 1, f"{kind}: {heading.count()} <h1> in <main>"
    assert heading.is_visible() and heading.inner_text().strip()
    # The stylesheet was applied (not only requested): the site header is laid out by site.css.
    assert page.evaluate("[...document.styleSheets].some(s => s.href && s.href.endsWith('/theme/css/site.css'))")
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"


def test_withdrawn_proposal_says_so(page, paths):
    page.goto(paths["withdrawn"])
    assert page.locator("main h1").inner_text() == "该建议已撤回或不再公开"
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"


def test_missing_path_gets_the_404_page_with_working_links(page, recorder, base_url):
    recorder.expect(base_url + "/a/deeper/missing/path/", 404)
    response = page.goto("/a/deeper/missing/path/")
    assert response.status == 404
    # Its links are absolute, so they work from any depth: follow the one to the home page.
    page.locator("main a[href='/']").first.click()
    page.wait_for_url(base_url + "/")
    assert page.locator("main h1").count() == 1
