"""The hand-written pages (``content/pages/``) in the editions other than the original.

Pelican writes the Simplified pages itself. The Traditional edition renders the same page
(converted as every page of that edition is); the English edition renders the page's English
translation, ``content/pages/en/<name>.md`` with the same ``Slug`` and ``Lang: en``, which
Pelican attaches to the page as a translation and does not write itself
(``PAGE_LANG_SAVE_AS = ""``). A page without one fails the English build.
"""

from __future__ import annotations

from collections.abc import Iterator

from .editions import Edition, MissingTranslation
from .pages import Page


def in_edition(page, edition: Edition):
    """Pelican's page (content/pages/*.md) as ``edition`` shows it."""
    if not edition.english:
        return page
    for translation in getattr(page, "translations", []):
        if translation.lang == "en":
            return translation
    raise MissingTranslation.of(edition.code, page.source_path, "content/pages/en/")


def pages(context: dict) -> Iterator[Page]:
    """One page per hand-written page, for the editions Pelican does not write."""
    for page in (*context.get("pages", []), *context.get("hidden_pages", [])):
        yield Page(
            page.save_as,
            page.template,
            edition_context=lambda edition, page=page: {"page": in_edition(page, edition)},
            written_by_pelican=True,
            depends=("content page", page.save_as),  # its text is in every output's salt (inputs.base_salt)
        )
