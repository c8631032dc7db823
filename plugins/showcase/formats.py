"""The rules for each kind of file in the data folder (docs/published-data.md).

The format itself is the JSON Schema in the project's ``schema/`` folder,
shared with the pipeline and the commit guards, so there is one definition of
it. Pelican loads this plugin without the project root on ``sys.path`` and the
plugin imports nothing from the project outside its own folder, so that
folder's checker is loaded by path (``shared.py``).

The vocabulary's names are filled into the schema, so a value outside the
vocabulary (an unknown stage, campaign, award...) stops the build instead of
rendering a page with a broken label or link.
"""

from __future__ import annotations

import json
from functools import lru_cache
from types import ModuleType

from .schema import Problem, Rule
from .shared import project_package
from .vocabulary import Vocabulary


def _published_schema() -> ModuleType:
    return project_package("schema")


def vocabularies(vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The lists the schema's ``x-vocabulary`` keys name."""
    return {
        "channels": list(vocabulary.channels),
        "campaigns": list(vocabulary.campaigns),
        "topics": list(vocabulary.topics),
        "proposer_types": list(vocabulary.proposer_types),
        "districts": list(vocabulary.districts),
        "awards": list(vocabulary.awards),
        "published_stages": list(vocabulary.published_stages),
        "stages": list(vocabulary.stage_names),
        "adopted_decisions": list(vocabulary.adopted_decisions),
        "units": list(vocabulary.units),
    }


@lru_cache(maxsize=32)
def _compiled(kind: str, lists: str):
    """Compiling costs milliseconds; a build (and a test run) asks for the same few often."""
    return _published_schema().record_schema(kind, json.loads(lists))


def _rule(kind: str, lists: dict[str, list[str]]) -> Rule:
    schema = _compiled(kind, json.dumps(lists, ensure_ascii=False, sort_keys=True))

    def rule(value: object, file: str, key: str) -> list[Problem]:
        found = schema.check(value)
        return [
            Problem(file, ".".join(filter(None, (key, item.key))) or "(文件)", item.code, item.message)
            for item in found
        ]

    return rule


def proposal(vocabulary: Vocabulary) -> Rule:
    return _rule("proposal", vocabularies(vocabulary))


def story(vocabulary: Vocabulary) -> Rule:
    return _rule("story", vocabularies(vocabulary))


def session(vocabulary: Vocabulary) -> Rule:
    return _rule("session", vocabularies(vocabulary))


def commendation_year(vocabulary: Vocabulary) -> Rule:
    return _rule("commendation_year", vocabularies(vocabulary))


TOMBSTONE: Rule = _rule("tombstone", {})
STATS: Rule = _rule("stats", {})


# The date of a timeline entry, by its place: the first stage (collection) by
# month, the others by day; any of them by year only once the record was coarsened.
FIRST_DATE = (4, 7), "'YYYY-MM' 或 'YYYY'"
LATER_DATE = (4, 10), "'YYYY-MM-DD' 或 'YYYY'"


def _timeline_dates(timeline: list[dict], file: str) -> list[Problem]:
    """The schema knows a date's shape, not which entry it is: its precision is checked here."""
    problems = []
    for index, entry in enumerate(timeline):
        lengths, expected = FIRST_DATE if index == 0 else LATER_DATE
        if entry["date"] is not None and len(entry["date"]) not in lengths:
            problems.append(Problem(file, f"timeline[{index}].date", "bad-format", f"格式应为 {expected}"))
    return problems


def proposal_consistency(data: dict, vocabulary: Vocabulary, file: str) -> list[Problem]:
    """The timeline must reach exactly the proposal's current stage, each date as precise as its stage allows."""
    names = vocabulary.stage_names
    if data["stage"] not in names:
        return [Problem(file, "stage", "not-in-vocabulary", "不在词表 stages 中")]
    expected = list(names[: names.index(data["stage"]) + 1])
    reached = [item["stage"] for item in data["timeline"]]
    if reached != expected:
        return [
            Problem(
                file,
                "timeline",
                "timeline-stage-mismatch",
                f"当前环节为 {data['stage']}，时间线应依次为 {'、'.join(expected)}，"
                f"实为 {'、'.join(reached) or '（空）'}",
            )
        ]
    return _timeline_dates(data["timeline"], file)
