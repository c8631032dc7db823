"""The /search/ page in Chromium (Pagefind's Component UI over the sample's index): the example
queries give a first result whose title holds the query and that opens; ?q= links work; the
filter dropdowns narrow the results; no axe violation with results and an open dropdown.
(The index itself and its queries in Node.js: tests/test_search.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import describe_violations, run_axe

pytestmark = pytest.mark.browser

QUERIES = ["电梯", "减负", "外卖骑手", "消防"]
RESULTS = "pagefind-results li.pf-result"
RESULT_LINKS = "pagefind-results a.pf-result-link"


def search(page, query):
    page.goto("/search/")
    field = page.get_by_role("searchbox").or_(page.locator("pagefind-input input")).first
    field.fill(query)
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    expect(page.locator("pagefind-summary")).to_contain_text(query)


def result_count(page) -> int:
    summary = page.locator("pagefind-summary").inner_text()
    found = re.search(r"\d+", summary)
    assert found, summary
    count = int(found.group())
    expect(page.locator(RESULTS)).to_have_count(count)
    return count


@pytest.mark.parametrize("query", QUERIES)
def test_query_gives_a_matching_first_result_that_opens(page, base_url, query):
    search(page, query)
    first = page.locator(RESULT_LINKS).first
    title = first.inner_text()
    assert query in title, f"{query}: first result is {title!r}"
    first.click()
    page.wait_for_url(re.compile(rf"{re.escape(base_url)}/(proposals|stories)/[^/]+/$"))
    assert page.locator("main h1").inner_text() == title


def test_a_search_link_shows_its_results(page):
    page.goto("/search/?q=电梯")
    expect(page.locator(RESULT_LINKS).first).to_contain_text("电梯")
    assert page.locator("pagefind-input input").input_value() == "电梯"


def settled(page, count):
    """Wait until the summary announces ``count`` results and the list shows them all."""
    expect(page.locator("pagefind-summary")).to_contain_text(re.compile(rf"(?<!\d){count}(?!\d)"))
    expect(page.locator(RESULTS)).to_have_count(count)


def open_group(page, group):
    """Open the filters (collapsed on a phone) and the group ``group``; returns the group."""
    filters = page.locator("details.search-filters")
    if not filters.evaluate("d => d.open"):
        filters.locator("summary").first.click()
    pane = page.locator(f"details.pf-filter-group[data-filter-name='{group}']")
    if not pane.evaluate("d => d.open"):
        pane.locator("summary").first.click()
    return page.get_by_role("group", name=group)


def pick(page, group, value, before):
    """Tick ``value`` in the filter group ``group``; -> the number of results it leaves.

    Read from the results, once they have changed from ``before``: the count
    beside a checkbox is the whole index's until Pagefind has answered the
    query, so on a busy machine it can still say 4 stories while the list
    shows the 1 that matches (the flaky failure this replaces)."""
    option = open_group(page, group).get_by_role("checkbox", name=re.compile(f"^{re.escape(value)}"))
    option.check()
    summary = page.locator("pagefind-summary")
    expect(summary).not_to_have_text(re.compile(rf"(?<!\d){before}(?!\d)"))
    expect(summary).to_have_text(re.compile(r"\d"))
    return result_count(page)


def test_filters_narrow_the_results(page):
    search(page, "电梯")
    everything = result_count(page)
    hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(l => l.href)")
    assert any("/proposals/" in h for h in hrefs) and any("/stories/" in h for h in hrefs), hrefs

    stories = pick(page, "类别", "成果案例", everything)
    assert 0 < stories < everything
    for link in page.locator(RESULT_LINKS).all():
        assert "/stories/" in link.get_attribute("href")

    # Proposals only, then a year on top: narrower again, and only that year's proposals.
    open_group(page, "类别").get_by_role("checkbox", name=re.compile("^成果案例")).uncheck()
    # Wait until the page shows every result again, so the next pick's change is from the full list.
    settled(page, everything)
    proposals = pick(page, "类别", "建议", everything)
    year = pick(page, "年份", "2024年", proposals)
    assert 0 < year < proposals
    for link in page.locator(RESULT_LINKS).all():
        assert re.search(r"/proposals/xzjy-2024-\d{6}/$", link.get_attribute("href"))


def test_no_axe_violations_with_results_and_an_open_filter(page, axe_path):
    search(page, "消防")
    open_group(page, "领域")
    violations = run_axe(page)
    assert not violations, describe_violations(violations)
