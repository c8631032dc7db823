"""The citation downloads of each proposal and story page: ``cite.bib``
(BibTeX) and ``cite.json`` (CSL-JSON), beside the page's index.html."""

from __future__ import annotations

from collections.abc import Iterator

from ..citation import cite
from ..citation_formats import bibtex, csl_json
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    for record in (*showcase.proposals, *showcase.stories):
        citation = cite(record, settings)
        yield File(f"{record.url}cite.bib", bibtex(citation))
        yield File(f"{record.url}cite.json", csl_json(citation))
