"""What journalists need on outcome pages (proposal, story): the 引用本页 block,
the cite.bib and cite.json downloads, the derived dates, JSON-LD, Open Graph
tags and a self-standing <title>.

Builds real sites (relative, and with an absolute SITEURL) from a copy of
tests/fixtures/public plus one proposal whose dates were coarsened to years.
Run from the project root: .venv/bin/python -m pytest tests/test_site_citation.py -q
"""

from __future__ import annotations

import json
import re
import sys

import bibtexparser
import pytest
from sitebuild import (
    ROOT,
    build,
    copy_fixture,
    proposal,
    soup,
    text,
    write_coarsened_proposal,
    write_yaml,
)

sys.path.insert(0, str(ROOT / "plugins"))

from showcase.citation import cite, proposal_dates
from showcase.data import load_vocabulary
from showcase.models import Proposal

SITEURL = "https://jianyi.example.cn"


@pytest.fixture(scope="module")
def site_vocabulary():
    return load_vocabulary(ROOT / "config" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = copy_fixture(tmp_path_factory.mktemp("citation"))
    write_coarsened_proposal(data)
    return data


@pytest.fixture(scope="module")
def site(data, tmp_path_factory):
    return build(tmp_path_factory.mktemp("site"), data)


@pytest.fixture(scope="module")
def public_site(data, tmp_path_factory):
    """As published: an absolute SITEURL."""
    return build(tmp_path_factory.mktemp("public"), data, SITEURL=SITEURL, RELATIVE_URLS=False)


# --- citations -------------------------------------------------------------


def cite_block(site, path: str) -> dict:
    block = soup(site, path).find("section", class_="cite")
    facts = dict(zip([text(dt) for dt in block.dl("dt")], [text(dd) for dd in block.dl("dd")], strict=True))
    return {
        "facts": facts,
        "reference": text(block.find(class_="reference")),
        "downloads": [a["href"] for a in block.select(".cite-downloads a")],
    }


def test_cite_block_on_a_proposal_page(site):
    assert cite_block(site, "proposals/xzjy-2024-000101/index.html") == {
        "facts": {
            "永久链接": "/proposals/xzjy-2024-000101/",
            "建议编号": "xzjy-2024-000101",
            "首次公开": "2024年7月15日",
            "最后更新": "2024年12月20日",
        },
        "reference": "倾听徐州·在一起. 考核指标不应层层下压到社区[EB/OL]. (2024-12-20)[引用日期]. "
        "/proposals/xzjy-2024-000101/.",
        "downloads": ["../../proposals/xzjy-2024-000101/cite.bib", "../../proposals/xzjy-2024-000101/cite.json"],
    }


def test_cite_block_with_siteurl_and_coarsened_timeline(public_site):
    """A timeline coarsened to years does not coarsen the site's own publication dates."""
    assert cite_block(public_site, "proposals/xzjy-2024-000302/index.html") == {
        "facts": {
            "永久链接": f"{SITEURL}/proposals/xzjy-2024-000302/",
            "建议编号": "xzjy-2024-000302",
            "首次公开": "2024年7月20日",
            "最后更新": "2024年7月20日",
        },
        "reference": f"倾听徐州·在一起. +86热线应当24小时有人接听[EB/OL]. (2024-07-20)[引用日期]. "
        f"{SITEURL}/proposals/xzjy-2024-000302/.",
        "downloads": [
            f"{SITEURL}/proposals/xzjy-2024-000302/cite.bib",
            f"{SITEURL}/proposals/xzjy-2024-000302/cite.json",
        ],
    }


def test_cite_block_on_a_story_page(site):
    block = cite_block(site, "stories/grassroots-burden-2024/index.html")
    assert block["facts"] == {
        "永久链接": "/stories/grassroots-burden-2024/",
        "案例编号": "grassroots-burden-2024",
        "首次公开": "2024年9月10日",
        "最后更新": "2024年9月10日",
    }
    assert block["reference"] == (
        "倾听徐州·在一起. 为基层减负：社区协助事项从148项减到61项[EB/OL]. (2024-09-10)[引用日期]. "
        "/stories/grassroots-burden-2024/."
    )


def test_cite_files_parse(public_site):
    for folder, title, date in [
        ("proposals/xzjy-2024-000101", "考核指标不应层层下压到社区", [2024, 12, 20]),
        ("stories/grassroots-burden-2024", "为基层减负：社区协助事项从148项减到61项", [2024, 9, 10]),
    ]:
        key = folder.split("/")[1]
        library = bibtexparser.parse_string((public_site / folder / "cite.bib").read_text(encoding="utf-8"))
        assert library.failed_blocks == []
        [entry] = library.entries
        assert (entry.key, entry.entry_type) == (key, "online")
        assert {f.key: f.value for f in entry.fields} == {
            "title": title,
            "author": "{倾听徐州·在一起}",
            "organization": "倾听徐州·在一起",
            "year": str(date[0]),
            "month": str(date[1]),
            "date": "-".join(f"{n:02d}" for n in date),
            "url": f"{SITEURL}/{folder}/",
            "langid": "chinese",
        }
        [item] = json.loads((public_site / folder / "cite.json").read_text(encoding="utf-8"))
        assert (item["id"], item["type"], item["title"], item["URL"]) == (key, "webpage", title, f"{SITEURL}/{folder}/")
        assert item["issued"] == {"date-parts": [date]}


def test_bibtex_escapes_special_characters(tmp_path):
    data = copy_fixture(tmp_path)
    write_yaml(data / "proposals/xzjy-2024-000401.yaml", proposal("xzjy-2024-000401", title="100% 覆盖 {a} & #1_x~"))
    site = build(tmp_path / "site", data)
    bib = (site / "proposals/xzjy-2024-000401/cite.bib").read_text(encoding="utf-8")
    assert r"title = {100\% 覆盖 \{a\} \& \#1\_x\textasciitilde{}}," in bib
    [entry] = bibtexparser.parse_string(bib).entries
    assert entry.key == "xzjy-2024-000401"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"展示": "2024-07-15"}, ("2024-07-15", "2024-07-15")),
        ({"展示": "2024-07-15", "褒奖": "2024-12-20"}, ("2024-07-15", "2024-12-20")),
        ({"展示": None, "褒奖": "2024-12-20"}, ("2024-12-20", "2024-12-20")),  # as dates.published_on
        ({"反馈": None, "展示": None}, ("2024-07-01", "2024-07-01")),
        ({stage: None for stage in ("征集", "报送", "督办", "转化", "反馈", "展示")}, ("2024-06", "2024-06")),
    ],
)
def test_dates_of_data_exported_before_the_dates_were_recorded(site_vocabulary, dates, expected):
    record = proposal("xzjy-2024-000001")
    del record["first_published"], record["last_updated"]  # derived from the timeline, as before
    if "褒奖" in dates:
        record["stage"] = "褒奖"
        record["timeline"].append({"stage": "褒奖", "date": None, "days": None})
    for item in record["timeline"]:
        item["date"] = dates.get(item["stage"], item["date"])
    assert proposal_dates(Proposal.from_yaml(record, site_vocabulary)) == expected


