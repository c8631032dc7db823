"""The review as plain text for a terminal: two spaces per level."""

from __future__ import annotations

from .document import Block, Code, Heading, Inline, Item, Moves, Paragraph, Preformatted, Title
from .printable import printable

INDENT = "  "


def flat(text: Inline) -> str:
    return "".join(printable(part.text if isinstance(part, Code) else part) for part in text)


def as_text(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        match block:
            case Title(summary, lines):
                out += [summary, *(flat(line) for line in lines)]
            case Heading(text):
                out += ["", text]
            case Paragraph(text):
                out.append(INDENT + flat(text))
            case Item(depth, text):
                out.append(INDENT * (depth + 1) + flat(text))
            case Preformatted(depth, lines):
                out += [INDENT * (depth + 2) + printable(line) for line in lines]
            case Moves(rows):
                out += [
                    f"{INDENT}{row.label}：{row.old} → {row.new}" + (f"（{row.difference}）" if row.difference else "")
                    for row in rows
                ]
    return "\n".join(out) + "\n"
