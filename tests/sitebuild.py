"""Helpers shared by the site tests: build a real site from a data folder into
a temporary folder, copy the fixture data, write records, parse pages."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "public"
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))


def build(output: Path, data: Path = FIXTURE, **settings) -> Path:
    """Build with pelicanconf.py; ``settings`` override it (e.g. SITEURL=..., RELATIVE_URLS=False).
    No search index unless ``SHOWCASE_SEARCH=True`` (tests/test_search.py), and no build cache
    unless ``SHOWCASE_CACHE=folder`` (tests/test_incremental.py), so each build stands alone."""
    override = {
        "OUTPUT_PATH": str(output),
        "SHOWCASE_DATA": str(data),
        "SHOWCASE_SEARCH": False,
        "SHOWCASE_CACHE": "",
        **settings,
    }
    Pelican(settings=read_settings(path=str(ROOT / "pelicanconf.py"), override=override)).run()
    return output


def copy_fixture(folder: Path) -> Path:
    data = folder / "data"
    shutil.copytree(FIXTURE, data)
    return data


def linked_ids(data: Path) -> set[str]:
    """Proposals a story, a commendation or a session links to (they cannot just disappear)."""

    def read(path: Path) -> dict:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    ids = {p for s in (data / "stories").glob("*.yaml") for p in read(s)["proposals"]}
    ids |= {a["proposal"] for c in (data / "commendations").glob("*.yaml") for a in read(c)["awards"]}
    ids |= {p for s in (data / "sessions").glob("*.yaml") for p in read(s).get("proposals", [])}
    return {i for i in ids if i}


def write_yaml(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def text(tag) -> str:
    """Visible text, whitespace collapsed; separate elements are joined by a space."""
    return " ".join(tag.get_text(" ", strip=True).split())


def proposal(id: str, **changes) -> dict:
    """A published proposal record at stage 展示 (docs/published-data.md), with ``changes``."""
    record = {
        "id": id,
        "status": "published",
        "first_published": "2024-07-20",
        "last_updated": "2024-07-20",
        "title": "标题",
        "received": "2024-06",
        "channel": "面对面交流活动",
        "campaign": None,
        "topic": "其他",
        "proposer": {"type": "市民", "group": "市民", "district": None, "label": "市民 · 徐州市"},
        "decision": "采纳",
        "stage": "展示",
        "lead_unit": None,
        "co_units": [],
        "timeline": [
            {"stage": "征集", "date": "2024-06", "days": None},
            {"stage": "报送", "date": "2024-06-10", "days": None},
            {"stage": "督办", "date": "2024-06-20", "days": 10},
            {"stage": "转化", "date": "2024-07-01", "days": 11},
            {"stage": "反馈", "date": "2024-07-10", "days": 9},
            {"stage": "展示", "date": "2024-07-20", "days": 10},
        ],
        "stories": [],
        "commendations": [],
        "body": "正文。",
        "outcome": None,
    }
    record.update(changes)
    return record


def coarse_timeline(year: str = "2023") -> list[dict]:
    """A timeline to 展示 whose dates were coarsened to the year (docs/privacy.md)."""
    return [{"stage": stage, "date": year, "days": None} for stage in ("征集", "报送", "督办", "转化", "反馈", "展示")]


COARSENED_ID = "xzjy-2024-000302"


def write_coarsened_proposal(data: Path) -> None:
    """A proposal whose period and timeline were coarsened to the year, with a
    title that starts like a formula (+86…): shared by the citation and
    open-data tests."""
    write_yaml(
        data / f"proposals/{COARSENED_ID}.yaml",
        proposal(COARSENED_ID, title="+86热线应当24小时有人接听", received="2023", timeline=coarse_timeline()),
    )
