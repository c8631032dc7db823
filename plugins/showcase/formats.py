"""The rules for each kind of file in the data folder (docs/published-data.md).

Rules that depend on the vocabulary are built from it, so a value outside the
vocabulary (an unknown stage, campaign, award...) stops the build instead of
rendering a page with a broken label or link.
"""

from __future__ import annotations

from .schema import (
    DATE,
    PERIOD,
    PROPOSAL_ID,
    STORY_ID,
    Problem,
    Rule,
    boolean,
    count,
    integer,
    list_of,
    mapping,
    mapping_of,
    nullable,
    number,
    one_of,
    string,
)
from .vocabulary import Vocabulary

ID_FORMAT = "小写字母、数字、连字符或下划线（如 xzjy-2024-000123）"
STORY_ID_FORMAT = "小写字母、数字与连字符（如 grassroots-burden-2024）"
DATE_FORMAT = "'YYYY-MM-DD'"
PERIOD_FORMAT = "'YYYY-MM' 或 'YYYY'"
DAY_FORMAT = "'YYYY-MM-DD' 或 'YYYY'"


def timeline(vocabulary: Vocabulary) -> Rule:
    """Entries of ``stage`` (vocabulary ``stages``), ``date`` (or null) and
    ``days`` since the previous stage (or null).

    The first stage (征集) is dated by month, the others by day; all by year
    once the proposal's period was coarsened. The order, and that the list
    ends at the proposal's ``stage``, are checked by :func:`proposal_consistency`.
    """
    first = vocabulary.stage_names[0]
    month = nullable(string(PERIOD, PERIOD_FORMAT))

    def day(value: object, file: str, key: str) -> list[Problem]:
        return nullable(string(DATE if len(str(value)) > 4 else PERIOD, DAY_FORMAT))(value, file, key)

    def date(value: object, file: str, key: str) -> list[Problem]:
        return []  # checked below, once the entry's stage is known

    entry = mapping({"stage": one_of(vocabulary.stage_names, "stages"), "date": date, "days": nullable(integer())})

    def rule(value: object, file: str, key: str) -> list[Problem]:
        problems = list_of(entry)(value, file, key)
        if problems:
            return problems
        for index, item in enumerate(value):
            check = month if item["stage"] == first else day
            problems += check(item["date"], file, f"{key}[{index}].date")
        return problems

    return rule


def proposal(vocabulary: Vocabulary) -> Rule:
    return mapping(
        {
            "id": string(PROPOSAL_ID, ID_FORMAT),
            "status": one_of(["published", "withdrawn"], "status"),
            "title": string(),
            "received": string(PERIOD, PERIOD_FORMAT),
            "channel": one_of(vocabulary.channels, "channels"),
            "campaign": nullable(one_of(vocabulary.campaigns, "campaigns")),
            "topic": one_of(vocabulary.topics, "topics"),
            "proposer": mapping(
                {
                    "type": nullable(one_of(vocabulary.proposer_types, "proposer_types")),
                    "group": string(),
                    "district": nullable(one_of(vocabulary.districts, "districts")),
                    "label": string(),
                }
            ),
            "decision": one_of(vocabulary.adopted_decisions, "decisions（采纳类）"),
            "stage": one_of(vocabulary.published_stages, "published_stages"),
            "lead_unit": nullable(string()),
            "co_units": list_of(string()),
            "timeline": timeline(vocabulary),
            "stories": list_of(string(STORY_ID, STORY_ID_FORMAT)),
            "commendations": list_of(mapping({"year": integer(), "award": one_of(vocabulary.awards, "awards")})),
            "body": string(),
            "outcome": nullable(string()),
        }
    )


def proposal_consistency(data: dict, vocabulary: Vocabulary, file: str) -> list[Problem]:
    """The timeline must reach exactly the proposal's current stage."""
    names = vocabulary.stage_names
    if data["stage"] not in names:
        return [Problem(file, "stage", "not-in-vocabulary", f"{data['stage']!r} 不在词表 stages 中")]
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
    return []


TOMBSTONE: Rule = mapping({"id": string(PROPOSAL_ID, ID_FORMAT), "status": one_of(["withdrawn"], "status")})


def story(vocabulary: Vocabulary) -> Rule:
    return mapping(
        {
            "id": string(STORY_ID, STORY_ID_FORMAT),
            "title": string(),
            "summary": string(),
            "published_on": string(DATE, DATE_FORMAT),
            "campaign": nullable(one_of(vocabulary.campaigns, "campaigns")),
            "lead_unit": nullable(string()),
            "proposals": list_of(string(PROPOSAL_ID, ID_FORMAT)),
            "metrics": list_of(
                mapping(
                    {
                        "label": string(),
                        "before": nullable(number()),
                        "after": number(),
                        "unit": nullable(string()),
                        "note": nullable(string()),
                    }
                )
            ),
            "body": string(),
        }
    )


def commendation_year(vocabulary: Vocabulary) -> Rule:
    return mapping(
        {
            "year": integer(),
            "awards": list_of(
                mapping(
                    {
                        "award": one_of(vocabulary.awards, "awards"),
                        "proposal": nullable(string(PROPOSAL_ID, ID_FORMAT)),
                        "recipient": nullable(string()),
                        "recipient_label": string(),
                        "awarded_on": string(DATE, DATE_FORMAT),
                    }
                )
            ),
        }
    )


_COUNTS = mapping({"received": count(), "adopted": count(), "published": count()})

STATS: Rule = mapping(
    {
        "synthetic": boolean(),
        "suppression_threshold": integer(),
        "totals": mapping(
            {
                "received": count(),
                "adopted": count(),
                "published": count(),
                "withdrawn": count(),
                "commendations": count(),
            }
        ),
        "by_year": mapping_of(_COUNTS),
        "by_campaign": mapping_of(_COUNTS),
        "by_channel": mapping_of(_COUNTS),
        "by_district": mapping_of(_COUNTS),
        "by_topic": mapping_of(_COUNTS),
        "by_proposer_type": mapping_of(_COUNTS),
        "by_decision": mapping_of(count()),
        "funnel": mapping_of(count()),
        "median_days": mapping_of(nullable(number())),
    }
)
