"""Commendations (commendations.csv / sheet 褒奖): a December ceremony in
each year of `award_years`, awards in the vocabulary's order.

Most awards belong to a suggestion made for them (records.py, via a Spec):
adopted, at the last stage (褒奖) with 褒奖日期 = the ceremony date; the
recipient is its proposer. An outstanding-special-collector award may have
no case: its recipient is a special collector from the export (or a new
one)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from .data import Context
from .people import People, pick_type
from .records import Spec, Suggestions
from .stories import adopted_decisions


@dataclass
class Planned:
    year: int
    award: str
    awarded_on: dt.date
    spec: Spec | None  # None: an award without a case


def plan(ctx: Context, rnd: random.Random) -> list[Planned]:
    w = ctx.weights
    adopted = adopted_decisions(ctx)
    last_stage = len(ctx.names("stages")) - 1
    planned = []
    for year in w["award_years"]:
        ceremony = dt.date(year, 12, rnd.randint(10, 26))
        for award in ctx.names("awards"):
            collector = award == w["collector_award"]
            for _ in range(w["award_counts"].get(award, 0)):
                if collector and rnd.random() < 0.5:
                    planned.append(Planned(year, award, ceremony, None))
                    continue
                spec = Spec(
                    owner=f"award:{year}:{award}",
                    decision=adopted[0] if rnd.random() < 0.8 else rnd.choice(adopted),
                    stage=last_stage,
                    last_date=ceremony,
                    consent_credit=rnd.random() < 0.6,
                    channel=w["special_channel"] if collector else None,
                    special=True if collector else None,
                )
                planned.append(Planned(year, award, ceremony, spec))
    return planned


def build(
    ctx: Context, rnd: random.Random, people: People, suggestions: Suggestions, planned: list[Planned], rows: list[dict]
) -> list[dict]:
    collectors = sorted(
        {r["_person"]: r["consent_credit"] for r in rows if r["channel"] == ctx.weights["special_channel"]}.items(),
        key=lambda item: item[0].id_number,
    )
    pick_collector = pick_type(ctx, collector=True)
    named: dict[int, set[str]] = {}  # year -> recipients already named without a case
    out = []
    for item in planned:
        if item.spec is not None and item.spec.row is not None:
            row = item.spec.row
            out.append(
                {
                    "year": item.year,
                    "award": item.award,
                    "case_id": row["case_id"],
                    "recipient_name": row["proposer_name"],
                    "recipient_type": row["proposer_type"],
                    "district": row["district"],
                    "consent_credit": row["consent_credit"],
                    "awarded_on": item.awarded_on,
                }
            )
        elif item.award == ctx.weights["collector_award"]:
            taken = named.setdefault(item.year, set())
            free = [(p, credit) for p, credit in collectors if p.id_number not in taken]
            person, credit = rnd.choice(free) if free else (people.new(pick_collector(rnd)), "")
            taken.add(person.id_number)
            out.append(
                {
                    "year": item.year,
                    "award": item.award,
                    "case_id": "",
                    "recipient_name": person.name,
                    "recipient_type": person.proposer_type,
                    "district": person.district,
                    "consent_credit": credit or suggestions.yes_no(rnd.random() < 0.6),
                    "awarded_on": item.awarded_on,
                }
            )
    return out
