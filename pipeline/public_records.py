"""The published shape of each record, built by allow-list: only the keys
written here ever reach data/public, so a new column in the export cannot
leak. Every text goes through the `Anonymiser`, and what it removed is noted
in the audit log."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd

from .anonymise import Anonymiser, personal_values
from .audit import AuditLog
from .coarsen import PublicProposer, coarsen, recipient_label
from .config import Vocabulary
from .publication import PUBLISHED, WITHDRAWN, public_id

# The allow-lists, in the order the files list the keys: the dates come right
# after the identity keys, where a reviewer of the diff sees them first.
PROPOSAL_KEYS = (
    "id", "status", "first_published", "last_updated", "title", "title_en", "summary_en", "received", "channel",
    "campaign", "topic", "proposer", "decision", "stage", "lead_unit", "co_units", "timeline", "stories",
    "commendations", "body", "outcome",
)  # fmt: skip
STORY_KEYS = (
    "id", "first_published", "last_updated", "title", "title_en", "summary", "summary_en", "published_on",
    "campaign", "lead_unit", "proposals", "metrics", "body", "body_en",
)  # fmt: skip
# The optional English columns of each table (config/columns.yaml, lang: en).
# A key is written only when staff filled it in: a record without English
# reads, byte for byte, as it did before the columns existed.
ENGLISH_KEYS = {
    "suggestions": ("title_en", "summary_en"),
    "stories": ("title_en", "summary_en", "body_en"),
    "commendations": ("citation_en",),
}
TOMBSTONE_KEYS = ("id", "status", "first_published", "withdrawn_on")
# Set by `stamp` from the export date and the previous export, not from the staff export.
DATE_KEYS = ("first_published", "last_updated", "withdrawn_on")


def tombstone(pid: str) -> dict:
    """All a withdrawn record keeps: its id, so a cited URL still answers
    (and, once stamped, when it was first published and withdrawn)."""
    return {"id": pid, "status": WITHDRAWN}


def content(record: dict) -> dict:
    """What a record publishes, its dates left out: what `stamp` compares."""
    return {key: value for key, value in record.items() if key not in DATE_KEYS}


def with_dates(record: dict, dates: dict, keys: tuple[str, ...]) -> dict:
    """The record and its dates, allow-listed keys only, in their order."""
    merged = {**record, **dates}
    return {key: merged[key] for key in keys if key in merged}


def dated(record: dict, previous: dict | None, as_of: str, keys: tuple[str, ...]) -> dict:
    """One record with its dates, kept stable across exports: `first_published`
    is the previous one's (or `as_of` for a new record); `last_updated` moves to
    `as_of` only when the published content changed; a tombstone gets
    `withdrawn_on` = `as_of` when it is new, and keeps it after. Data written
    before the dates existed has none to keep: `as_of` it is. `keys`: the
    allow-list of a published record (a tombstone has its own)."""
    previous = previous or {}
    first = previous.get("first_published", as_of)
    if record.get("status") == WITHDRAWN:
        withdrawn = previous.get("withdrawn_on", as_of)
        return with_dates(record, {"first_published": first, "withdrawn_on": withdrawn}, TOMBSTONE_KEYS)
    last = previous.get("last_updated", as_of) if content(previous) == content(record) else as_of
    return with_dates(record, {"first_published": first, "last_updated": last}, keys)


def stamp(records: dict[str, dict], previous: dict[str, dict], as_of: str, keys: tuple[str, ...]) -> dict[str, dict]:
    """Id -> record with its dates; `previous` is the last export's records by id;
    `keys` the allow-list of the records (PROPOSAL_KEYS or STORY_KEYS)."""
    return {pid: dated(record, previous.get(pid), as_of, keys) for pid, record in records.items()}


def days_between(earlier: str | None, later: str | None) -> int | None:
    if not (earlier and later):
        return None
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def timeline(record: dict, shown: PublicProposer, vocabulary: Vocabulary) -> list[dict]:
    """Each stage reached, in order, with the days since the previous stage.
    Dates are no more precise than the collection period shown: the month
    for collection, the day after it; only the year once coarsened."""
    stages = vocabulary.stages
    entries, previous = [], None
    for index, stage in enumerate(stages[: stages.index(record["stage"]) + 1]):
        date = record[vocabulary.stage_date_keys[stage]]
        precision = len(shown.period) if index == 0 or shown.level == 3 else 10
        entries.append(
            {"stage": stage, "date": date[:precision] if date else None, "days": days_between(previous, date)}
        )
        previous = date
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


class TextCleaner:
    """Anonymise one record's texts and note each in the audit log."""

    def __init__(self, anonymiser: Anonymiser, audit: AuditLog, kind: str, record_id: str, own: list):
        self.anonymiser, self.audit, self.kind, self.record_id, self.own = anonymiser, audit, kind, record_id, own

    def __call__(self, field: str, text: str | None) -> str | None:
        cleaned, counts = self.anonymiser.clean(text, self.own, "en" if field.endswith("_en") else None)
        self.audit.note(self.kind, self.record_id, field, cleaned, counts)
        return cleaned

    def english(self, table: str, row: dict) -> dict:
        """The English columns staff filled in, scrubbed; none when empty
        (or when the export has no such column)."""
        return {key: self(key, row[key]) for key in ENGLISH_KEYS[table] if row.get(key)}


