"""Stage dates: one date per stage reached, strictly increasing by a few days
to a few weeks, all inside a fixed window (never "today")."""

from __future__ import annotations

import datetime as dt
import random

START = dt.date(2022, 1, 1)
END = dt.date(2025, 10, 31)
RECENT = dt.date(2025, 1, 1)  # most suggestions still in progress arrived after this

# Days between reaching stage i-1 and stage i (index 0 is the first stage,
# which has no gap); stages beyond this table use DEFAULT_GAP.
GAPS = ((0, 0), (1, 10), (3, 20), (7, 45), (5, 30), (3, 20), (10, 60))
DEFAULT_GAP = (3, 30)


def _gaps(rnd: random.Random, reached: int) -> list[int]:
    return [rnd.randint(*(GAPS[i] if i < len(GAPS) else DEFAULT_GAP)) for i in range(1, reached + 1)]


def forward(rnd: random.Random, reached: int, low: dt.date = START, high: dt.date = END) -> list[dt.date]:
    """Dates of stages 0..reached, the first drawn in [low, high] and the last
    no later than END."""
    gaps = _gaps(rnd, reached)
    latest = min(high, END - dt.timedelta(days=sum(gaps)))
    low = min(low, latest)
    first = low + dt.timedelta(days=rnd.randint(0, (latest - low).days))
    dates = [first]
    for gap in gaps:
        dates.append(dates[-1] + dt.timedelta(days=gap))
    return dates


def backward(rnd: random.Random, reached: int, last: dt.date) -> list[dt.date]:
    """Dates of stages 0..reached ending exactly on `last` (e.g. a ceremony)."""
    dates = [last]
    for gap in reversed(_gaps(rnd, reached)):
        dates.append(dates[-1] - dt.timedelta(days=gap))
    dates.reverse()
    if dates[0] < START:  # squeeze into the window, keeping the order
        return forward(rnd, reached, START, START)
    return dates


def spell(rnd: random.Random, day: dt.date) -> str:
    """One of the spellings staff type: mostly ISO, some 2024/3/5, 2024.3.5,
    2024年3月5日."""
    roll = rnd.random()
    if roll < 0.8:
        return day.isoformat()
    if roll < 0.88:
        return f"{day.year}/{day.month}/{day.day}"
    if roll < 0.93:
        return f"{day.year}.{day.month}.{day.day}"
    return f"{day.year}年{day.month}月{day.day}日"
