"""Face-to-face sessions (sessions.csv / sheet 面对面) of the synthetic sample,
from pipeline/sample/data/sessions.yaml.

Made after everything else, from the finished suggestion rows and with a
random.Random of its own, so adding sessions changed no other row or id.
Each session discusses up to three suggestions whose titles match the
spec, published ones first (so the site links both ways), and is held after
all of them were submitted (报送)."""

from __future__ import annotations

import datetime as dt
import random

import yaml

from .data import DATA_DIR, Context

SESSIONS_FILE = DATA_DIR / "sessions.yaml"
PUBLIC_STAGES = ("展示", "褒奖")
LAST_DAY = dt.date(2025, 10, 31)  # the sample's data ends before its export date (Makefile SAMPLE_AS_OF)


def specs() -> list[dict]:
    with open(SESSIONS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _published_like(row: dict, ctx: Context) -> bool:
    yes = ctx.vocabulary.yes_values
    return (
        row["stage"] in PUBLIC_STAGES
        and row["decision"] in ctx.vocabulary.adopted
        and str(row["consent_publish"]).lower() in yes
        and str(row["withdrawn"]).lower() not in yes
    )


def build(ctx: Context, seed: int, rows: list[dict]) -> list[dict]:
    rnd = random.Random(f"sessions:{seed}")
    streets = ctx.places["streets"]
    made = []
    for spec in specs():
        found = [r for r in rows if r["submitted_on"] and any(word in r["title"] for word in spec["matches"])]
        if not found:
            continue  # a small sample (--rows) may not have the subject
        found.sort(key=lambda r: (not _published_like(r, ctx), r["case_id"]))
        chosen = found[:1] + rnd.sample(found[1:], min(2, len(found) - 1))
        held = min(max(r["submitted_on"] for r in chosen) + dt.timedelta(days=rnd.randint(5, 25)), LAST_DAY)
        held = max(held, max(r["submitted_on"] for r in chosen))
        days = spec["follow_up_days"]
        follow_up = min(held + dt.timedelta(days=days), LAST_DAY) if days else None
        attendees = spec["attendees"]
        phone = f"1{rnd.choice('3589')}{rnd.randrange(10**9):09d}"
        made.append({
            "session_id": spec["id"],
            "title": spec["title"],
            "held_on": held,
            "district": chosen[0]["district"],
            "street": rnd.choice(streets) if rnd.random() < 0.75 else "",
            "topic": spec["topic"],
            "campaign": spec["campaign"] or "",
            "units": "、".join(spec["units"]),
            "proposers_present": spec["proposers"],
            "residents_present": spec["residents"],
            "case_ids": "、".join(sorted(r["case_id"] for r in chosen)),
            "agreed": spec["agreed"].format(attendee=attendees[0] if attendees else "", phone=phone),
            "follow_up_on": follow_up,
            "attendee_names": "、".join(attendees),
            "consent_credit": ("是" if spec["consent"] else "否") if attendees else "",
            "withdrawn": "是" if spec.get("withdrawn") else "否",
        })  # fmt: skip
    return sorted(made, key=lambda s: (s["held_on"], s["session_id"]))
