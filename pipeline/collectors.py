"""The special-collector corps in stats.yaml (`collectors`), over every record of the export.

A proposal is brought in by a collector when its 特约建议人 (special_collector)
cell is 是; its sector is the proposer's type (the vocabulary's
`collector_sectors`). No names: only counts, suppressed below k like every
figure of stats.yaml, and adoption rates computed only from counts that are
not suppressed (a rate from a hidden count would give the count away).
"""

from __future__ import annotations

import pandas as pd

from .stats import suppress

RATE_DIGITS = 4  # 0.4167: enough for a whole percent with one decimal


def rate(adopted: int | str, received: int | str) -> float | None:
    """adopted / received from published counts; None when either is suppressed or nothing was received."""
    if isinstance(adopted, str) or isinstance(received, str) or not received:
        return None
    return round(adopted / received, RATE_DIGITS)


def counts(frame: pd.DataFrame, years: list[str], k: int) -> dict:
    """received / adopted / published, the adoption rate, and the received count per year."""
    figures = {
        "received": suppress(len(frame), k),
        "adopted": suppress(int(frame["adopted"].sum()), k),
        "published": suppress(int(frame["published"].sum()), k),
    }
    per_year = frame["year"].value_counts()
    return {
        **figures,
        "adoption_rate": rate(figures["adopted"], figures["received"]),
        "by_year": {year: suppress(int(per_year.get(year, 0)), k) for year in years},
    }


def figures(frame: pd.DataFrame, sectors: list[str], k: int) -> dict:
    """`frame` has the columns stats.compute adds (adopted, published, year).
    A collector whose type is not a sector counts in `corps` only."""
    years = sorted(frame["year"].unique())
    corps = frame[frame["special_collector"].eq(True)]
    everyone = counts(frame, years, k)
    return {
        "all_proposals": {key: everyone[key] for key in ("received", "adopted", "adoption_rate")},
        "corps": counts(corps, years, k),
        "by_sector": {sector: counts(corps[corps["proposer_type"] == sector], years, k) for sector in sectors},
    }
