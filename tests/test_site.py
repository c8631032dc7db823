"""The site: build real sites from tests/fixtures/public into tmp_path and check the HTML.

Run from the project root: .venv/bin/python -m pytest tests/test_site.py -q
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "public"
sys.path.insert(0, str(ROOT / "plugins"))

from showcase.data import ShowcaseDataError  # noqa: E402
from showcase.models import Showcase  # noqa: E402
from showcase.render import change_percent, paragraphs, render_markdown  # noqa: E402
from showcase.schema import Problem  # noqa: E402

EXPECTED_FILES = {
    "index.html",
    "404.html",
    "about/index.html",
    "proposals/index.html",
    "proposals/xzjy-2024-000101/index.html",
    "proposals/xzjy-2024-000188/index.html",
    "proposals/xzjy-2024-000215/index.html",
    "proposals/xzjy-2023-000045/index.html",
    "stories/index.html",
    "stories/grassroots-burden-2024/index.html",
    "commendations/index.html",
    "commendations/2024/index.html",
    "stats/index.html",
    "process/index.html",
    "theme/css/site.css",
    "theme/favicon.svg",
}
# Proposal lists (facet values of the fixture), campaigns, feeds, sitemap, robots.txt: tests/test_site_proposals.py
CAMPAIGNS = ["business-environment", "grassroots-burden", "lasting-tourism", "work-safety"]
EXPECTED_FILES |= {
    *(f"proposals/{facet}/index.html" for facet in [
        "campaign/grassroots-burden", "campaign/lasting-tourism", "decision/adopted", "decision/partly-adopted",
        "district/citywide", "district/quanshan", "district/tongshan", "topic/culture-tourism",
        "topic/grassroots-governance", "topic/urban-rural-construction", "year/2024",
    ]),
    "campaigns/index.html",
    *(f"campaigns/{slug}/index.html" for slug in CAMPAIGNS),
    "feeds/all.atom.xml",
    "feeds/changes.atom.xml",
    "changes/index.html",
    "contact/index.html",
    "privacy/index.html",
    "submit/index.html",
    *(f"feeds/campaigns/{slug}.atom.xml" for slug in CAMPAIGNS),
    "sitemap.xml",
    "robots.txt",
}  # fmt: skip
# The special-collector corps, one page per sector (fixed URLs): tests/test_site_collectors.py
SECTORS = ["npc-deputies", "cppcc-members", "journalists", "teachers", "community-secretaries", "entrepreneurs",
           "association-heads", "new-employment"]  # fmt: skip
EXPECTED_FILES |= {"collectors/index.html", *(f"collectors/{slug}/index.html" for slug in SECTORS)}
# Open data and citation downloads: tests/test_site_opendata.py
EXPECTED_FILES |= {
    "data/index.html", "data/proposals.csv", "data/proposals.json", "data/stories.json", "data/datapackage.json",
    "data/yaml/stats.yaml", "data/yaml/commendations/2024.yaml", "data/yaml/stories/grassroots-burden-2024.yaml",
    *(f"data/yaml/proposals/{id}.yaml" for id in ["xzjy-2023-000045", "xzjy-2024-000101", "xzjy-2024-000188",
                                                  "xzjy-2024-000215"]),
    *(f"{page}/cite.{ext}" for ext in ("bib", "json") for page in [
        "proposals/xzjy-2024-000101", "proposals/xzjy-2024-000188", "proposals/xzjy-2024-000215",
        "stories/grassroots-burden-2024",
    ]),
}  # fmt: skip
# Sessions: the fixture has none, so only the (empty) list and feed; no session downloads: tests/test_site_sessions.py
EXPECTED_FILES |= {"sessions/index.html", "feeds/sessions.atom.xml"}
# Search page (the index itself, pagefind/, only with SHOWCASE_SEARCH): tests/test_search.py
EXPECTED_FILES |= {"search/index.html", "theme/js/search.js"}
STAGES = ["征集", "报送", "督办", "转化", "反馈", "展示", "褒奖"]


# --- helpers ---------------------------------------------------------------


def build(output: Path, data: Path = FIXTURE) -> Path:
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "SHOWCASE_DATA": str(data), "SHOWCASE_SEARCH": False},
    )
    Pelican(settings=settings).run()
    return output


def copy_fixture(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return data


def edit_yaml(path: Path, change) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def text(tag) -> str:
    """Visible text, whitespace collapsed; separate elements are joined by a space."""
    return " ".join(tag.get_text(" ", strip=True).split())


def flat(tag) -> str:
    """Visible text as a reader sees it: inline elements joined without a space."""
    return " ".join(tag.get_text("").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("site"))


# --- what is written -------------------------------------------------------


def test_writes_exactly_the_pages_at_the_permanent_urls(site):
    written = {str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()}
    assert written == EXPECTED_FILES


def test_build_is_deterministic(site, tmp_path):
    again = build(tmp_path / "again")
    for name in EXPECTED_FILES:
        assert (again / name).read_bytes() == (site / name).read_bytes(), name


# --- proposal pages --------------------------------------------------------


def test_proposal_page_shows_its_fields(site):
    page = soup(site, "proposals/xzjy-2024-000101/index.html")
    assert text(page.h1) == "考核指标不应层层下压到社区"
    facts = page.find("dl", class_="facts")
    assert dict(zip([text(dt) for dt in facts("dt")], [text(dd) for dd in facts("dd")])) == {
        "建议编号": "xzjy-2024-000101",
        "收到时间": "2024年3月",
        "征集渠道": "村(社区)征集点",
        "专项活动": "为基层减负",
        "领域": "基层治理",
        "建议人": "村(社区)党组织书记 · 铜山区",
        "办理结果": "采纳",
        "牵头单位": "市委社会工作部",
        "协办单位": "市民政局、市司法局",
    }
    assert [text(p) for p in page.select("#body-heading ~ .text p")] == [
        "社区每年要配合完成的考核和台账事项越来越多，很多事项本应由职能部门自己完成。",
        "建议梳理社区协助事项清单，凡是清单之外的任务不再下派，并明确哪些证明社区不应出具。",
    ]
    assert len(page.select("#outcome-heading ~ .text p")) == 2
    assert [(a["href"], text(a)) for a in page.select("#stories-heading ~ ul a")] == [
        ("../../stories/grassroots-burden-2024/", "为基层减负：社区协助事项从148项减到61项")
    ]
    assert [(text(a), a["href"]) for a in page.select("#awards-heading ~ ul li a")] == [
        ("2024年度 金点子一等奖", "../../commendations/2024/")
    ]


def test_proposal_without_optional_values(site):
    page = soup(site, "proposals/xzjy-2024-000188/index.html")
    facts = page.find("dl", class_="facts")
    values = dict(zip([text(dt) for dt in facts("dt")], [text(dd) for dd in facts("dd")]))
    assert (values["牵头单位"], values["协办单位"]) == ("—", "—")
    assert [text(p) for p in page.select("#body-heading ~ .text p")] == [
        "五一、国庆期间游客集中，景点之间缺少讲解和引导。",
        "建议招募志愿讲解员，在彭城七里沿线定时讲解。",
    ]
    assert page.find(id="stories-heading") is None
    assert soup(site, "proposals/xzjy-2024-000215/index.html").find(id="outcome-heading") is None


def test_timeline_has_all_stages_in_vocabulary_order(site):
    def steps(path):
        page = soup(site, path)
        return [
            (text(li.find(class_="stage")), text(li.find(class_="when")), li["data-stage"])
            for li in page.select("ol.timeline > li")
        ]

    assert steps("proposals/xzjy-2024-000101/index.html") == [
        ("征集", "2024年3月", "collect"),
        ("报送", "2024年3月18日", "submit"),
        ("督办", "2024年4月2日 （15 天后）", "supervise"),
        ("转化", "2024年6月20日 （79 天后）", "transform"),
        ("反馈", "2024年7月5日 （15 天后）", "feedback"),
        ("展示", "2024年7月15日 （10 天后）", "display"),
        ("褒奖", "2024年12月20日 （158 天后）", "commend"),
    ]
    assert steps("proposals/xzjy-2024-000215/index.html") == [
        ("征集", "2024年5月", "collect"),
        ("报送", "2024年5月20日", "submit"),
        ("督办", "已完成（日期未记录）", "supervise"),
        ("转化", "2024年8月1日", "transform"),
        ("反馈", "2024年8月15日 （14 天后）", "feedback"),
        ("展示", "2024年9月1日 （17 天后）", "display"),
        ("褒奖", "未到达", "commend"),
    ]


def test_tombstone_page_says_withdrawn_and_shows_nothing_else(site):
    page = soup(site, "proposals/xzjy-2023-000045/index.html")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert text(page.h1) == "该建议已撤回或不再公开"
    assert page.title.string.startswith("该建议已撤回或不再公开")
    main = page.main
    assert main.find("article") is None
    assert main.find("dl") is None and main.find("ol") is None
    assert [h.name for h in main.find_all(["h1", "h2", "h3"])] == ["h1"]
    listed = {a["href"] for a in soup(site, "proposals/index.html").main.find_all("a")}
    assert not any("xzjy-2023-000045" in href for href in listed)


def test_proposal_list_is_newest_first(site):
    page = soup(site, "proposals/index.html")
    assert [a["href"] for a in page.select("main .card-title a")] == [
        "../proposals/xzjy-2024-000215/",
        "../proposals/xzjy-2024-000188/",
        "../proposals/xzjy-2024-000101/",
    ]


# --- stories and index -----------------------------------------------------


def test_story_page_metrics_table(site):
    page = soup(site, "stories/grassroots-burden-2024/index.html")
    assert text(page.h1) == "为基层减负：社区协助事项从148项减到61项"
    assert [[flat(cell) for cell in tr.find_all(["th", "td"])] for tr in page.select("table.metrics tr")] == [
        ["指标", "原值 → 现值", "变化"],
        ["社区协助事项", "148项 → 61项", "−59%"],
        ["不得要求村（社区）出具的证明事项清单之外的证明由职能部门自行核实", "20项 → 31项", "+55%"],
        ["减负观察点", "44个", "—"],
    ]
    assert [text(note) for note in page.select("table.metrics .note")] == ["清单之外的证明由职能部门自行核实"]
    assert [data["value"] for data in page.select("table.metrics data")] == ["148", "61", "20", "31", "44"]
    body = page.find(class_="story-body")
    assert [tag.name for tag in body.find_all(True)] == ["p", "strong", "h2", "ul", "li", "li", "li"]
    assert [(a["href"], text(a)) for a in page.select("#proposals-heading ~ ul a")] == [
        ("../../proposals/xzjy-2024-000101/", "考核指标不应层层下压到社区")
    ]


def test_index_page(site):
    page = soup(site, "index.html")
    assert text(page.h1) == "建设美好徐州，我们一起建言"
    figures = {text(f.dt): text(f.dd) for f in page.select("dl.figures .figure")}
    assert figures == {"收到建议": "120 件", "采纳（含部分采纳）": "48 件", "公开展示": "3 件", "获得褒奖": "少于5 项"}
    assert [a["href"] for a in page.select("#latest-heading ~ ul .card-title a")] == [
        "./proposals/xzjy-2024-000215/",
        "./proposals/xzjy-2024-000188/",
        "./proposals/xzjy-2024-000101/",
    ]
    assert [a["href"] for a in page.select("#stories-heading ~ ul .card-title a")] == [
        "./stories/grassroots-burden-2024/"
    ]


# --- every page ------------------------------------------------------------


@pytest.fixture(scope="module")
def every_page(site):
    return [(name, soup(site, name)) for name in html_pages(site)]


def test_every_page_has_the_common_structure(every_page):
    for name, page in every_page:
        assert page.html["lang"] == "zh-Hans", name
        assert page.find("meta", attrs={"name": "viewport"}), name
        assert len(page.find_all("h1")) == 1, name
        skip = page.body.find("a")
        assert skip["href"] == "#main" and page.find(id="main").name == "main", name
        for landmark in ("header", "main", "footer"):
            assert len(page.find_all(landmark)) == 1, (name, landmark)
        # One main navigation; other navs (pager, facets) carry their own name.
        assert len(page.find_all("nav", attrs={"aria-label": "主导航"})) == 1, name
        assert all(nav.get("aria-label") or nav.get("aria-labelledby") for nav in page.find_all("nav")), name
        # The only script is the JSON-LD of proposal and story pages (tests/test_site_opendata.py),
        # except on /search/ (tests/test_search.py).
        scripts = [t for t in page.find_all("script") if t.get("type") != "application/ld+json"]
        assert scripts == [] or name == "search/index.html", name


def test_no_external_urls_anywhere(every_page, site):
    for name, page in every_page:
        for tag in page.find_all(src=True) + page.find_all(href=True):
            url = (tag.get("src") or tag.get("href")).strip().lower()
            assert not url.startswith(("http:", "https:", "//")), (name, url)
    css = (site / "theme/css/site.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css and "@font-face" not in css


def test_internal_links_lead_to_written_files(every_page, site):
    for name, page in every_page:
        here = (site / name).parent
        for tag in page.find_all(href=True) + page.find_all(src=True):
            url = (tag.get("href") or tag.get("src")).split("#")[0]
            if not url or "pagefind/" in url:  # the search index: only with SHOWCASE_SEARCH (tests/test_search.py)
                continue
            target = site / url.lstrip("/") if url.startswith("/") else here / url
            if url.endswith("/"):
                target = target / "index.html"
            assert target.resolve().is_file(), (name, url)


def test_demo_banner_on_every_page_when_synthetic(every_page):
    for name, page in every_page:
        banner = page.select("header [data-banner=synthetic]")
        assert len(banner) == 1, name
        assert "示例数据" in text(banner[0])


def test_no_demo_banner_when_not_synthetic(tmp_path):
    data = copy_fixture(tmp_path)
    edit_yaml(data / "stats.yaml", lambda stats: stats.update(synthetic=False))
    site = build(tmp_path / "site", data)
    for name in html_pages(site):
        page = soup(site, name)
        assert page.select("[data-banner]") == [], name
        assert "示例数据" not in page.get_text(), name


# --- escaping --------------------------------------------------------------

SCRIPT = '<script>alert("x")</script>'


def test_script_in_proposal_data_comes_out_escaped(tmp_path):
    data = copy_fixture(tmp_path)

    def inject(record):
        record["title"] = f"标题{SCRIPT}"
        record["body"] = f"第一段{SCRIPT}\n<img src=x onerror=alert(1)>"
        record["outcome"] = SCRIPT

    edit_yaml(data / "proposals/xzjy-2024-000188.yaml", inject)
    site = build(tmp_path / "site", data)
    for name in ["proposals/xzjy-2024-000188/index.html", "index.html", "proposals/index.html"]:
        html = (site / name).read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        scripts = [t for t in page.find_all("script") if t.get("type") != "application/ld+json"]
        assert scripts == [] and page.find_all("img") == [], name
        assert "&lt;script&gt;alert(" in html, name
        assert f"标题{SCRIPT}" in page.get_text(), name
    page = soup(site, "proposals/xzjy-2024-000188/index.html")
    assert text(page.h1) == f"标题{SCRIPT}"
    assert [p.get_text() for p in page.select("#body-heading ~ .text p")] == [
        f"第一段{SCRIPT}",
        "<img src=x onerror=alert(1)>",
    ]


def test_story_markdown_is_sanitised(tmp_path):
    data = copy_fixture(tmp_path)
    body = (
        f'正文 {SCRIPT} <b>粗</b>\n\n<div onclick="x()">块</div>\n\n'
        "[坏](javascript:alert(1)) [邮件](mailto:jianyi@example.cn) "
        "[外](https://example.cn/a) [协议相对](//evil.example/)"
    )
    edit_yaml(data / "stories/grassroots-burden-2024.yaml", lambda record: record.update(body=body))
    site = build(tmp_path / "site", data)
    body_tag = soup(site, "stories/grassroots-burden-2024/index.html").find(class_="story-body")
    assert body_tag.find_all(["script", "b", "div"]) == []
    assert [(a.get("href"), text(a)) for a in body_tag.find_all("a")] == [
        (None, "坏"),
        ("mailto:jianyi@example.cn", "邮件"),
        ("https://example.cn/a", "外"),
        (None, "协议相对"),
    ]
    assert SCRIPT in body_tag.get_text() and "<b>粗</b>" in body_tag.get_text()


# --- schema errors ---------------------------------------------------------


def break_data(data: Path) -> list[Problem]:
    """Break the fixture in several ways; return the problems the build must report."""
    edit_yaml(data / "proposals/xzjy-2024-000215.yaml", lambda r: r.pop("title"))
    edit_yaml(data / "proposals/xzjy-2024-000188.yaml", lambda r: r.update(co_units="市文广旅局"))
    edit_yaml(data / "proposals/xzjy-2023-000045.yaml", lambda r: r.update(title="不该还在"))
    edit_yaml(data / "stories/grassroots-burden-2024.yaml", lambda r: r["metrics"][0].update(after="61"))
    edit_yaml(data / "stats.yaml", lambda r: r.pop("synthetic"))
    return [
        Problem("stats.yaml", "synthetic", "missing-key", "缺少必填字段"),
        Problem("proposals/xzjy-2023-000045.yaml", "title", "unknown-key", "不是发布格式中的字段"),
        Problem("proposals/xzjy-2024-000188.yaml", "co_units", "wrong-type", "应为列表，实为 str"),
        Problem("proposals/xzjy-2024-000215.yaml", "title", "missing-key", "缺少必填字段"),
        Problem("stories/grassroots-burden-2024.yaml", "metrics[0].after", "wrong-type", "应为数字，实为 str"),
    ]


def test_schema_errors_stop_the_build_with_file_and_key(tmp_path):
    data = copy_fixture(tmp_path)
    expected = break_data(data)
    with pytest.raises(ShowcaseDataError) as caught:
        build(tmp_path / "site", data)
    assert caught.value.problems == expected
    assert "proposals/xzjy-2024-000215.yaml: title: [missing-key]" in str(caught.value)


def test_broken_links_between_records_stop_the_build(tmp_path):
    data = copy_fixture(tmp_path)
    (data / "proposals/xzjy-2024-000101.yaml").unlink()
    with pytest.raises(ShowcaseDataError) as caught:
        build(tmp_path / "site", data)
    assert caught.value.problems == [
        Problem(
            "stories/grassroots-burden-2024.yaml", "proposals[0]", "broken-link", "没有已公开的建议 'xzjy-2024-000101'"
        ),
        Problem("commendations/2024.yaml", "awards[0].proposal", "broken-link", "没有已公开的建议 'xzjy-2024-000101'"),
    ]


def test_timeline_must_match_the_stage(tmp_path):
    data = copy_fixture(tmp_path)
    edit_yaml(data / "proposals/xzjy-2024-000188.yaml", lambda r: r["timeline"].pop(2))
    with pytest.raises(ShowcaseDataError) as caught:
        build(tmp_path / "site", data)
    assert [(p.file, p.key, p.code) for p in caught.value.problems] == [
        ("proposals/xzjy-2024-000188.yaml", "timeline", "timeline-stage-mismatch")
    ]


def test_missing_data_folder_stops_the_build(tmp_path):
    with pytest.raises(ShowcaseDataError) as caught:
        build(tmp_path / "site", tmp_path / "nowhere")
    assert [p.code for p in caught.value.problems] == ["missing-folder"]


def pelican_cli(output: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run pelican as the Makefile does, from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(output),
         "--log-handler", "plain", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )  # fmt: skip


def test_cli_takes_the_data_folder_from_extra_settings(tmp_path):
    data = copy_fixture(tmp_path)
    edit_yaml(data / "stats.yaml", lambda stats: stats.update(synthetic=False))
    # -e wins over the environment variable.
    result = pelican_cli(tmp_path / "site", "-e", f'SHOWCASE_DATA="{data}"', env={"SHOWCASE_DATA": "nowhere"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    assert not soup(tmp_path / "site", "index.html").select("[data-banner]")


def test_cli_takes_the_data_folder_from_the_environment(tmp_path):
    data = copy_fixture(tmp_path)
    edit_yaml(data / "stats.yaml", lambda stats: stats.update(synthetic=False))
    result = pelican_cli(tmp_path / "site", env={"SHOWCASE_DATA": str(data)})
    assert result.returncode == 0, result.stderr
    assert not soup(tmp_path / "site", "index.html").select("[data-banner]")


def test_cli_exits_non_zero_on_schema_error(tmp_path):
    data = copy_fixture(tmp_path)
    break_data(data)
    result = pelican_cli(tmp_path / "site", "-e", f'SHOWCASE_DATA="{data}"')
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "ShowcaseDataError" in log
    assert "proposals/xzjy-2024-000215.yaml: title: [missing-key]" in log
    assert "stories/grassroots-burden-2024.yaml: metrics[0].after: [wrong-type]" in log
    assert not (tmp_path / "site" / "index.html").exists()


# --- small pieces ----------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [(148, 61, -59), (20, 31, 55), (None, 44, None), (0, 5, None), (200, 100, -50), (8, 9, 13), (3, 3, 0)],
)
def test_change_percent(before, after, expected):
    assert change_percent(before, after) == expected


def test_paragraphs_split_on_newlines_and_drop_blank_lines():
    assert paragraphs("一\r\n\n  二  \n") == ["一", "二"]
    assert paragraphs(None) == []


def test_markdown_keeps_only_the_allow_list():
    html = str(
        render_markdown("# 标题\n\n<iframe src='https://x'></iframe>\n\n![图](https://x/a.png) [链](http://x.cn)")
    )
    page = BeautifulSoup(html, "html.parser")
    assert page.find_all(["h1", "iframe", "img"]) == []
    assert [a.get("href") for a in page.find_all("a")] == [None]


def test_readme_documents_the_whole_showcase_context():
    readme = (ROOT / "plugins" / "showcase" / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`showcase\.(\w+)`", readme))
    public = {name for name in dir(Showcase) if not name.startswith("_")} | {f.name for f in fields(Showcase)}
    assert documented == public
