"""The programme's figures (stats.yaml), over every record of the export.

Small counts are suppressed: 1 to k-1 becomes the string '<k', so that a
published breakdown cannot single out a person. Zero stays zero."""

from __future__ import annotations

import itertools

import pandas as pd

from .config import Vocabulary

NO_CAMPAIGN = "无专项活动"


def suppress(count: int, k: int) -> int | str:
    return f"<{k}" if 0 < count < k else int(count)


def breakdown(frame: pd.DataFrame, column: str, order: list[str], k: int) -> dict:
    """value -> received / adopted / published, in vocabulary order."""
    groups = frame.groupby(column, sort=False)[["adopted", "published"]].agg(["size", "sum"])
    result = {}
    for value in order:
        if value in groups.index:
            row = groups.loc[value]
            counts = (row[("adopted", "size")], row[("adopted", "sum")], row[("published", "sum")])
        else:
            counts = (0, 0, 0)
        result[value] = {name: suppress(int(n), k) for name, n in zip(("received", "adopted", "published"), counts)}
    return result


def median_days(frame: pd.DataFrame, vocabulary: Vocabulary, k: int) -> dict:
    """Median days from each stage's previous stage, over records with both dates."""
    stages = vocabulary.stages
    dates = {stage: pd.to_datetime(frame[vocabulary.stage_date_keys[stage]]) for stage in stages}
    result = {}
    for previous, stage in itertools.pairwise(stages):
        days = (dates[stage] - dates[previous]).dt.days.dropna()
        result[stage] = float(days.median()) if len(days) >= k else None
    return result


def compute(
    suggestions: pd.DataFrame,
    published: pd.Series,
    commendations: pd.DataFrame,
    withdrawn: int,
    vocabulary: Vocabulary,
    k: int,
    synthetic: bool,
) -> dict:
    from .collectors import figures as collector_figures  # here: collectors uses this module's `suppress`

    frame = suggestions.assign(
        adopted=suggestions["decision"].isin(vocabulary.adopted),
        published=published,
        year=suggestions["received_on"].str[:4],
        campaign=suggestions["campaign"].fillna(NO_CAMPAIGN),
    )
    stage_index = frame["stage"].map({stage: i for i, stage in enumerate(vocabulary.stages)})
    lists = vocabulary.lists
    return {
        "synthetic": bool(synthetic),
        "suppression_threshold": k,
        "totals": {
            "received": suppress(len(frame), k),
            "adopted": suppress(int(frame["adopted"].sum()), k),
            "published": suppress(int(published.sum()), k),
            "withdrawn": suppress(withdrawn, k),
            "commendations": suppress(len(commendations), k),
        },
        "by_year": breakdown(frame, "year", sorted(frame["year"].unique()), k),
        "by_campaign": breakdown(frame, "campaign", lists["campaigns"] + [NO_CAMPAIGN], k),
        "by_channel": breakdown(frame, "channel", lists["channels"], k),
        "by_district": breakdown(frame, "district", lists["districts"], k),
        "by_topic": breakdown(frame, "topic", lists["topics"], k),
        "by_proposer_type": breakdown(frame, "proposer_type", lists["proposer_types"], k),
        "by_decision": {d: suppress(int((frame["decision"] == d).sum()), k) for d in lists["decisions"]},
        "funnel": {s: suppress(int((stage_index >= i).sum()), k) for i, s in enumerate(vocabulary.stages)},
        "median_days": median_days(frame, vocabulary, k),
        "collectors": collector_figures(frame, lists["collector_sectors"], k),
    }
