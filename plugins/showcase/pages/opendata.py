"""/data/: the open-data page and the downloads it explains.

Writes ``data/proposals.csv``, ``data/proposals.json``, ``data/stories.json``,
``data/sessions.csv``, ``data/sessions.json`` (without attendees' names; only when
there are sessions),
``data/datapackage.json``, byte copies of the data folder under ``data/yaml/``
and the page ``data/index.html`` (template ``opendata``), whose data
dictionary comes from the same records as ``datapackage.json``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import cached_property, partial

from ..citation import permalink
from ..datapackage import datapackage
from ..dates import last_updated
from ..dictionary import load_dictionary
from ..downloads import (
    csv_line,
    json_line,
    open_record,
    open_session,
    proposal_row,
    proposals_csv,
    records_json,
    session_row,
)
from ..models import Showcase
from . import File, Page

FOLDER = "data"
YAML_FOLDER = f"{FOLDER}/yaml"
SESSION_FILES = ("sessions.csv", "sessions.json")


class _Downloads:
    """The download files, made on first use: an incremental build that finds
    the data unchanged writes none of them and so never makes them."""

    def __init__(self, showcase: Showcase, settings: dict):
        self.showcase, self.settings = showcase, settings
        dictionary = load_dictionary(showcase.vocabulary)
        # Data without sessions has no session downloads (Frictionless cannot read an empty JSON
        # table, and a site built from such data keeps its /data/ as it was).
        kept = tuple(r for r in dictionary.resources if showcase.sessions or r.path not in SESSION_FILES)
        self.dictionary = replace(dictionary, resources=kept)

    @cached_property
    def contents(self) -> dict[str, bytes]:
        source, proposals = self.showcase.source, self.showcase.proposals
        resource = self.dictionary.resource("proposals")

        def csv(proposal) -> str:
            return source.derive("csv", proposal, lambda: csv_line(proposal_row(proposal, resource, self.settings)))

        def json(name: str):
            described = self.dictionary.resource(name)
            return lambda record: source.derive("json", record, lambda: json_line(open_record(record, described)))

        found = {
            "proposals.csv": proposals_csv(proposals, resource, self.settings, line=csv),
            "proposals.json": records_json(source.records("proposals"), line=json("proposals-json")),
            "stories.json": records_json(source.records("stories"), line=json("stories")),
        }
        if self.showcase.sessions:
            sessions = self.dictionary.resource("sessions")

            def session_csv(session) -> str:
                return csv_line(session_row(session, sessions, self.settings))

            found["sessions.csv"] = proposals_csv(self.showcase.sessions, sessions, self.settings, line=session_csv)
            found["sessions.json"] = records_json([open_session(r) for r in source.records("sessions")])
        return found

    @cached_property
    def package(self) -> str:
        return datapackage(self.dictionary, self.contents, self.settings)

    def page_context(self) -> dict:
        showcase, settings, contents = self.showcase, self.settings, self.contents
        published = len(showcase.proposals)
        held = len(showcase.sessions)
        counts = {"proposals.csv": published, "proposals.json": published, "stories.json": len(showcase.stories)}
        counts |= {"sessions.csv": held, "sessions.json": held}
        downloads = [
            {"resource": r, "bytes": len(contents[r.path]), "records": counts[r.path]}
            for r in self.dictionary.resources
        ]
        dates = [last_updated(record) for record in (*showcase.proposals, *showcase.stories, *showcase.sessions)]
        return {
            "page_name": "opendata",
            "data_url": permalink(f"{FOLDER}/", settings),
            "data_updated": max(dates, default=None),
            "dictionary": self.dictionary,
            "downloads": downloads,
            "datapackage_bytes": len(self.package),
        }


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    downloads = _Downloads(showcase, settings)
    for path in ("proposals.csv", "proposals.json", "stories.json", *(SESSION_FILES if showcase.sessions else ())):
        yield File(f"{FOLDER}/{path}", partial(lambda path: downloads.contents[path], path))
    yield File(f"{FOLDER}/datapackage.json", lambda: downloads.package)
    source = showcase.source
    for name, content in source.copies():
        yield File(f"{YAML_FOLDER}/{name}", content, depends=source.digests[name])
    yield Page(f"{FOLDER}/index.html", "opendata", downloads.page_context)
