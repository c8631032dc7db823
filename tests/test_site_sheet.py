"""The printed outcome sheet: every proposal and story page carries the QR code of its permanent
URL (decoded back from the inline SVG), the data date, and nothing on a relative build's QR."""

from __future__ import annotations

import pytest
from qrimage import decode
from sitebuild import FIXTURE, build, soup, text

SITEURL = "https://jianyi.example.cn"


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("public"), FIXTURE, SITEURL=SITEURL, RELATIVE_URLS=False)


def outcome_pages(site):
    pages = sorted(site.glob("proposals/*/index.html")) + sorted(site.glob("stories/*/index.html"))
    return [p for p in pages if soup(site, p.relative_to(site)).select_one("article.proposal, article.story")]


def test_every_outcome_page_has_the_qr_of_its_own_url(public_site):
    pages = outcome_pages(public_site)
    assert len(pages) >= 4
    for page in pages:
        html = soup(public_site, page.relative_to(public_site))
        canonical = html.select_one('link[rel="canonical"]')["href"]
        assert canonical == f"{SITEURL}/{page.parent.relative_to(public_site).as_posix()}/"
        [svg] = html.select(".cite .sheet-qr svg")
        assert decode(svg) == [canonical], page
        # Hidden from assistive technology: the same URL is the text of the permalink beside it.
        assert svg["aria-hidden"] == "true"
        assert text(html.select_one(".cite .permalink")) == canonical


def test_the_sheet_prints_the_data_date(public_site):
    html = soup(public_site, "proposals/xzjy-2024-000215/index.html")
    updated = html.select_one('meta[property="article:modified_time"]')["content"][:10]
    assert html.select_one(".sheet-qr .sheet-date time")["datetime"] == updated


def test_a_relative_build_has_no_qr(tmp_path):
    site = build(tmp_path / "site")
    html = soup(site, "proposals/xzjy-2024-000215/index.html")
    assert html.select(".sheet-qr") == []
    assert text(html.select_one(".cite .permalink")) == "/proposals/xzjy-2024-000215/"


def test_qr_is_deterministic_and_only_for_absolute_urls():
    url = f"{SITEURL}/stories/lift-ebike-ai/"
    assert qr_svg(url) == qr_svg(url)
    assert decode(soup_of(qr_svg(url))) == [url]
    assert qr_svg("/stories/lift-ebike-ai/") == ""


def test_the_decoder_tells_urls_apart():
    """The check can fail: another URL's drawing decodes to that URL, not this one."""
    assert decode(soup_of(qr_svg(f"{SITEURL}/proposals/a/"))) != [f"{SITEURL}/proposals/b/"]


def qr_svg(url: str) -> str:
    from showcase.qr import qr_svg  # after sitebuild put plugins/ on sys.path

    return qr_svg(url)


def soup_of(svg: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(svg, "html.parser").svg