def test_a_citation_is_worked_out_once_per_record_and_site(site_vocabulary):
    """The memo behind a page and its two citation files: per record, and per SITENAME and SITEURL."""
    record = Proposal.from_yaml(proposal("xzjy-2024-000001"), site_vocabulary)
    relative, absolute = {"SITENAME": "倾听徐州"}, {"SITENAME": "倾听徐州", "SITEURL": "https://example.org"}
    assert cite(record, relative) is cite(record, dict(relative))
    assert cite(record, relative).url == "/proposals/xzjy-2024-000001/"
    assert cite(record, absolute).url == "https://example.org/proposals/xzjy-2024-000001/"
    assert cite(record, {"SITENAME": "别的网站"}).author == "别的网站"
    twin = Proposal.from_yaml({**proposal("xzjy-2024-000001"), "title": "另一个标题"}, site_vocabulary)
    assert cite(twin, relative).title == "另一个标题"  # another record object: never the memo of the first
    for number in range(30):  # records made and dropped: a new one may get a dropped one's id
        title = f"第{number}个标题"
        dropped = Proposal.from_yaml({**proposal("xzjy-2024-000001"), "title": title}, site_vocabulary)
        assert cite(dropped, relative).title == title
        del dropped


# --- JSON-LD, Open Graph, <title> -------------------------------------------


