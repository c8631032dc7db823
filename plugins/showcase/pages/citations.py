"""The citation downloads of each proposal, story and session page: ``cite.bib``
(BibTeX) and ``cite.json`` (CSL-JSON), beside the page's index.html."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..citation import cite
from ..citation_formats import bibtex, csl_json
from ..editions import Edition
from ..models import Showcase
from . import File, Page


def pages(showcase: Showcase, settings: dict) -> Iterator[Page | File]:
    # One pair per edition: each cites its own edition's page (the English one by its English title).
    for record in (*showcase.proposals, *showcase.stories, *showcase.sessions):
        yield File(f"{record.url}cite.bib", partial(_cited, bibtex, record, settings), depends=(record,), editions=True)
        yield File(
            f"{record.url}cite.json", partial(_cited, csl_json, record, settings), depends=(record,), editions=True
        )


def _cited(form, record, settings: dict, edition: Edition) -> str:
    return form(cite(record, edition.settings(settings), edition))
