"""The optional English columns (英文标题, 英文摘要 of suggestions; 英文标题,
英文摘要, 英文正文 of stories; 英文褒奖词 of commendations), for a share of
the records, as staff would write them (data/english.yaml).

Added after every other table is built, with a random stream of its own, so
the rest of the export is the same with or without them. Each story's first
suggestion always gets an English title: a test (or the English search) can
find a known record by it."""

from __future__ import annotations

import random

from .data import Context


def plant(ctx: Context, seed: int, tables: dict[str, list[dict]], always: list[dict]) -> None:
    """Fill the English cells in place: suggestions, stories, commendations."""
    rnd = random.Random(f"english:{seed}")
    data = ctx.english
    forced = {id(row) for row in always}
    for row in tables["suggestions"]:
        draws = [rnd.random() for _ in range(3)]  # as many per row whatever is chosen: stable streams
        if id(row) in forced or draws[0] < data["shares"]["title"]:
            suggestion(rnd, data, row, with_summary=draws[1] < data["shares"]["summary"], contact=draws[2])
    for row in tables["stories"]:
        row.update(data["stories"].get(row["story_id"], {}))
    titles = {row["case_id"]: row["title_en"] for row in tables["suggestions"] if row.get("title_en")}
    for row in tables["commendations"]:
        draw = rnd.random()
        kind = "proposal" if row["case_id"] in titles else "collector" if not row["case_id"] else None
        if kind and draw < data["citation_share"]:
            row["citation_en"] = rnd.choice(data["citations"][kind]).format(title=titles.get(row["case_id"], ""))


def suggestion(rnd: random.Random, data: dict, row: dict, with_summary: bool, contact: float) -> None:
    title = rnd.choice(data["titles"][row["_subject"]])
    row["title_en"] = title
    if not with_summary:
        return
    sentences = [rnd.choice(data["openings"]).format(title=title), rnd.choice(data["outcomes"][row["decision"]])]
    if contact < data["shares"]["contact"]:
        person = row["_person"]
        sentences.append(rnd.choice(data["contacts"]).format(phone=person.phone, email=person.email))
    row["summary_en"] = " ".join(sentences)
