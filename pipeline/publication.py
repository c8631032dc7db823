"""Which records are published, which become tombstones, and the guard
against an export that would take down too much at once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .config import Vocabulary

PUBLISHED = "published"
WITHDRAWN = "withdrawn"


def public_id(case_id: str) -> str:
    """The permanent URL key of a case: its number, lower-cased."""
    return case_id.lower()


def publishable(suggestions: pd.DataFrame, vocabulary: Vocabulary) -> pd.Series:
    """The contract's rule: adopted (fully or partly), consent to publish,
    not withdrawn, and at a public stage (展示 or 褒奖)."""
    return (
        suggestions["decision"].isin(vocabulary.adopted)
        & suggestions["consent_publish"].eq(True)
        & ~suggestions["withdrawn"].eq(True)
        & suggestions["stage"].isin(vocabulary.published_stages)
    )


@dataclass(frozen=True)
class Plan:
    published: frozenset[str]
    tombstones: frozenset[str]
    taken_down: frozenset[str]  # published last time, not any more

    def taken_down_share(self, previously_published: int) -> float:
        return len(self.taken_down) / previously_published if previously_published else 0.0


def plan(publishable_ids: set[str], previous: dict[str, str]) -> Plan:
    """Every id ever published keeps a file: published now, or a tombstone."""
    before = {pid for pid, status in previous.items() if status == PUBLISHED}
    tombstones = set(previous) - publishable_ids
    return Plan(frozenset(publishable_ids), frozenset(tombstones), frozenset(before - publishable_ids))
