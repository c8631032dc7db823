"""An outcome page (a proposal with its outcome, a story) prints on one A4 page: Chromium's PDF
of the page (print media) has exactly one page. Proposals: the longest of the sample. Built as for
production (SITEURL), the printed sheet shows the QR code of the page's URL, hidden on screen."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from .conftest import SHEET_SITEURL
from .helpers import describe_violations, proposal_files, run_axe

pytestmark = pytest.mark.browser

PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")  # a page object; /Type /Pages is the page tree


def pdf_pages(pdf: bytes) -> int:
    assert pdf.startswith(b"%PDF-")
    return len(PAGE_OBJECT.findall(pdf))


def longest_proposals(site, count=3) -> list[str]:
    def length(file):
        main = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").main
        return len(main.get_text(strip=True))

    files = sorted(proposal_files(site), key=length, reverse=True)[:count]
    return [f"/proposals/{f.parent.name}/" for f in files]


def print_to_pdf(page, path) -> bytes:
    page.goto(path)
    page.emulate_media(media="print")
    # Print media: the page's own content stays, the site chrome goes.
    assert page.locator("main h1").is_visible()
    assert not page.locator(".site-nav").is_visible()
    return page.pdf(format="A4", print_background=True)


def test_longest_proposals_print_on_one_a4_page(page, site_dir):
    for path in longest_proposals(site_dir):
        page.goto(path)
        assert page.locator("#outcome-heading").count() == 1, f"{path} has no outcome"
        assert pdf_pages(print_to_pdf(page, path)) == 1, f"{path} prints on more than one A4 page"


def test_every_story_prints_on_one_a4_page(page, site_dir):
    stories = sorted(f.parent.name for f in site_dir.glob("stories/*/index.html"))
    assert stories
    for slug in stories:
        path = f"/stories/{slug}/"
        assert pdf_pages(print_to_pdf(page, path)) == 1, f"{path} prints on more than one A4 page"


def test_the_page_count_sees_a_long_page(page):
    """The gate can fail: the list of all proposals is longer than one A4 page."""
    assert pdf_pages(print_to_pdf(page, "/proposals/")) > 1


def qr_box(page) -> dict | None:
    return page.locator(".sheet-qr svg").bounding_box()


def test_sheets_print_on_one_a4_page_with_the_qr_code(page, site_dir, sheet_site):
    stories = [f"/stories/{f.parent.name}/" for f in sorted(site_dir.glob("stories/*/index.html"))]
    for path in [*longest_proposals(site_dir), *stories]:
        page.goto(f"{sheet_site}{path}")
        assert page.locator(".sheet-qr").count() == 1, f"{path} has no QR code"
        assert not page.locator(".sheet-qr").is_visible(), f"{path}: the QR code shows on screen"
        page.emulate_media(media="print")
        box = qr_box(page)
        assert box and box["width"] >= 70 and box["height"] >= 70, f"{path}: QR code {box} in print"  # 20 mm
        assert page.locator(".sheet-qr .sheet-date").is_visible()
        assert page.locator(".cite .permalink").inner_text() == f"{SHEET_SITEURL}{path}"
        assert not page.locator(".site-nav").is_visible()
        assert pdf_pages(page.pdf(format="A4", print_background=True)) == 1, f"{path} prints on more than one page"
        violations = run_axe(page)
        assert not violations, describe_violations(violations)
        page.emulate_media(media="screen")


def test_every_session_prints_on_one_a4_page(page, site_dir):
    sessions = sorted(f.parent.name for f in site_dir.glob("sessions/mdm-*/index.html"))
    assert sessions
    for slug in sessions:
        path = f"/sessions/{slug}/"
        assert pdf_pages(print_to_pdf(page, path)) == 1, f"{path} prints on more than one A4 page"
