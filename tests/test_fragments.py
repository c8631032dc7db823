"""The fragment cache (plugins/showcase/fragments.py) and the shared imports (imports.py) change how
fast a page is made, never what it says.

A fragment is rendered once per key and reused; a key that misses something the fragment reads
(the depth of the page, the current item) would put one page's header or card on another. So
the sample site is built with the cache and without it and the two trees must be equal, byte for
byte, in both URL modes (``SHOWCASE_FRAGMENTS = False`` turns both off).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import ROOT, build

SAMPLE = ROOT / "data" / "public"


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


ABSOLUTE = {"SITEURL": "https://example.org", "RELATIVE_URLS": False}


@pytest.mark.parametrize("urls", [{}, ABSOLUTE], ids=["relative", "absolute"])
def test_cached_fragments_give_the_same_site(tmp_path, urls):
    cached = tree(build(tmp_path / "cached", SAMPLE, **urls))
    plain = tree(build(tmp_path / "plain", SAMPLE, SHOWCASE_FRAGMENTS=False, **urls))
    assert cached.keys() == plain.keys()
    assert [name for name in cached if cached[name] != plain[name]] == []


def test_a_card_links_relative_to_its_own_page(tmp_path):
    """The same card on a first and a later list page: its link climbs as many folders as each page is deep."""
    site = build(tmp_path / "site", SAMPLE)
    first = (site / "proposals" / "index.html").read_text(encoding="utf-8")
    later = (site / "proposals" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'href="../proposals/xzjy-' in first
    assert 'href="../../../proposals/xzjy-' in later
