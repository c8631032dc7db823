"""The reference vocabularies (config/vocabulary.yaml) as the site needs them.

The site reads names (to check the data), slugs (for URLs) and the order
(the stages of the timeline, display order). Keys the site does not use are
allowed, so staff and the pipeline can extend the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .schema import Rule, boolean, list_of, mapping, string

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _named(**extra: Rule) -> Rule:
    return mapping({"name": string(), "slug": string(SLUG, "URL slug"), **extra}, closed=False)


VOCABULARY_SPEC: Rule = mapping(
    {
        "districts": list_of(_named()),
        "channels": list_of(string()),
        "campaigns": list_of(_named()),
        "topics": list_of(_named()),
        "proposer_types": list_of(string()),
        "stages": list_of(_named()),
        "decisions": list_of(_named(adopted=boolean())),
        "published_stages": list_of(string()),
        "awards": list_of(_named()),
        "collector_sectors": list_of(_named()),
    },
    closed=False,
)


@dataclass(frozen=True)
class Stage:
    name: str
    slug: str


@dataclass(frozen=True)
class Vocabulary:
    districts: tuple[str, ...]
    channels: tuple[str, ...]
    campaigns: dict[str, str]  # name -> slug, in display order
    topics: tuple[str, ...]
    proposer_types: tuple[str, ...]
    stages: tuple[Stage, ...]
    decisions: tuple[str, ...]
    adopted_decisions: tuple[str, ...]
    published_stages: tuple[str, ...]
    awards: dict[str, str]  # name -> slug, in display order
    district_slugs: dict[str, str]  # name -> slug, in display order (facet URLs)
    topic_slugs: dict[str, str]  # name -> slug, in display order (facet URLs)
    decision_slugs: dict[str, str]  # name -> slug, in display order (facet URLs)
    collector_sectors: dict[str, str]  # name -> slug, in display order (/collectors/<slug>/)
    units: tuple[str, ...] = ()  # who may attend a face-to-face session

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    @classmethod
    def from_yaml(cls, data: dict) -> Vocabulary:
        """Build from a mapping that already passed ``VOCABULARY_SPEC``."""
        return cls(
            districts=tuple(d["name"] for d in data["districts"]),
            channels=tuple(data["channels"]),
            campaigns={c["name"]: c["slug"] for c in data["campaigns"]},
            topics=tuple(t["name"] for t in data["topics"]),
            proposer_types=tuple(data["proposer_types"]),
            stages=tuple(Stage(s["name"], s["slug"]) for s in data["stages"]),
            decisions=tuple(d["name"] for d in data["decisions"]),
            adopted_decisions=tuple(d["name"] for d in data["decisions"] if d["adopted"]),
            published_stages=tuple(data["published_stages"]),
            awards={a["name"]: a["slug"] for a in data["awards"]},
            district_slugs={d["name"]: d["slug"] for d in data["districts"]},
            topic_slugs={t["name"]: t["slug"] for t in data["topics"]},
            decision_slugs={d["name"]: d["slug"] for d in data["decisions"]},
            collector_sectors={s["name"]: s["slug"] for s in data["collector_sectors"]},
            units=tuple(data.get("units") or ()),
        )
