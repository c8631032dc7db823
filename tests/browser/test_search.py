"""The /search/ page in Chromium (our page on Pagefind's JS API, theme/js/search.js, over the sample's
index): the example queries give a first result whose title holds the query and that opens; ?q=
links show results that are real record pages; a second query replaces the first; "更多结果" shows
the next ten; the filter pane loads its indexes only when opened, and its checkboxes narrow the
results; the page works from the keyboard alone; no axe violation with results and with the pane
open. (The index itself and its queries in Node.js: tests/test_search.py.)"""

from __future__ import annotations

import gzip
import json
import re

import pytest
from playwright.sync_api import expect

from .helpers import describe_violations, run_axe

pytestmark = pytest.mark.browser

QUERIES = ["电梯", "减负", "外卖骑手", "消防"]
PAGE = 10  # results shown at a time (search.js)
RESULTS = ".search-results > li"
RESULT_LINKS = ".search-results a"
STATUS = ".search-status"
FIELD = "input[name=q]"


def search(page, query):
    page.goto("/search/")
    page.locator(FIELD).fill(query)  # typing: a debounced search
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    expect(page.locator(STATUS)).to_contain_text(query)


def result_count(page) -> int:
    """The number the summary announces; the list shows the first PAGE of them."""
    summary = page.locator(STATUS).inner_text()
    found = re.search(r"找到 (\d+) 条", summary)
    assert found, summary
    count = int(found.group(1))
    expect(page.locator(RESULTS)).to_have_count(min(count, PAGE))
    return count


def filter_requests(page) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")


@pytest.mark.parametrize("query", QUERIES)
def test_query_gives_a_matching_first_result_that_opens(page, base_url, query):
    search(page, query)
    first = page.locator(RESULT_LINKS).first
    title = first.inner_text()
    assert query in title, f"{query}: first result is {title!r}"
    # The excerpt marks the query's words (Pagefind's <mark>, as elements, never parsed HTML).
    marks = page.locator(".search-results > li").first.locator("mark").all_inner_texts()
    assert marks and all(mark in query for mark in marks), marks
    first.click()
    page.wait_for_url(re.compile(rf"{re.escape(base_url)}/(proposals|stories)/[^/]+/$"))
    assert page.locator("main h1").inner_text() == title


def test_a_search_link_shows_results_that_are_real_record_pages(page, site_dir):
    page.goto("/search/?q=电梯")
    expect(page.locator(RESULT_LINKS).first).to_contain_text("电梯")
    assert page.locator(FIELD).input_value() == "电梯"
    count = result_count(page)
    assert count > 1
    for link in page.locator(RESULT_LINKS).all():
        path = re.fullmatch(r"/(proposals|stories)/[a-z0-9-]+/", link.get_attribute("href"))
        assert path, link.get_attribute("href")
        assert (site_dir / path.group().strip("/") / "index.html").is_file(), path.group()
    meta = page.locator(".search-result-meta").first.inner_text()
    assert re.fullmatch(r"(建议|成果案例) · \d{4}年", meta), meta


def test_a_second_query_replaces_the_first_and_updates_the_link(page):
    page.goto("/search/?q=电梯")
    expect(page.locator(STATUS)).to_contain_text("电梯")
    page.locator(FIELD).fill("外卖骑手")
    page.locator(FIELD).press("Enter")
    expect(page.locator(STATUS)).to_contain_text("外卖骑手")
    assert "外卖骑手" in page.locator(RESULT_LINKS).first.inner_text()
    assert page.evaluate("() => new URLSearchParams(location.search).get('q')") == "外卖骑手"
    page.locator(FIELD).fill("qzxjkv")
    page.locator(FIELD).press("Enter")
    expect(page.locator(STATUS)).to_have_text("没有找到与“qzxjkv”相关的结果。")
    expect(page.locator(RESULTS)).to_have_count(0)


def test_more_results_shows_the_next_ten_and_moves_the_focus_to_them(page):
    page.goto("/search/?q=建议")
    expect(page.locator(RESULTS)).to_have_count(PAGE)
    count = result_count(page)
    assert count > 2 * PAGE, f"the sample has only {count} results for 建议"
    more = page.get_by_role("button", name="更多结果")
    more.click()
    expect(page.locator(RESULTS)).to_have_count(2 * PAGE)
    first_new = page.locator(RESULT_LINKS).nth(PAGE)
    expect(first_new).to_be_focused()


def open_filters(page):
    filters = page.locator("details.search-filters")
    filters.locator("summary").click()
    expect(page.locator(".search-filter-groups input").first).to_be_visible()


def pick(page, group, value, before):
    """Tick ``value`` in ``group``; -> the number of results it leaves, once the summary changed."""
    option = page.get_by_role("group", name=group).get_by_role("checkbox", name=re.compile(f"^{re.escape(value)}"))
    option.check()
    expect(page.locator(STATUS)).not_to_have_text(re.compile(rf"找到 {before} 条"))
    return result_count(page)


def test_the_filter_pane_loads_its_indexes_only_when_opened(page):
    page.goto("/search/?q=电梯")
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    loaded = filter_requests(page)
    assert any(".pf_index" in url for url in loaded), loaded  # the query did load its index chunk
    assert not [url for url in loaded if ".pf_filter" in url], "filter indexes loaded before the pane opened"
    assert not page.locator(".search-filter-groups input").count()
    open_filters(page)
    assert [url for url in filter_requests(page) if ".pf_filter" in url]
    names = page.locator(".search-filters legend").all_inner_texts()
    assert names == ["类别", "专项活动", "领域", "建议人所在地区", "年份", "办理结果"][: len(names)]
    assert {"类别", "领域", "年份", "办理结果"} <= set(names)


