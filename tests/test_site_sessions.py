"""The sessions pages of the sample site, from parsed HTML: two-way links with
proposals, the timeline marker, filters, JSON-LD Event, feed, tombstone, and no
attendee name without consent anywhere in the output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from sitebuild import FIXTURE, ROOT, build, soup, text, write_yaml

SAMPLE = ROOT / "data" / "public"
SPECS = yaml.safe_load((ROOT / "pipeline" / "sample" / "data" / "sessions.yaml").read_text(encoding="utf-8"))
TOMBSTONE = {"id": "mdm-2099-01", "status": "withdrawn", "first_published": "2025-01-01", "withdrawn_on": "2025-02-01"}


def sessions() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / "sessions").glob("*.yaml"))}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sessions")
    data = folder / "data"
    shutil.copytree(SAMPLE, data)
    write_yaml(data / "sessions" / f"{TOMBSTONE['id']}.yaml", TOMBSTONE)
    return build(folder / "site", data)


def hrefs(page, selector: str) -> list[str]:
    return [a["href"] for a in page.select(selector)]


def test_sessions_and_proposals_link_both_ways(site):
    for sid, record in sessions().items():
        page = soup(site, f"sessions/{sid}/index.html")
        linked = hrefs(page, "#discussed-heading ~ ul.links a")
        assert linked == [f"../../proposals/{pid}/" for pid in record["proposals"]]
        for pid in record["proposals"]:
            proposal = soup(site, f"proposals/{pid}/index.html")
            section = proposal.find(id="sessions-heading")
            assert text(section) == "在面对面活动中商议"
            assert f"../../sessions/{sid}/" in hrefs(proposal, "ul.sessions-discussed a")
            markers = proposal.select('ol.timeline li[data-stage="session"]')
            assert f"../../sessions/{sid}/" in [m.a["href"] for m in markers]
            # The seven stages are still there, in order, with the markers between them.
            stages = [li["data-stage"] for li in proposal.select("ol.timeline li") if li["data-stage"] != "session"]
            assert stages == ["collect", "submit", "supervise", "transform", "feedback", "display", "commend"]


def test_a_proposal_without_sessions_has_no_section(site):
    discussed = {pid for record in sessions().values() for pid in record["proposals"]}
    other = next(p for p in sorted((SAMPLE / "proposals").glob("*.yaml")) if p.stem not in discussed)
    page = soup(site, f"proposals/{other.stem}/index.html")
    assert page.find(id="sessions-heading") is None
    assert not page.select('li[data-stage="session"]')


def test_the_list_and_its_filters(site):
    records = sessions()
    page = soup(site, "sessions/index.html")
    titles = [text(a) for a in page.select("ul.cards .card-title a")]
    newest_first = sorted(records.values(), key=lambda r: (r["held_on"], r["id"]), reverse=True)
    assert titles == [r["title"] for r in newest_first]
    districts = sorted({r["district"] for r in records.values()})
    for name in districts:
        link = next(a for a in page.select("nav.facets a") if text(a) == name)
        facet = soup(site, f"{link['href'].removeprefix('../')}index.html")
        shown = [text(a) for a in facet.select("ul.cards .card-title a")]
        assert shown == [r["title"] for r in newest_first if r["district"] == name]
    campaigns = {r["campaign"] for r in records.values() if r["campaign"]}
    assert len([a for a in page.select("nav.facets a") if text(a) in campaigns]) == len(campaigns)
    assert "面对面" in [text(a) for a in soup(site, "index.html").select("nav.site-nav a")]


def test_session_page_has_event_json_ld_citation_and_feed(site):
    record = sessions()["mdm-lift-ebike-ai"]
    page = soup(site, "sessions/mdm-lift-ebike-ai/index.html")
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["@type"] == "Event" and ld["startDate"] == record["held_on"]
    assert ld["location"]["address"]["addressLocality"] == record["district"]
    reference = text(page.select_one("p.reference"))
    assert reference.startswith(f"倾听徐州·在一起. {record['title']}[EB/OL]. ({record['last_updated']})")
    assert (
        (site / "sessions/mdm-lift-ebike-ai/cite.bib")
        .read_text(encoding="utf-8")
        .startswith("@online{mdm-lift-ebike-ai,")
    )
    feed = (site / "feeds/sessions.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == len(sessions()) and record["title"] in feed
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>sessions/mdm-lift-ebike-ai/</loc>" in sitemap and "<loc>sessions/</loc>" in sitemap


def test_a_withdrawn_session_answers_with_its_tombstone(site):
    page = soup(site, f"sessions/{TOMBSTONE['id']}/index.html")
    assert text(page.h1) == "该面对面交流活动记录已撤回"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_no_attendee_name_without_consent_anywhere_in_the_site(site):
    hidden = [n for s in SPECS if not s["consent"] for n in s["attendees"]]
    credited = [n for s in SPECS if s["consent"] for n in s["attendees"]]
    assert hidden and credited
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".yaml", ".bib", ".txt"):
            content = path.read_text(encoding="utf-8")
            assert not [n for n in hidden if n in content], path
            if any(n in content for n in credited):  # a consenting name: on its session page and data only
                assert path.relative_to(site).parts[0] == "sessions" or "yaml/sessions" in path.as_posix(), path
    page = soup(site, "sessions/mdm-fire-outreach/index.html")
    assert text(page.select_one("p.attendees")) == "经本人同意署名的参加人：" + "、".join(credited)
    assert "attendees" not in (site / "data/sessions.json").read_text(encoding="utf-8")


def test_the_session_downloads_validate(site):
    import frictionless

    report = frictionless.validate(str(site / "data/datapackage.json"))
    assert [(t.name, t.valid) for t in report.tasks][-2:] == [("sessions", True), ("sessions-json", True)]
    rows = (site / "data/sessions.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + len(sessions())


def test_a_site_without_sessions_builds_and_says_so(tmp_path):
    assert not (FIXTURE / "sessions").exists()
    site = build(tmp_path / "site")
    assert "暂无公开的面对面交流活动" in text(soup(site, "sessions/index.html"))
    assert not (site / "data/sessions.json").exists() and not (site / "data/sessions.csv").exists()


def test_a_session_linking_an_unpublished_proposal_stops_the_build(tmp_path):
    from showcase.data import ShowcaseDataError

    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    path = data / "sessions" / "mdm-lift-ebike-ai.yaml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["proposals"].append("xzjy-2099-999999")
    write_yaml(path, record)
    with pytest.raises(ShowcaseDataError) as raised:
        build(tmp_path / "site", data)
    assert [str(p) for p in raised.value.problems] == [
        f"sessions/mdm-lift-ebike-ai.yaml: proposals[{len(record['proposals']) - 1}]: [broken-link] "
        "没有已公开的建议 'xzjy-2099-999999'"
    ]
