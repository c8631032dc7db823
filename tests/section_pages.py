"""Helpers of tests/test_site_sections.py: build a site, read the YAML independently of the plugin,
and read the HTML (tables, text) the way a reader sees it."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "public"
FIXTURE = ROOT / "tests" / "fixtures" / "public"
AWARDS = [a["name"] for a in yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text("utf-8"))["awards"]]
CAMPAIGN_SLUGS = [
    c["slug"] for c in yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text("utf-8"))["campaigns"]
]
NESTED = ["by_year", "by_campaign", "by_channel", "by_district", "by_topic", "by_proposer_type"]
SINGLE = ["by_decision", "funnel", "median_days"]
TOTAL_LABELS = {
    "received": "收到建议",
    "adopted": "采纳（含部分采纳）",
    "published": "公开展示",
    "withdrawn": "撤回公开",
    "commendations": "获得褒奖",
}
SECTION_PAGES = ["index.html", "commendations/index.html", "stats/index.html", "process/index.html"]


def build(output: Path, data: Path) -> Path:
    settings = read_settings(
        path=str(ROOT / "pelicanconf.py"),
        override={"OUTPUT_PATH": str(output), "SHOWCASE_DATA": str(data)},
    )
    Pelican(settings=settings).run()
    return output


def read(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def years(data: Path) -> dict[int, dict]:
    return {record["year"]: record for record in map(read, sorted((data / "commendations").glob("*.yaml")))}


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def shown(value) -> str:
    """A stats.yaml value as the site writes it: 148, 6.5, <5, —."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def figure(value, unit: str) -> str:
    """A headline figure on the home page: '300 件', or '少于5 件' when suppressed."""
    return f"少于{value[1:]} {unit}" if isinstance(value, str) else f"{value} {unit}"


def table_rows(page: BeautifulSoup, stat: str) -> list[list[str]]:
    table = page.select_one(f"table[data-stat={stat}]")
    return [[text(cell) for cell in row(["th", "td"])] for row in table.tbody("tr")]


def expected_rows(stats: dict, stat: str) -> list[list[str]]:
    if stat == "totals":
        return [[TOTAL_LABELS[key], shown(value)] for key, value in stats["totals"].items()]
    suffix = "年" if stat == "by_year" else ""
    if stat in NESTED:
        return [
            [f"{key}{suffix}", *(shown(counts[s]) for s in ("received", "adopted", "published"))]
            for key, counts in stats[stat].items()
        ]
    return [[str(key), shown(value)] for key, value in stats[stat].items()]


def resolves(site: Path, page: str, url: str) -> bool:
    target = (site / page).parent / url.split("#")[0]
    return (target / "index.html" if url.endswith("/") else target).resolve().is_file()