def json_ld(site, path: str) -> dict:
    scripts = soup(site, path).find_all("script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    return json.loads(scripts[0].string)


def test_json_ld_of_a_proposal(public_site):
    assert json_ld(public_site, "proposals/xzjy-2024-000101/index.html") == {
        "@context": "https://schema.org",
        "@type": "Report",
        "@id": f"{SITEURL}/proposals/xzjy-2024-000101/",
        "url": f"{SITEURL}/proposals/xzjy-2024-000101/",
        "identifier": "xzjy-2024-000101",
        "name": "考核指标不应层层下压到社区",
        "headline": "考核指标不应层层下压到社区",
        "description": "社区每年要配合完成的考核和台账事项越来越多，很多事项本应由职能部门自己完成。"
        "建议梳理社区协助事项清单，凡是清单之外的任务不再下派，并明确哪些证明社区不应出具。",
        "datePublished": "2024-07-15T00:00:00+08:00",
        "dateModified": "2024-12-20T00:00:00+08:00",
        "inLanguage": "zh-CN",
        "keywords": ["基层治理", "为基层减负"],
        "isAccessibleForFree": True,
        "publisher": {"@type": "Organization", "name": "倾听徐州·在一起", "url": SITEURL},
    }


def test_json_ld_of_a_story_and_of_a_coarsened_timeline(site):
    story = json_ld(site, "stories/grassroots-burden-2024/index.html")
    assert (story["@type"], story["identifier"], story["datePublished"], story["dateModified"]) == (
        "Report",
        "grassroots-burden-2024",
        "2024-09-10T00:00:00+08:00",
        "2024-09-10T00:00:00+08:00",
    )
    assert story["url"] == "/stories/grassroots-burden-2024/"
    coarse = json_ld(site, "proposals/xzjy-2024-000302/index.html")
    assert (coarse["datePublished"], coarse["dateModified"]) == ("2024-07-20T00:00:00+08:00",) * 2


def open_graph(site, path: str) -> dict:
    page = soup(site, path)
    return {m["property"]: m["content"] for m in page.find_all("meta", property=re.compile(r"^(og|article):"))}


def test_open_graph_and_title_of_a_proposal(public_site, site):
    assert open_graph(public_site, "proposals/xzjy-2024-000188/index.html") == {
        "og:type": "article",
        "og:title": "节假日在彭城七里沿线增派志愿讲解员",
        "og:description": "五一、国庆期间游客集中，景点之间缺少讲解和引导。"
        "建议招募志愿讲解员，在彭城七里沿线定时讲解。",
        "og:url": f"{SITEURL}/proposals/xzjy-2024-000188/",
        "og:locale": "zh_CN",
        "og:site_name": "倾听徐州·在一起",
        "article:published_time": "2024-05-20T00:00:00+08:00",
        "article:modified_time": "2024-05-20T00:00:00+08:00",
    }
    page = soup(public_site, "proposals/xzjy-2024-000188/index.html")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/proposals/xzjy-2024-000188/"
    assert page.title.string == "节假日在彭城七里沿线增派志愿讲解员 · 徐州市人民建议（采纳） · 倾听徐州·在一起"
    assert open_graph(site, "proposals/xzjy-2024-000188/index.html")["og:url"] == "/proposals/xzjy-2024-000188/"
    assert soup(site, "proposals/xzjy-2024-000188/index.html").find("link", rel="canonical") is None


def test_open_graph_and_title_of_a_story(site):
    tags = open_graph(site, "stories/grassroots-burden-2024/index.html")
    assert (tags["og:type"], tags["og:title"], tags["og:description"], tags["og:locale"]) == (
        "article",
        "为基层减负：社区协助事项从148项减到61项",
        "群众建议考核指标不要层层下压到社区，推动出台24条措施，社区协助事项大幅精简。",
        "zh_CN",
    )
    title = soup(site, "stories/grassroots-burden-2024/index.html").title.string
    assert title == "为基层减负：社区协助事项从148项减到61项 · 徐州市人民建议成果案例 · 倾听徐州·在一起"
