"""A compact, readable diff of two texts for a reviewer: changed lines only,
each changed span marked in the line the way `git diff --word-diff` does
([-removed-]{+added+}), long unchanged stretches cut to a little context.

Chinese has no spaces between words, so the unit is a character, except
that runs of Latin letters and digits stay whole: 148 -> 60 reads as one
change, not as 1[-48-]{+60+}."""

from __future__ import annotations

import difflib
import re

REMOVED, ADDED = "[-{}-]", "{{+{}+}}"
CONTEXT = 12  # characters of unchanged text kept on each side of a change
MERGE_GAP = 2  # unchanged runs this short between two changes are folded into one change
MIN_SIMILARITY = 0.4  # below this, two lines are not "the same line, edited"
MAX_PAIRINGS = 2500  # line pairs compared within one changed block
TOKEN = re.compile(r"[A-Za-z0-9_.%]+|\s+|.", re.DOTALL)


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, tokens(old), tokens(new), autojunk=False).ratio()


def spans(old: str, new: str) -> list[tuple[str, str, str]]:
    """(kind, old text, new text) runs, kind 'equal' or 'change', with short
    equal runs between changes folded in so a sentence does not fall apart
    into single characters."""
    a, b = tokens(old), tokens(new)
    runs: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        runs.append(("equal" if tag == "equal" else "change", "".join(a[i1:i2]), "".join(b[j1:j2])))
    folded: list[tuple[str, str, str]] = []
    for index, (kind, before, after) in enumerate(runs):
        if kind == "equal" and 0 < index < len(runs) - 1 and len(before) <= MERGE_GAP:
            kind = "change"
        if kind == "change" and folded and folded[-1][0] == "change":
            _, last_before, last_after = folded.pop()
            before, after = last_before + before, last_after + after
        folded.append((kind, before, after))
    return folded


def trim(text: str, keep_start: bool, keep_end: bool) -> str:
    """Unchanged text around changes: CONTEXT characters next to each change,
    when cutting saves at least as much again."""
    if len(text) <= CONTEXT * (keep_start + keep_end + 1):
        return text
    head = text[:CONTEXT] if keep_start else ""
    tail = text[-CONTEXT:] if keep_end else ""
    return f"{head}…{tail}"


def marked(before: str, after: str) -> str:
    return (REMOVED.format(before) if before else "") + (ADDED.format(after) if after else "")


def inline(old: str, new: str) -> str:
    """One edited line with its changes marked in place."""
    runs = spans(old, new)
    parts = []
    for index, (kind, before, after) in enumerate(runs):
        if kind == "change":
            parts.append(marked(before, after))
        else:
            parts.append(trim(before, keep_start=index > 0, keep_end=index < len(runs) - 1))
    return "".join(parts)


def pairs(removed: list[str], added: list[str]) -> list[tuple[int, int]]:
    """Which removed line became which added line: the in-order pairing of
    similar lines with the greatest total similarity (a small alignment).
    Huge blocks (a text rewritten) are not paired: shown whole."""
    if len(removed) * len(added) > MAX_PAIRINGS:
        return []
    n, m = len(removed), len(added)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            ratio = similarity(removed[i], added[j])
            paired = best[i + 1][j + 1] + ratio if ratio >= MIN_SIMILARITY else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    found, i, j = [], 0, 0
    while i < n and j < m:
        if best[i][j] == best[i + 1][j]:
            i += 1
        elif best[i][j] == best[i][j + 1]:
            j += 1
        else:
            found.append((i, j))
            i, j = i + 1, j + 1
    return found


def pair_up(removed: list[str], added: list[str]) -> list[str]:
    """A block of removed lines against the lines that replaced it: a line
    edited is shown inline, the rest as removed or added whole, in order."""
    shown: list[str] = []
    i = j = 0
    for pi, pj in [*pairs(removed, added), (len(removed), len(added))]:
        shown += [marked(line, "") for line in removed[i:pi]] + [marked("", line) for line in added[j:pj]]
        if pi < len(removed):
            shown.append(inline(removed[pi], added[pj]))
        i, j = pi + 1, pj + 1
    return shown


def line_diff(old: list[str], new: list[str]) -> list[str]:
    """The changed lines of two texts split into lines, in order."""
    shown: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            shown += pair_up(old[i1:i2], new[j1:j2])
    return shown
