"""The Hugo peer's source: ``data/public`` converted once (outside the timed build) into a Hugo site.

Writes ``SITE/`` with this folder's ``hugo.toml`` and ``layouts/`` copied in and ``SITE/content/``:
one content file per published proposal (JSON front matter, no Markdown body: the page is built
from its parameters, as ours is from the YAML) and one ``_index.md`` per facet value, titled with the
value's Chinese name. Facet values are slugs from config/vocabulary.yaml, as in our URLs
(``proposals/<kind>/<slug>/``); a coarsened district is ``citywide`` like ours. The list order is
ours (received, id; newest first), given to Hugo as each page's weight.

``--form adapter`` writes the same pages as one JSON file read by a content adapter
(``_content.gotmpl``) instead: measured slower at 10k (docs/decisions.md), kept to re-measure.

Usage: ``python benchmarks/peers/hugo/convert.py DATA SITE [--form files|adapter]``; prints the count.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
VOCABULARY = HERE.parents[2] / "config" / "vocabulary.yaml"
KINDS = ("campaign", "topic", "district", "year", "decision")
VOCABULARY_LISTS = {"campaign": "campaigns", "topic": "topics", "district": "districts", "decision": "decisions"}
CITYWIDE = ("citywide", "全市（未细分）")  # ours: plugins/showcase/facets.py UNSPECIFIED_DISTRICT
ADAPTER = """{{/* The proposals of proposals.json as pages (convert.py --form adapter). */}}
{{ $data := .Site.Data.proposals }}
{{ range $data }}
  {{ $.AddPage (dict "path" .id "title" .title "kind" "page" "weight" .weight "params" .
    "dates" (dict "date" (time.AsTime .date))) }}
{{ end }}
"""


def _load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def _slugs() -> dict[str, dict[str, str]]:
    vocabulary = _load(VOCABULARY)
    return {kind: {item["name"]: item["slug"] for item in vocabulary[key]} for kind, key in VOCABULARY_LISTS.items()}


def _front(record: dict, weight: int, slugs: dict, titles: dict[str, str]) -> tuple[dict, dict[str, str]]:
    """The page's front matter and its facet values (kind -> slug)."""
    district = record["proposer"]["district"]
    values = {
        "campaign": slugs["campaign"].get(record["campaign"]),
        "topic": slugs["topic"][record["topic"]],
        "district": slugs["district"][district] if district else CITYWIDE[0],
        "year": record["received"][:4],
        "decision": slugs["decision"][record["decision"]],
    }
    received = (record["received"] + "-01-01")[:10]  # "2022" or "2022-03": Hugo wants a whole date
    front = {
        **record,
        "weight": weight,
        "date": received,
        "stories": [{"id": s, "title": titles.get(s, s)} for s in record["stories"]],
        **{f"by_{kind}": [slug] for kind, slug in values.items() if slug},  # the taxonomies (hugo.toml)
    }
    return front, {kind: slug for kind, slug in values.items() if slug}


def _names(kind: str, slug: str, slugs: dict) -> str:
    if kind == "year":
        return f"{slug}年"
    if kind == "district" and slug == CITYWIDE[0]:
        return CITYWIDE[1]
    return next(name for name, s in slugs[kind].items() if s == slug)


def convert(data: Path, site: Path, form: str = "files") -> int:
    """Write the Hugo site for ``data`` into ``site`` (emptied first); returns the pages written."""
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(HERE / "layouts", site / "layouts")
    shutil.copy(HERE / "hugo.toml", site / "hugo.toml")
    slugs = _slugs()
    titles = {p.stem: _load(p)["title"] for p in sorted((data / "stories").glob("*.yaml"))}
    records = [_load(p) for p in sorted((data / "proposals").glob("*.yaml"))]
    records = sorted((r for r in records if r.get("status") == "published"), key=lambda r: (r["received"], r["id"]))
    records.reverse()
    proposals = site / "content" / "proposals"
    proposals.mkdir(parents=True)
    (proposals / "_index.md").write_text('{"title": "建议公开"}\n', encoding="utf-8")
    terms: set[tuple[str, str]] = set()
    fronts = []
    for weight, record in enumerate(records, start=1):
        front, values = _front(record, weight, slugs, titles)
        terms.update(values.items())
        fronts.append(front)
    if form == "adapter":
        (site / "data").mkdir()
        (site / "data" / "proposals.json").write_text(json.dumps(fronts, ensure_ascii=False), encoding="utf-8")
        (proposals / "_content.gotmpl").write_text(ADAPTER, encoding="utf-8")
    else:
        for front in fronts:
            (proposals / f"{front['id']}.md").write_text(json.dumps(front, ensure_ascii=False) + "\n", encoding="utf-8")
    for kind, slug in sorted(terms):
        folder = site / "content" / f"by_{kind}" / slug
        folder.mkdir(parents=True)
        front = {"title": _names(kind, slug, slugs), "slug": slug}
        (folder / "_index.md").write_text(json.dumps(front, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(fronts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="convert.py", description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--form", choices=("files", "adapter"), default="files")
    args = parser.parse_args(argv)
    print(f"hugo peer: {convert(args.data, args.site, args.form)} proposals")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
