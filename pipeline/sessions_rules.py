"""The table rules of the optional sessions file (面对面交流活动): a session
is held after every proposal it discussed was submitted, its follow-up is not
before it, and names of attendees come with a yes or no to being named."""

from __future__ import annotations

import pandas as pd

from .problems import Problem, problem
from .tables import Table


def submission_dates(suggestions: pd.DataFrame) -> dict[str, str]:
    """Case id (lower-cased) -> the day it was submitted (报送), or received if not yet submitted."""
    return {
        case.lower(): submitted or received
        for case, submitted, received in zip(
            suggestions["case_id"], suggestions["submitted_on"], suggestions["received_on"]
        )
        if isinstance(case, str) and isinstance(submitted or received, str)
    }


def check_sessions(tables: dict[str, Table], parsed: dict[str, pd.DataFrame]) -> list[Problem]:
    if "sessions" not in tables:
        return []
    table, values = tables["sessions"], parsed["sessions"]
    header = table.spec.header_of
    submitted = submission_dates(parsed["suggestions"]) if "suggestions" in parsed else {}
    problems = []
    for row, record in values.iterrows():
        held = record["held_on"]
        if isinstance(held, str):
            for case in record["case_ids"] or ():
                earliest = submitted.get(case.lower())
                if earliest and held < earliest:
                    problems.append(
                        problem(table.source, "dates.before_submission", row, header("held_on"), held, expected=case)
                    )
            follow_up = record["follow_up_on"]
            if isinstance(follow_up, str) and follow_up < held:
                problems.append(
                    problem(table.source, "dates.follow_up", row, header("follow_up_on"), follow_up, expected=held)
                )
        if record["attendee_names"] and record["consent_credit"] is None:
            problems.append(problem(table.source, "value.consent_required", row, header("consent_credit")))
    return problems
