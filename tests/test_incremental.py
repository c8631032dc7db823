"""The incremental build (plugins/showcase/writer.py) gives exactly what a clean build gives.

A build with a cache renders and writes only the outputs whose inputs changed.
The danger is a page that reads something it did not declare: it would keep
stale content. So each test changes the data, rebuilds incrementally, builds
the same data again from nothing, and compares the two output trees byte for
byte. The sample export is used (about 100 proposals), with workers forced on
so the parallel path is the one tested.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sitebuild import ROOT, build, linked_ids, write_yaml

SAMPLE = ROOT / "data" / "public"
# Fork workers even for a handful of pages; all three editions (a page's versions must follow it).
PARALLEL = {"SHOWCASE_PARALLEL_FROM": 2, "SHOWCASE_EDITIONS": ["zh-Hans", "zh-Hant", "en"]}


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def stamps(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE, folder)
    return folder


def incremental_equals_clean(tmp_path: Path, data: Path, change) -> tuple[Path, dict, dict]:
    """Build, change the data, rebuild with the cache; compare with a clean build of the changed data."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(site, data, SHOWCASE_CACHE=str(cache), **PARALLEL)
    before = stamps(site)
    change(data)
    build(site, data, SHOWCASE_CACHE=str(cache), **PARALLEL)
    clean = build(tmp_path / "clean", data, SHOWCASE_EDITIONS=PARALLEL["SHOWCASE_EDITIONS"])
    assert tree(site) == tree(clean)
    return site, before, stamps(site)


def unlinked_proposals(data: Path) -> list[Path]:
    linked = linked_ids(data)
    return [p for p in sorted((data / "proposals").glob("*.yaml")) if p.stem not in linked]


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path, data):
    _, before, after = incremental_equals_clean(tmp_path, data, lambda data: None)
    changed = sorted(name for name in after if before.get(name) != after[name])
    # Pelican's own outputs (hand-written pages, theme files) and the sitemap are written by
    # Pelican on every build; none of the showcase's thousands of outputs is.
    assert all(not name.startswith(("proposals/", "data/", "feeds/", "campaigns/")) for name in changed), changed


def test_one_changed_proposal_rewrites_its_page_and_what_lists_it(tmp_path, data):
    path = unlinked_proposals(data)[0]
    other = unlinked_proposals(data)[-1]

    topics = {read(p)["topic"] for p in (data / "proposals").glob("*.yaml")}

    def change(data: Path) -> None:
        record = read(path)
        record["title"] += "（更正）"
        record["topic"] = min(topics - {record["topic"]})  # moves it between facet lists: counts change
        write_yaml(path, record)

    site, before, after = incremental_equals_clean(tmp_path, data, change)
    page = f"proposals/{path.stem}/index.html"
    assert before[page] != after[page] and "（更正）" in (site / page).read_text(encoding="utf-8")
    untouched = f"proposals/{other.stem}/index.html"
    assert before[untouched] == after[untouched], "an unrelated proposal page was rewritten"
    assert before[f"data/yaml/proposals/{other.stem}.yaml"] == after[f"data/yaml/proposals/{other.stem}.yaml"]


def test_a_story_title_change_reaches_the_proposal_pages_that_link_it(tmp_path, data):
    story_path = sorted((data / "stories").glob("*.yaml"))[0]

    def change(data: Path) -> None:
        story = read(story_path)
        story["title"] += "（新标题）"
        write_yaml(story_path, story)

    site, _, _ = incremental_equals_clean(tmp_path, data, change)
    for proposal_id in read(story_path)["proposals"]:
        assert "（新标题）" in (site / f"proposals/{proposal_id}/index.html").read_text(encoding="utf-8")


def test_withdrawn_removed_and_new_records(tmp_path, data):
    """A withdrawal, a deleted record (its outputs must go) and a new one shift every list."""
    withdrawn, removed, template = unlinked_proposals(data)[:3]

    def change(data: Path) -> None:
        record = read(withdrawn)
        tombstone = {"id": record["id"], "status": "withdrawn"}
        if "first_published" in record:  # the dates of a published record, when the data carries them
            tombstone |= {"first_published": record["first_published"], "withdrawn_on": record["last_updated"]}
        write_yaml(withdrawn, tombstone)
        removed.unlink()
        new = read(template) | {"id": "xzjy-2099-000001", "received": "2099-01", "title": "新的一条建议"}
        write_yaml(data / "proposals" / "xzjy-2099-000001.yaml", new)

    site, before, _ = incremental_equals_clean(tmp_path, data, change)
    assert f"proposals/{removed.stem}/index.html" in before
    assert not (site / "proposals" / removed.stem).exists()
    assert "新的一条建议" in (site / "proposals/xzjy-2099-000001/index.html").read_text(encoding="utf-8")


def test_a_template_change_rebuilds_every_page_that_uses_it(tmp_path, data):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    site, cache = tmp_path / "site", tmp_path / "cache"
    build(site, data, THEME=str(theme), SHOWCASE_CACHE=str(cache))
    template = theme / "templates" / "proposal.html"
    template.write_text(template.read_text(encoding="utf-8").replace("</article>", "<!-- v2 --></article>", 1))
    build(site, data, THEME=str(theme), SHOWCASE_CACHE=str(cache))
    pages = list((site / "proposals").glob("xzjy-*/index.html"))
    assert pages and all("<!-- v2 -->" in page.read_text(encoding="utf-8") for page in pages)


def test_a_session_change_reaches_its_page_and_the_proposal_pages_it_links(tmp_path, data):
    session_path = data / "sessions" / "mdm-lift-ebike-ai.yaml"
    linked = read(session_path)["proposals"]
    assert linked, "the sample session links published proposals"

    def change(data: Path) -> None:
        session = read(session_path)
        session["title"] += "（更正）"
        session["held_on"] = "2025-10-30"
        write_yaml(session_path, session)

    site, before, after = incremental_equals_clean(tmp_path, data, change)
    for proposal_id in linked:
        page = f"proposals/{proposal_id}/index.html"
        assert before[page] != after[page] and "（更正）" in (site / page).read_text(encoding="utf-8")
    assert "（更正）" in (site / "sessions/mdm-lift-ebike-ai/index.html").read_text(encoding="utf-8")


def test_a_change_to_a_record_a_feed_carries_reaches_the_feed(tmp_path, data):
    """Feeds declare the records they carry (the newest FEED_MAX_ITEMS): the newest unlinked
    proposal, retitled, must show in the feed of everything."""
    newest = max(unlinked_proposals(data), key=lambda p: (str(read(p).get("first_published")), p.stem))

    def change(data: Path) -> None:
        record = read(newest)
        record["title"] += "（订阅更正）"
        write_yaml(newest, record)

    site, _, _ = incremental_equals_clean(tmp_path, data, change)
    assert "（订阅更正）" in (site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
