"""The review as a small document, built once and written either as plain
text for a terminal (as_text) or as Markdown for a pull request
(as_markdown). Inline text is a tuple of strings and `Code` (ids and paths:
monospace in Markdown)."""

from __future__ import annotations

from dataclasses import dataclass

from .figures import Move


@dataclass(frozen=True)
class Code:
    text: str


Inline = tuple[str | Code, ...]


@dataclass(frozen=True)
class Title:
    summary: str
    lines: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: Inline


@dataclass(frozen=True)
class Item:
    depth: int
    text: Inline


@dataclass(frozen=True)
class Preformatted:
    depth: int  # of the item it belongs to
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Moves:
    rows: tuple[Move, ...]


Block = Title | Heading | Paragraph | Item | Preformatted | Moves
