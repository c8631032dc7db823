"""The hand-written pages (content/pages/): built into a real site from the test fixture, they say
what the data files say (channels and campaigns of the vocabulary, the anonymiser's placeholders,
the suppression threshold of the published data), are reachable from every page, and carry no
personal data by the leak scanner's own rules.

Run from the project root: .venv/bin/python -m pytest tests/test_content_pages.py -q
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sitebuild import build, soup, text

from pipeline.leaks import scan

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "content" / "pages"
VOCABULARY = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))
# Linked from every page's footer, in this order; the first two are also in the main navigation.
FOOTER_PAGES = {"about": "关于本站", "submit": "怎样提建议", "privacy": "隐私说明", "contact": "联系我们"}
IN_NAV = ["about", "submit"]


def page_text(site: Path, slug: str) -> str:
    return text(soup(site, f"{slug}/index.html").find("main"))


def full_width(name: str) -> str:
    """Vocabulary names use ASCII brackets (镇(街道)征集点); the pages write Chinese ones."""
    return name.replace("(", "（").replace(")", "）")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("pages"))


def test_each_page_is_written_at_its_slug_with_its_title(site):
    for slug, title in FOOTER_PAGES.items():
        page = soup(site, f"{slug}/index.html")
        assert text(page.find("main").find("h1")) == title
        assert page.title.string == f"{title} · 倾听徐州·在一起"


def test_about_and_submit_are_in_the_navigation_privacy_and_contact_only_in_the_footer(site):
    nav = [a["href"] for a in soup(site, "index.html").select("nav.site-nav a")]
    hand_written = [href.strip("./").rstrip("/") for href in nav if href.strip("./").rstrip("/") in FOOTER_PAGES]
    assert hand_written == IN_NAV


def test_every_page_links_the_four_pages_from_its_footer(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        footer = soup(site, str(path.relative_to(site))).select("footer .footer-pages a")
        assert [text(a) for a in footer] == list(FOOTER_PAGES.values()), path
        for a, slug in zip(footer, FOOTER_PAGES):
            # 404.html is served at any path: its links start at the site root.
            base = site if a["href"].startswith("/") else path.parent
            assert (base / a["href"].lstrip("/") / "index.html").resolve() == site / slug / "index.html", path


def test_the_submit_page_names_every_channel_and_links_every_campaign(site):
    content = page_text(site, "submit")
    for channel in VOCABULARY["channels"]:
        assert full_width(channel["name"]) in content, channel
    links = {text(a): a["href"] for a in soup(site, "submit/index.html").select("main a")}
    for campaign in VOCABULARY["campaigns"]:
        assert links[campaign["name"]] == f"../campaigns/{campaign['slug']}/"
        assert (site / "campaigns" / campaign["slug"] / "index.html").is_file()


def test_the_privacy_page_shows_every_placeholder_the_anonymiser_writes(site):
    placeholders = yaml.safe_load((ROOT / "config" / "anonymise.yaml").read_text(encoding="utf-8"))["placeholders"]
    content = page_text(site, "privacy")
    assert [p for p in placeholders.values() if p not in content] == []


def test_the_privacy_page_states_the_publication_rules_of_the_data(site):
    content = page_text(site, "privacy")
    adopted = [decision["name"] for decision in VOCABULARY["decisions"] if decision["adopted"]]
    for name in adopted + VOCABULARY["published_stages"]:
        assert f"“{name}”" in content, name
    k = yaml.safe_load((ROOT / "data" / "public" / "stats.yaml").read_text(encoding="utf-8"))["suppression_threshold"]
    assert f"少于 {k} 条" in content
    assert f"1 到 {k - 1} 之间的数字一律显示为“<{k}”" in content


def test_the_pages_carry_no_personal_data_by_the_leak_scanners_rules():
    pages = sorted(PAGES.rglob("*.md"))  # the English versions in en/ too
    assert {path.stem for path in pages} >= set(FOOTER_PAGES)
    assert {path.relative_to(PAGES).as_posix() for path in pages} >= {f"en/{slug}.md" for slug in FOOTER_PAGES}
    assert [str(leak) for leak in scan(pages)] == []
