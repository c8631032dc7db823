"""One page of each type in the Traditional and English editions (issue #14): it loads cleanly
(the ``page`` fixture: no console error, no failed request, no request to another host), says
its language, has no axe violation and does not scroll sideways at 320 px."""

from __future__ import annotations

import pytest

from .helpers import LAYOUT_PROBE, MISSING_PATH, NARROW, PAGE_TYPES, describe_violations, run_axe

pytestmark = pytest.mark.browser

EDITIONS = {"zh-Hant": "/zh-hant/", "en": "/en/"}


def edition_path(path: str, prefix: str) -> str:
    return prefix + ("404.html" if path == MISSING_PATH else path.lstrip("/"))


@pytest.mark.parametrize("code", EDITIONS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_page_type_in_edition(kind, code, page, paths, axe_path):
    path = edition_path(paths[kind], EDITIONS[code])
    response = page.goto(path, wait_until="load")
    assert response.status == 200, path
    if kind == "search":
        page.locator("input[name=q]").wait_for()
        page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == code
    assert page.locator("main h1").count() == 1
    violations = run_axe(page)
    assert not violations, f"{kind} ({path}):\n{describe_violations(violations)}"
    page.set_viewport_size(NARROW)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), path
    problems = page.evaluate(LAYOUT_PROBE)
    assert not problems, f"{kind} ({path}) at 320 px:\n" + "\n".join(problems)


def test_the_language_switch_works_without_javascript(browser, base_url, paths):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(paths["proposal"])
        page.locator("nav.editions a[hreflang=en]").click()
        assert page.url.endswith("/en" + paths["proposal"])
        assert page.locator("html").get_attribute("lang") == "en"
        page.locator("nav.editions a[hreflang=zh-Hant]").click()
        assert page.url.endswith("/zh-hant" + paths["proposal"])
        assert page.locator("html").get_attribute("lang") == "zh-Hant"
    finally:
        context.close()