def test_filters_narrow_the_results(page):
    search(page, "电梯")
    everything = result_count(page)
    open_filters(page)
    stories = pick(page, "类别", "成果案例", everything)
    assert 0 < stories < everything
    for link in page.locator(RESULT_LINKS).all():
        assert "/stories/" in link.get_attribute("href")
    # Proposals only, then a year on top: narrower again, and only that year's proposals.
    page.get_by_role("group", name="类别").get_by_role("checkbox", name=re.compile("^成果案例")).uncheck()
    expect(page.locator(STATUS)).to_contain_text(f"找到 {everything} 条")
    proposals = pick(page, "类别", "建议", everything)
    year = pick(page, "年份", "2024年", proposals)
    assert 0 < year < proposals
    for link in page.locator(RESULT_LINKS).all():
        assert re.search(r"/proposals/xzjy-2024-\d{6}/$", link.get_attribute("href"))


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)")


def tab_to(page, selector, limit=40) -> int:
    """Press Tab until the element matching ``selector`` has the focus; -> the presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached by Tab in {limit} presses (focus: {focused(page)})")


def test_the_keyboard_alone_searches_opens_the_filters_and_reaches_the_results(page):
    page.goto("/search/")
    tab_to(page, FIELD)
    page.keyboard.type("电梯")
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_contain_text("电梯")
    # From the field: the button, the filter pane's summary, then the first result.
    assert tab_to(page, ".search-filters > summary", limit=2) == 2
    assert tab_to(page, RESULT_LINKS, limit=1) == 1
    first = page.evaluate("() => document.activeElement.getAttribute('href')")
    # Back to the pane, open it with Enter, tick the first checkbox with Space.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator(".search-filter-groups input").first).to_be_visible()
    tab_to(page, ".search-filter-groups input", limit=1)
    before = result_count(page)
    page.keyboard.press("Space")
    expect(page.locator(".search-filter-groups input").first).to_be_checked()
    expect(page.locator(STATUS)).not_to_have_text(re.compile(rf"找到 {before} 条"))
    page.locator(RESULT_LINKS).first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(proposals|stories)/[^/]+/$"))
    assert first  # the result reached by Tab was a link


def test_no_axe_violations_with_results_and_with_the_filter_pane_open(page, axe_path):
    search(page, "消防")
    violations = run_axe(page)
    assert not violations, "results shown:\n" + describe_violations(violations)
    open_filters(page)
    violations = run_axe(page)
    assert not violations, "filter pane open:\n" + describe_violations(violations)


HOSTILE = "<img src=x onerror=window.pwned=1>"


def hostile_fragment(route):
    """The real fragment with markup in its title and in its text around the words found."""
    response = route.fetch()
    raw = gzip.decompress(response.body())
    signature, fragment = raw[:12], json.loads(raw[12:])
    fragment["meta"]["title"] = HOSTILE + fragment["meta"]["title"]
    fragment["content"] = fragment["content"].replace(".", HOSTILE)  # Pagefind ends the heading with "."
    body = gzip.compress(signature + json.dumps(fragment, ensure_ascii=False).encode())
    route.fulfill(response=response, body=body)


def test_markup_in_the_index_is_shown_as_text(page):
    page.route("**/*.pf_fragment", hostile_fragment)
    page.goto("/search/?q=电梯")
    expect(page.locator(RESULT_LINKS).first).to_contain_text(HOSTILE)
    excerpts = page.locator(".search-results li > p:last-child").all_inner_texts()
    assert any(HOSTILE in e for e in excerpts), excerpts  # an excerpt held it, as text
    assert page.locator(".search-results img").count() == 0
    assert page.locator(".search-results mark").count()  # Pagefind's own marks still are elements
    assert page.evaluate("() => window.pwned") is None


# The script's words are the page's (search.html's data-* attributes, one edition's language each):
# stand-ins with other words and other brackets, including what a naive .replace() would garble.
STAND_INS = {
    "data-found-term": "Results for [{term}]: {count}.",
    "data-found-filters": "Filtered: {count}.",
    "data-none-term": "Nothing for [{term}].",
    "data-count": " <{count}>",
}


def with_stand_in_words(route):
    html = route.fetch().text()
    for name, words in STAND_INS.items():
        html, swapped = re.subn(rf'{name}="[^"]*"', f'{name}="{words}"', html)
        assert swapped == 1, name
    route.fulfill(body=html, content_type="text/html; charset=utf-8")


def test_the_messages_and_counts_are_the_pages_words(page):
    page.route(re.compile(r"/search/(\?.*)?$"), with_stand_in_words)
    page.goto("/search/?q=电梯")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^Results for \[电梯\]: \d+\.$"))
    count = int(re.search(r"(\d+)\.$", page.locator(STATUS).inner_text()).group(1))
    expect(page.locator(RESULTS)).to_have_count(min(count, PAGE))
    open_filters(page)
    tallies = page.locator(".search-filter-groups label span").all_inner_texts()
    assert tallies and all(re.fullmatch(r" ?<\d+>", t) for t in tallies), tallies[:5]
    page.get_by_role("group", name="类别").get_by_role("checkbox", name=re.compile("^成果案例")).check()
    expect(page.locator(STATUS)).not_to_have_text(f"Results for [电梯]: {count}.")
    page.locator(FIELD).fill("")
    page.locator(FIELD).press("Enter")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^Filtered: \d+\.$"))
    # A query holding a placeholder and a replacement pattern is shown as typed.
    page.locator(FIELD).fill("qzxjkv $& {count}")
    page.locator(FIELD).press("Enter")
    expect(page.locator(STATUS)).to_have_text("Nothing for [qzxjkv $& {count}].")
