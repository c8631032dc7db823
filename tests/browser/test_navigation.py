"""A reader starting at the home page reaches a proposal, its story and its commendation by
clicking links (no typed URLs): through the list of all proposals and its pager, and through the
story cards of the home page."""

from __future__ import annotations

import re

import pytest

from .helpers import STORY_LINK, proposal_files

pytestmark = pytest.mark.browser

AWARD_LINK = re.compile(r'href="(?:\.\./)+commendations/(\d{4})/"')


def proposal_linking(site, pattern) -> str:
    """Id of the first proposal page whose text matches ``pattern``."""
    for file in proposal_files(site):
        if pattern.search(file.read_text(encoding="utf-8")):
            return file.parent.name
    raise AssertionError(f"no proposal page of the sample matches {pattern.pattern}")


def open_proposal_from_home(page, base_url, proposal_id):
    """Home → the list of all proposals → its pager, page by page → the proposal."""
    page.goto("/")
    page.locator("main a[href$='proposals/']").first.click()
    page.wait_for_url(f"{base_url}/proposals/")
    link = page.locator(f"main a[href$='proposals/{proposal_id}/']")
    for _ in range(50):
        if link.count():
            break
        page.locator("nav.pager a[rel='next']").click()
        page.wait_for_load_state()
    title = link.first.inner_text()
    link.first.click()
    page.wait_for_url(f"{base_url}/proposals/{proposal_id}/")
    assert page.locator("main h1").inner_text() == title
    return title


def test_home_to_a_proposal_and_its_story(page, site_dir, base_url):
    proposal_id = proposal_linking(site_dir, STORY_LINK)
    open_proposal_from_home(page, base_url, proposal_id)
    story = page.locator("main a[href*='stories/']").filter(has_not_text="下载")
    story_title = story.first.inner_text()
    story.first.click()
    page.wait_for_url(re.compile(r"/stories/[^/]+/$"))
    assert page.locator("main h1").inner_text() == story_title
    # The story names the proposal it came from; back to it by clicking.
    page.locator(f"main a[href$='proposals/{proposal_id}/']").click()
    page.wait_for_url(f"{base_url}/proposals/{proposal_id}/")


def test_home_to_a_proposal_and_its_commendation(page, site_dir, base_url):
    proposal_id = proposal_linking(site_dir, AWARD_LINK)
    title = open_proposal_from_home(page, base_url, proposal_id)
    page.locator("main a[href*='commendations/']").first.click()
    page.wait_for_url(re.compile(r"/commendations/\d{4}/$"))
    # The year's page lists the award and links the proposal under its title.
    award = page.locator(f"main a[href$='proposals/{proposal_id}/']")
    assert award.inner_text() == title
    award.click()
    page.wait_for_url(f"{base_url}/proposals/{proposal_id}/")


def test_home_story_card_to_the_story_and_its_proposals(page, base_url):
    page.goto("/")
    card = page.locator("main a[href*='stories/']").filter(has_not_text="全部")
    story_title = card.first.inner_text()
    card.first.click()
    page.wait_for_url(re.compile(r"/stories/[^/]+/$"))
    story_url = page.url
    assert page.locator("main h1").inner_text() == story_title
    proposal = page.locator("main a[href*='proposals/xzjy-']").first
    proposal_title = proposal.inner_text()
    proposal.click()
    page.wait_for_url(re.compile(r"/proposals/xzjy-\d{4}-\d{6}/$"))
    assert page.locator("main h1").inner_text() == proposal_title
    # ... and the proposal links back to its story.
    page.locator(f"main a[href$='{story_url.removeprefix(base_url + '/')}']").click()
    page.wait_for_url(story_url)