def proposals(
    suggestions: pd.DataFrame,
    stories: pd.DataFrame,
    commendations: pd.DataFrame,
    vocabulary: Vocabulary,
    k: int,
    anonymiser: Anonymiser,
    audit: AuditLog,
) -> dict[str, dict]:
    """Public id -> published record, for the rows already selected."""
    records = suggestions.to_dict("records")
    cited = citations(stories)
    awards = awards_by_case(commendations, vocabulary)
    published = {}
    for record, shown in zip(records, coarsen(records, vocabulary, k)):
        pid = public_id(record["case_id"])
        clean = TextCleaner(anonymiser, audit, "proposal", pid, personal_values(record))
        published[pid] = {
            "id": pid,
            "status": PUBLISHED,
            "title": clean("title", record["title"]),
            **clean.english("suggestions", record),
            "received": shown.period,
            "channel": record["channel"],
            "campaign": record["campaign"],
            "topic": record["topic"],
            "proposer": {
                "type": shown.type,
                "group": shown.group,
                "district": shown.district,
                "label": shown.label,
                "special_collector": shown.special_collector,
            },
            "decision": record["decision"],
            "stage": record["stage"],
            "lead_unit": record["lead_unit"],
            "co_units": list(record["co_units"] or ()),
            "timeline": timeline(record, shown, vocabulary),
            "stories": cited.get(pid, []),
            "commendations": awards.get(pid, []),
            "body": clean("body", record["body"]),
            "outcome": clean("outcome", record["outcome"]),
        }
    return published


def stories(
    stories: pd.DataFrame,
    metrics: pd.DataFrame,
    suggestions: pd.DataFrame,
    published_ids: set[str],
    anonymiser: Anonymiser,
    audit: AuditLog,
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
        clean = TextCleaner(anonymiser, audit, "story", story["story_id"], own)
        published[story["story_id"]] = {
            "id": story["story_id"],
            "title": clean("title", story["title"]),
            "summary": clean("summary", story["summary"]),
            "published_on": story["published_on"],
            "campaign": story["campaign"],
            "lead_unit": story["lead_unit"],
            "proposals": [case for case in dict.fromkeys(cases) if case in published_ids],
            "metrics": figures.get(story["story_id"], []),
            "body": clean("body", story["body"]),
            **clean.english("stories", story),
        }
    return published


def commendations(
    commendations: pd.DataFrame,
    published_ids: set[str],
    vocabulary: Vocabulary,
    k: int,
    anonymiser: Anonymiser,
    audit: AuditLog,
) -> dict[int, dict]:
    """Year -> that year's awards. A name only with consent to be credited;
    an English citation scrubbed like every published text."""
    rows = commendations.to_dict("records")
    counts = Counter((r["recipient_type"], r["district"]) for r in rows)
    counts.update((r["recipient_type"], None) for r in rows)
    groups, order = vocabulary.type_groups, vocabulary.lists["awards"]
    years: dict[int, list[dict]] = {}
    for row in rows:
        pid = public_id(row["case_id"]) if row["case_id"] else None
        credited = row["consent_credit"] is True
        clean = TextCleaner(anonymiser, audit, "commendation", f"{row['year']} {row['award']}", personal_values(row))
        years.setdefault(row["year"], []).append({
            "award": row["award"],
            "proposal": pid if pid in published_ids else None,
            "recipient": row["recipient_name"] if credited else None,
            "recipient_label": recipient_label(row["recipient_type"], row["district"], credited, counts, k, groups),
            "awarded_on": row["awarded_on"],
            **clean.english("commendations", row),
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
                    a.get("citation_en", ""),
                ),
            ),
        }
        for year, awards in sorted(years.items())
    }
