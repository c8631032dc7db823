"""The Hugo peer of `make bench` (benchmarks/peers/hugo/, issue #12) on the ~100 published proposals of
data/public: converted and built by the real Hugo binary into tmp_path. Asserts only that it built the
pages it must: one per published proposal, ceil(n/20) list pages, one list per facet value (with its
own pages), the feed and the sitemap. Expected values are computed here from the YAML.

Run from the project root: .venv/bin/python -m pytest tests/test_hugo_peer.py -q
"""

from __future__ import annotations

import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
import yaml
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "peers" / "hugo"))
import convert
import hugo_peer
from trash import Trash

DATA = ROOT / "data" / "public"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PER_PAGE = 20


def _load(path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """data/public with one proposal withdrawn (a tombstone must get no page), converted and built."""
    work = tmp_path_factory.mktemp("hugo")
    data = work / "data"
    for path in sorted(DATA.rglob("*")):
        if path.is_file():
            (data / path.relative_to(DATA)).parent.mkdir(parents=True, exist_ok=True)
            (data / path.relative_to(DATA)).write_bytes(path.read_bytes())
    first = sorted((data / "proposals").glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("status: published", "status: withdrawn", 1))
    convert.convert(data, work / "source")
    command = hugo_peer.build_command(work / "source", work / "out", work / "cache")
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    records = [_load(p) for p in sorted((data / "proposals").glob("*.yaml"))]
    return work / "out", [r for r in records if r["status"] == "published"]


def expected_facets(published: list[dict]) -> dict[str, Counter]:
    vocabulary = _load(ROOT / "config" / "vocabulary.yaml")
    slug = {kind: {v["name"]: v["slug"] for v in vocabulary[key]} for kind, key in convert.VOCABULARY_LISTS.items()}
    values = {
        "campaign": [slug["campaign"][p["campaign"]] for p in published if p["campaign"]],
        "topic": [slug["topic"][p["topic"]] for p in published],
        "district": [slug["district"].get(p["proposer"]["district"], "citywide") for p in published],
        "year": [p["received"][:4] for p in published],
        "decision": [slug["decision"][p["decision"]] for p in published],
    }
    return {kind: Counter(found) for kind, found in values.items()}


def test_one_page_per_published_proposal(built):
    out, published = built
    assert 90 < len(published) < 110
    pages = {p.parent.name for p in (out / "proposals").glob("xzjy-*/index.html")}
    assert pages == {p["id"] for p in published}


def list_pages(folder) -> int:
    """The first page and page/<n>/ for n > 1 (Hugo's page/1/ is a redirect to the first page)."""
    return 1 + sum(1 for p in (folder / "page").glob("*/index.html") if p.parent.name != "1")


def test_the_list_has_ceil_n_over_20_pages(built):
    out, published = built
    assert (out / "proposals" / "index.html").is_file()
    assert list_pages(out / "proposals") == math.ceil(len(published) / PER_PAGE)


def test_one_list_per_facet_value_with_its_pages(built):
    out, published = built
    for kind, counts in expected_facets(published).items():
        folder = out / "proposals" / kind
        assert {p.parent.name for p in folder.glob("*/index.html")} == set(counts), kind
        for value, count in counts.items():
            assert list_pages(folder / value) == math.ceil(count / PER_PAGE), (kind, value)


def test_feed_and_sitemap(built):
    out, published = built
    entries = ET.parse(out / "feeds" / "all.atom.xml").getroot().findall(f"{ATOM}entry")
    assert len(entries) == min(50, len(published))
    urls = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert sum("/proposals/xzjy-" in url for url in urls) == len(published)


def test_the_binary_is_the_package_one_not_the_wrapper():
    assert hugo_peer.binary().endswith("/hugo/binaries/hugo")
    assert hugo_peer.version().startswith("v0.168.0")


def test_trash_moves_old_trees_aside_and_deletes_them_later(tmp_path):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "sub" / "page.html").write_text("old")
    inode = (site / "sub" / "page.html").stat().st_ino
    trash = Trash(tmp_path / "trash")
    trash.empty(site, tmp_path / "new")
    assert list(site.iterdir()) == [] and (tmp_path / "new").is_dir()
    moved = list((tmp_path / "trash").rglob("page.html"))
    assert [p.stat().st_ino for p in moved] == [inode]  # renamed, not copied nor deleted before a timed run
    trash.remove()
    assert not (tmp_path / "trash").exists()


def test_server_rebuild_is_timed_until_the_change_is_served(built, tmp_path):
    out, published = built
    source, record = out.parent / "source", published[0]["id"]
    before = hugo_peer.content_file(source, record).read_bytes()
    series, reported = hugo_peer.server_rebuilds(
        source, record, 2, tmp_path / "server.log", tmp_path / "c", "fast render"
    )
    assert len(series.runs) == 2 and all(run.seconds > 0 and run.peak_rss > 0 for run in series.runs)
    assert len(reported) == 2 and all(ms >= 0 for ms in reported)
    assert "Change detected" in (tmp_path / "server.log").read_text(encoding="utf-8")
    assert hugo_peer.content_file(source, record).read_bytes() == before  # the change is undone
