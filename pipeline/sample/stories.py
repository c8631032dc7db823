"""The four outcome stories (stories.csv, story_metrics.csv) and the
suggestions behind them.

Each story cites 2-4 suggestions that are published (adopted, consented,
not withdrawn, at the display stage) and fit its theme: `specs` asks
records.py to make exactly such rows, displayed a few weeks before the
story's publication date."""

from __future__ import annotations

import datetime as dt
import random

from .data import Context
from .records import Spec


def adopted_decisions(ctx: Context) -> list[str]:
    """Adopted decisions in vocabulary order (采纳 first)."""
    return [name for name in ctx.names("decisions") if name in ctx.vocabulary.adopted]


def specs(ctx: Context, rnd: random.Random, display: int) -> dict[str, list[Spec]]:
    adopted = adopted_decisions(ctx)
    planned = {}
    for story in ctx.stories:
        subjects = [ctx.subject(key) for key in story["subjects"]]
        rows = []
        for i in range(rnd.randint(2, 4)):
            rows.append(
                Spec(
                    owner=f"story:{story['story_id']}",
                    subject=subjects[i % len(subjects)],
                    title_index=i // len(subjects),
                    campaign=story["campaign"],
                    channel=story.get("channel"),
                    decision=adopted[0] if rnd.random() < 0.8 else rnd.choice(adopted),
                    stage=display,
                    last_date=story["published_on"] - dt.timedelta(days=rnd.randint(5, 40)),
                    published=True,
                )
            )
        planned[story["story_id"]] = rows
    return planned


def build(ctx: Context, planned: dict[str, list[Spec]]) -> tuple[list[dict], list[dict]]:
    """-> (stories rows, story_metrics rows), keyed by pipeline column keys."""
    stories, metrics = [], []
    for story in ctx.stories:
        cases = [spec.row["case_id"] for spec in planned.get(story["story_id"], []) if spec.row]
        stories.append(
            {
                "story_id": story["story_id"],
                "title": story["title"],
                "summary": story["summary"],
                "body": story["body"].rstrip("\n"),
                "case_ids": "、".join(sorted(cases)),
                "campaign": story["campaign"] or "",
                "lead_unit": story["lead_unit"] or "",
                "published_on": story["published_on"],
            }
        )
        for metric in story["metrics"]:
            metrics.append(
                {
                    "story_id": story["story_id"],
                    "label": metric["label"],
                    "before": metric["before"],
                    "after": metric["after"],
                    "unit": metric["unit"] or "",
                    "note": metric["note"] or "",
                }
            )
    return stories, metrics
