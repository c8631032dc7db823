"""/data/: the open-data page and the downloads it explains.

Writes ``data/proposals.csv``, ``data/proposals.json``, ``data/stories.json``,
``data/datapackage.json``, byte copies of the data folder under ``data/yaml/``
and the page ``data/index.html`` (template ``opendata``), whose data
dictionary comes from the same records as ``datapackage.json``.
"""

from __future__ import annotations

from collections.abc import Iterator

import yaml

from ..citation import cite, permalink
from ..data import data_files
from ..datapackage import datapackage
from ..dictionary import load_dictionary
from ..downloads import proposals_csv, records_json
from ..generator import DEFAULT_DATA, _setting_path
from ..models import Showcase
from . import File, Page

FOLDER = "data"
YAML_FOLDER = f"{FOLDER}/yaml"


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    dictionary = load_dictionary(showcase.vocabulary)
    copies = data_files(_setting_path(settings, "SHOWCASE_DATA", DEFAULT_DATA))
    records = [(name, yaml.load(content, Loader=yaml.CSafeLoader)) for name, content in copies]

    def published(subfolder: str) -> list[dict]:
        return [r for name, r in records if name.startswith(f"{subfolder}/") and r.get("status") != "withdrawn"]

    proposals, stories = published("proposals"), published("stories")
    contents = {
        "proposals.csv": proposals_csv(showcase.proposals, dictionary.resource("proposals"), settings),
        "proposals.json": records_json(proposals),
        "stories.json": records_json(stories),
    }
    counts = {"proposals.csv": len(showcase.proposals), "proposals.json": len(proposals), "stories.json": len(stories)}
    package = datapackage(dictionary, contents, settings)
    for path, content in contents.items():
        yield File(f"{FOLDER}/{path}", content)
    yield File(f"{FOLDER}/datapackage.json", package)
    for name, content in copies:
        yield File(f"{YAML_FOLDER}/{name}", content)

    downloads = [
        {"resource": r, "bytes": len(contents[r.path]), "records": counts[r.path]} for r in dictionary.resources
    ]
    dates = [cite(record, settings).updated for record in (*showcase.proposals, *showcase.stories)]
    context = {
        "page_name": "opendata",
        "data_url": permalink(f"{FOLDER}/", settings),
        "data_updated": max(dates, default=None),
        "dictionary": dictionary,
        "downloads": downloads,
        "datapackage_bytes": len(package),
    }
    yield Page(f"{FOLDER}/index.html", "opendata", context)
