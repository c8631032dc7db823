"""The published shape of a face-to-face session (面对面交流活动), built by
allow-list like every record (`public_records`): what was agreed, where (the
district and at most the street or township), which units attended, how many
proposers and residents came (counts only), and the published proposals it
discussed. Attendees' names only with their consent to be named; every text
goes through the `Anonymiser` and the audit log."""

from __future__ import annotations

import pandas as pd

from .anonymise import Anonymiser, personal_values
from .audit import AuditLog
from .public_records import TextCleaner
from .publication import PUBLISHED, public_id

SESSION_KEYS = (
    "id", "status", "first_published", "last_updated", "title", "held_on", "district", "street", "topic",
    "campaign", "units", "proposers_present", "residents_present", "proposals_discussed", "proposals", "agreed",
    "follow_up_on", "attendees",
)  # fmt: skip
NAME_KEY = "attendee_name"  # config/anonymise.yaml personal_fields: one attendee's name


def attendee_records(sessions: pd.DataFrame | None) -> list[dict]:
    """One record per attendee name, for the Anonymiser's export-wide pass."""
    if sessions is None:
        return []
    return [{NAME_KEY: name} for names in sessions["attendee_names"] for name in names or ()]


def publishable(sessions: pd.DataFrame | None) -> pd.DataFrame:
    """Every session not withdrawn (是) is published."""
    if sessions is None:
        return pd.DataFrame(columns=["session_id"])
    return sessions[~sessions["withdrawn"].eq(True)]


def sessions(
    selected: pd.DataFrame,
    suggestions: pd.DataFrame,
    published_ids: set[str],
    anonymiser: Anonymiser,
    audit: AuditLog,
) -> dict[str, dict]:
    """Session id -> published session, for the rows `publishable` kept."""
    people = {public_id(r["case_id"]): personal_values(r) for r in suggestions.to_dict("records")}
    published = {}
    for row in selected.to_dict("records"):
        cases = list(dict.fromkeys(public_id(case) for case in row["case_ids"] or ()))
        names = list(row["attendee_names"] or ())
        own = [pair for case in cases for pair in people.get(case, [])]
        own += [pair for name in names for pair in personal_values({NAME_KEY: name})]
        clean = TextCleaner(anonymiser, audit, "session", row["session_id"], own)
        published[row["session_id"]] = {
            "id": row["session_id"],
            "status": PUBLISHED,
            "title": clean("title", row["title"]),
            "held_on": row["held_on"],
            "district": row["district"],
            "street": clean("street", row["street"]),
            "topic": row["topic"],
            "campaign": row["campaign"],
            "units": list(row["units"]),
            "proposers_present": row["proposers_present"],
            "residents_present": row["residents_present"],
            "proposals_discussed": len(cases),
            "proposals": [case for case in cases if case in published_ids],
            "agreed": clean("agreed", row["agreed"]),
            "follow_up_on": row["follow_up_on"],
            "attendees": names if row["consent_credit"] is True else [],
        }
    return dict(sorted(published.items()))
