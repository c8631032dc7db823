"""The published shape of each record, built by allow-list: only the keys
written here ever reach data/public, so a new column in the export cannot
leak. Free text goes through `anonymise.scrub` on its way in."""

from __future__ import annotations

import pandas as pd

from .anonymise import LABEL_SEPARATOR, KnownValues, personal_values, public_labels
from .config import Vocabulary
from .publication import PUBLISHED, WITHDRAWN, public_id

PROPOSAL_KEYS = (
    "id", "status", "title", "received_month", "channel", "campaign", "topic", "proposer", "decision",
    "stage", "lead_unit", "co_units", "timeline", "stories", "commendations", "body", "outcome",
)  # fmt: skip


def tombstone(pid: str) -> dict:
    """All a withdrawn record keeps: its id, so a cited URL still answers."""
    return {"id": pid, "status": WITHDRAWN}


def timeline(record: dict, vocabulary: Vocabulary) -> list[dict]:
    """Each stage reached, in order; collection shows its month only."""
    stages = vocabulary.stages
    entries = []
    for stage in stages[: stages.index(record["stage"]) + 1]:
        date = record[vocabulary.stage_date_keys[stage]]
        if date and stage == stages[0]:
            date = date[:7]
        entries.append({"stage": stage, "date": date})
    return entries


def citations(stories: pd.DataFrame) -> dict[str, list[str]]:
    """Public proposal id -> ids of the stories that cite it."""
    cited: dict[str, set[str]] = {}
    for story_id, cases in zip(stories["story_id"], stories["case_ids"]):
        for case in cases or ():
            cited.setdefault(public_id(case), set()).add(story_id)
    return {pid: sorted(ids) for pid, ids in cited.items()}


def awards_by_case(commendations: pd.DataFrame, vocabulary: Vocabulary) -> dict[str, list[dict]]:
    order = vocabulary.lists["awards"]
    found: dict[str, list[dict]] = {}
    for case, year, award in zip(commendations["case_id"], commendations["year"], commendations["award"]):
        if case:
            found.setdefault(public_id(case), []).append({"year": year, "award": award})
    for awards in found.values():
        awards.sort(key=lambda item: (item["year"], order.index(item["award"])))
    return found


def proposals(
    suggestions: pd.DataFrame,
    stories: pd.DataFrame,
    commendations: pd.DataFrame,
    vocabulary: Vocabulary,
    k: int,
    known: KnownValues,
) -> dict[str, dict]:
    """Public id -> published record, for the rows already selected."""
    records = suggestions.to_dict("records")
    labels = public_labels(((r["proposer_type"], r["district"]) for r in records), k)
    cited = citations(stories)
    awards = awards_by_case(commendations, vocabulary)
    published = {}
    for record in records:
        pid = public_id(record["case_id"])
        own = personal_values(record)
        district, label = labels[(record["proposer_type"], record["district"])]
        published[pid] = {
            "id": pid,
            "status": PUBLISHED,
            "title": known.clean(record["title"], own),
            "received_month": record["received_on"][:7],
            "channel": record["channel"],
            "campaign": record["campaign"],
            "topic": record["topic"],
            "proposer": {"type": record["proposer_type"], "district": district, "label": label},
            "decision": record["decision"],
            "stage": record["stage"],
            "lead_unit": record["lead_unit"],
            "co_units": list(record["co_units"] or ()),
            "timeline": timeline(record, vocabulary),
            "stories": cited.get(pid, []),
            "commendations": awards.get(pid, []),
            "body": known.clean(record["body"], own),
            "outcome": known.clean(record["outcome"], own),
        }
    return published


def stories(
    stories: pd.DataFrame,
    metrics: pd.DataFrame,
    suggestions: pd.DataFrame,
    published_ids: set[str],
    known: KnownValues,
) -> dict[str, dict]:
    """Story id -> published story. Metrics keep their order in the export:
    it is the author's order of presentation."""
    people = {public_id(r["case_id"]): personal_values(r) for r in suggestions.to_dict("records")}
    figures: dict[str, list[dict]] = {}
    for metric in metrics.to_dict("records"):
        figures.setdefault(metric["story_id"], []).append(
            {key: metric[key] for key in ("label", "before", "after", "unit", "note")}
        )
    published = {}
    for story in stories.to_dict("records"):
        cases = [public_id(case) for case in story["case_ids"] or ()]
        own = [pair for case in cases for pair in people.get(case, [])]
        published[story["story_id"]] = {
            "id": story["story_id"],
            "title": known.clean(story["title"], own),
            "summary": known.clean(story["summary"], own),
            "published_on": story["published_on"],
            "campaign": story["campaign"],
            "lead_unit": story["lead_unit"],
            "proposals": [case for case in dict.fromkeys(cases) if case in published_ids],
            "metrics": figures.get(story["story_id"], []),
            "body": known.clean(story["body"], own),
        }
    return published


def commendations(
    commendations: pd.DataFrame, published_ids: set[str], vocabulary: Vocabulary, k: int
) -> dict[int, dict]:
    """Year -> that year's awards. A name only with consent to be credited."""
    rows = commendations.to_dict("records")
    labels = public_labels(((r["recipient_type"], r["district"]) for r in rows), k)
    order = vocabulary.lists["awards"]
    years: dict[int, list[dict]] = {}
    for row in rows:
        pid = public_id(row["case_id"]) if row["case_id"] else None
        credited = row["consent_credit"] is True
        label = (
            f"{row['recipient_type']}{LABEL_SEPARATOR}{row['district']}"
            if credited
            else labels[(row["recipient_type"], row["district"])][1]
        )
        years.setdefault(row["year"], []).append({
            "award": row["award"],
            "proposal": pid if pid in published_ids else None,
            "recipient": row["recipient_name"] if credited else None,
            "recipient_label": label,
            "awarded_on": row["awarded_on"],
        })  # fmt: skip
    return {
        year: {
            "year": year,
            "awards": sorted(
                awards,
                key=lambda a: (
                    order.index(a["award"]),
                    a["awarded_on"],
                    a["proposal"] or "",
                    a["recipient_label"],
                    a["recipient"] or "",
                ),
            ),
        }
        for year, awards in sorted(years.items())
    }
