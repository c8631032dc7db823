"""Who the proposer is, in public: a category and a place ("教师 · 泉山区"),
coarsened until at least k published records share what is shown.

The combination that could single someone out is proposer type, district,
collection month and the special-collector flag. While fewer than k
published records share it, the record is coarsened one step at a time:
first the place (to 徐州市), then the type (to its broader group), then the
month (to the year). After the last step the record is shown at that level
whatever the count.

The special-collector flag is published with the proposer (the collectors'
list is built from it) only where it does not narrow the shown class below
k: at levels 0-2 the class that reached k already includes the flag. At the
last level the flag is withheld (None) for every record of a (group, year)
whose collector or non-collector class there has 1 to k-1 records, so a
withheld flag cannot be told apart as either (docs/decisions.md 39).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .config import Vocabulary

CITY_WIDE = "徐州市"
LABEL_SEPARATOR = " · "


@dataclass(frozen=True)
class PublicProposer:
    type: str | None  # None once coarsened to the group
    group: str
    district: str | None  # None once coarsened to the city
    period: str  # 'YYYY-MM', or 'YYYY' once coarsened
    level: int  # 0 = as recorded ... 3 = coarsest
    special_collector: bool | None = None  # None: withheld (see the module docstring)

    @property
    def label(self) -> str:
        return f"{self.type or self.group}{LABEL_SEPARATOR}{self.district or CITY_WIDE}"


def key(record: dict, level: int, groups: dict[str, str]) -> tuple:
    kind = record["proposer_type"] if level < 2 else groups[record["proposer_type"]]
    place = record["district"] if level < 1 else None
    period = record["received_on"][:7] if level < 3 else record["received_on"][:4]
    return (kind, place, period, bool(record.get("special_collector")))


def small(count: int, k: int) -> bool:
    return 0 < count < k


def withheld_flags(records: list[dict], levels: list[int], groups: dict[str, str], k: int) -> set[tuple]:
    """The (group, year) cells of the last level where a flag class is small."""
    last = Counter(key(r, 3, groups) for r, level in zip(records, levels) if level == 3)
    return {cell[:3] for cell in last if small(last[(*cell[:3], True)], k) or small(last[(*cell[:3], False)], k)}


def coarsen(records: list[dict], vocabulary: Vocabulary, k: int) -> list[PublicProposer]:
    """One PublicProposer per record (same order), over the published set."""
    groups = vocabulary.type_groups
    counts = [Counter(key(r, level, groups) for r in records) for level in range(4)]
    levels = [next((lv for lv in range(4) if counts[lv][key(r, lv, groups)] >= k), 3) for r in records]
    withheld = withheld_flags(records, levels, groups, k)
    shown = []
    for record, level in zip(records, levels):
        cell = key(record, level, groups)
        shown.append(
            PublicProposer(
                type=record["proposer_type"] if level < 2 else None,
                group=groups[record["proposer_type"]],
                district=record["district"] if level < 1 else None,
                period=record["received_on"][:7] if level < 3 else record["received_on"][:4],
                level=level,
                special_collector=None if level == 3 and cell[:3] in withheld else cell[3],
            )
        )
    return shown


def recipient_label(recipient_type: str, district: str, credited: bool, counts: Counter, k: int, groups: dict) -> str:
    """A commendation's recipient: as recorded when credited by name;
    otherwise coarsened like a proposer (place, then type) among that
    export's commendations."""
    if credited or counts[(recipient_type, district)] >= k:
        return f"{recipient_type}{LABEL_SEPARATOR}{district}"
    if counts[(recipient_type, None)] >= k:
        return f"{recipient_type}{LABEL_SEPARATOR}{CITY_WIDE}"
    return f"{groups[recipient_type]}{LABEL_SEPARATOR}{CITY_WIDE}"
