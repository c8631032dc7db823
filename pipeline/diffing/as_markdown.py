"""The review as Markdown (CommonMark, as GitHub and Gitea render it) for a
pull-request description. Published text is still hostile: every string is
escaped so it cannot become a link, an image, HTML or a table cell break,
and diff lines sit in fenced blocks longer than any backtick run in them."""

from __future__ import annotations

import re

from .document import Block, Code, Heading, Inline, Item, Moves, Paragraph, Preformatted, Title
from .printable import printable

SPECIAL = re.compile(r"[\\`*_\[\]|~]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")


def escape(text: str) -> str:
    return SPECIAL.sub(lambda match: "\\" + match.group(0), printable(text))


def fence_for(text: str) -> str:
    runs = re.findall(r"`+", text)
    return "`" * max(3, *(len(run) + 1 for run in runs)) if runs else "```"


def code(text: str) -> str:
    text = printable(text)
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def inline(text: Inline) -> str:
    return "".join(code(part.text) if isinstance(part, Code) else escape(part) for part in text)


def table(rows: tuple) -> list[str]:
    lines = ["| 数字 | 原来 | 现在 | 变化 |", "|---|--:|--:|--:|"]
    lines += [f"| {escape(r.label)} | {escape(r.old)} | {escape(r.new)} | {escape(r.difference)} |" for r in rows]
    return ["", *lines, ""]


def as_markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        match block:
            case Title(summary, lines):
                out += [f"### {escape(summary)}", ""]
                out += [part for line in lines for part in (inline(line), "")]
            case Heading(text):
                out += ["", f"#### {escape(text)}", ""]
            case Paragraph(text):
                out += ["", inline(text), ""]
            case Item(depth, text):
                out.append("  " * depth + "- " + inline(text))
            case Preformatted(depth, lines):
                indent = "  " * (depth + 1)
                fence = fence_for("\n".join(lines))
                out += ["", indent + fence + "text", *(indent + printable(line) for line in lines), indent + fence, ""]
            case Moves(rows):
                out += table(rows)
    return "\n".join(collapse(out)) + "\n"


def collapse(lines: list[str]) -> list[str]:
    """No blank line at either end, never two in a row."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept
