"""Validate: loaded tables -> every problem, all at once. Never raises.

Cell rules come from each column's type in config/columns.yaml; table rules
cover duplicate ids, the order of stage dates, and references between
tables."""

from __future__ import annotations

import pandas as pd

from .config import Vocabulary
from .language import first_not_english
from .normalise import INVALID, unknown_items
from .problems import Problem, problem
from .sessions_rules import check_sessions
from .tables import Table

INVALID_CODE = {
    "date": "value.date",
    "yesno": "value.yes_no",
    "number": "value.number",
    "year": "value.year",
    "slug": "value.slug",
    "id": "value.id",
    "vocab": "value.vocabulary",
    "digits": "value.number_mangled",
    "count": "value.count",
    "place": "value.place",
}


def validate(tables: dict[str, Table], parsed: dict[str, pd.DataFrame], vocabulary: Vocabulary) -> list[Problem]:
    problems = []
    for name, table in tables.items():
        problems += check_cells(table, parsed[name], vocabulary)
        problems += check_unique_key(table)
    if "suggestions" in tables:
        problems += check_stage_dates(tables["suggestions"], parsed["suggestions"], vocabulary)
    problems += check_references(tables, parsed)
    problems += check_sessions(tables, parsed)
    return problems


def check_cells(table: Table, values: pd.DataFrame, vocabulary: Vocabulary) -> list[Problem]:
    problems = []
    for key, column in table.spec.columns.items():
        if key not in table.present:
            continue
        raw, parsed = table.frame[key], values[key]
        expected = "、".join(vocabulary.lists[column.vocab]) if column.vocab else ""
        for row in raw.index[raw.str.len() > column.max]:
            problems.append(
                problem(
                    table.source,
                    "value.too_long",
                    row,
                    column.header,
                    raw[row],
                    expected=str(column.max),
                    personal=column.personal,
                )
            )
        if column.required:
            for row in raw.index[raw == ""]:
                problems.append(problem(table.source, "value.required", row, column.header))
        if column.lang == "en":
            for row, found in raw[raw != ""].map(first_not_english).dropna().items():
                problems.append(problem(table.source, "value.not_english", row, column.header, raw[row], found))
        if column.type == "vocab_list":
            invalid = parsed.map(lambda value: value is INVALID).astype(bool)
            for row in raw.index[invalid.to_numpy()]:
                for item in unknown_items(raw[row], vocabulary.lists[column.vocab]):
                    problems.append(problem(table.source, "value.vocabulary", row, column.header, item, expected))
        if column.type in INVALID_CODE:
            invalid = parsed.map(lambda value: value is INVALID).astype(bool)
            for row in raw.index[invalid.to_numpy()]:
                problems.append(
                    problem(
                        table.source,
                        INVALID_CODE[column.type],
                        row,
                        column.header,
                        raw[row],
                        expected=expected,
                        personal=column.personal,
                    )
                )
    return problems


def check_unique_key(table: Table) -> list[Problem]:
    """Ids must be unique, compared case-insensitively: public ids are
    lower-cased, so XZJY-1 and xzjy-1 would share one URL."""
    key = table.spec.key
    if key is None or key not in table.present:
        return []
    ids = table.frame[key].str.lower()
    ids = ids[ids != ""]
    first_row = {}
    problems = []
    for row, value in ids.items():
        if value in first_row:
            problems.append(
                problem(
                    table.source,
                    "value.duplicate",
                    row,
                    table.spec.header_of(key),
                    table.frame[key][row],
                    expected=str(first_row[value]),
                )
            )
        else:
            first_row[value] = row
    return problems


def check_stage_dates(table: Table, values: pd.DataFrame, vocabulary: Vocabulary) -> list[Problem]:
    """Stage dates follow the loop's order, and none lies past the current stage."""
    stages = vocabulary.stages
    keys = [vocabulary.stage_date_keys[stage] for stage in stages]
    spec = table.spec
    problems = []
    records = values[[*keys, "stage"]].itertuples(name=None)
    for row, *dates, current in records:
        reached = stages.index(current) if isinstance(current, str) else len(stages) - 1
        previous = None
        for index, (stage, date) in enumerate(zip(stages, dates)):
            if not isinstance(date, str):
                continue
            header = spec.header_of(keys[index])
            if index > reached:
                problems.append(problem(table.source, "dates.beyond_stage", row, header, date, expected=current))
            if previous is not None and date < previous[1]:
                problems.append(problem(table.source, "dates.order", row, header, date, expected=previous[0]))
            previous = (stage, date)
    return problems


def check_references(tables: dict[str, Table], parsed: dict[str, pd.DataFrame]) -> list[Problem]:
    """Stories, commendations and sessions name cases that exist; metrics name stories."""
    problems = []
    if "suggestions" in tables and not tables["suggestions"].frame.empty:
        cases = set(tables["suggestions"].frame["case_id"].str.lower())
        for name, key in (("stories", "case_ids"), ("commendations", "case_id"), ("sessions", "case_ids")):
            if name not in tables or key not in tables[name].present:
                continue
            table = tables[name]
            for row, value in parsed[name][key].items():
                named = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
                for case in named:
                    if case.lower() not in cases:
                        problems.append(problem(table.source, "ref.unknown_case", row, table.spec.header_of(key), case))
    if "stories" in tables and "story_metrics" in tables:
        stories = set(tables["stories"].frame["story_id"])
        metrics = tables["story_metrics"]
        for row, value in metrics.frame["story_id"].items():
            if value and value not in stories:
                problems.append(
                    problem(metrics.source, "ref.unknown_story", row, metrics.spec.header_of("story_id"), value)
                )
    return problems
