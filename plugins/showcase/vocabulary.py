"""The reference vocabularies (config/vocabulary.yaml) as the site needs them.

The site reads names (to check the data), slugs (for URLs), the order
(the stages of the timeline, display order) and each term's English label
(``en:``, for the English edition). Keys the site does not use are allowed, so
staff and the pipeline can extend the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .english import MissingEnglish, required
from .schema import Problem, Rule, boolean, list_of, mapping, string

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ENGLISH: dict[str, Rule] = {"en": string()}  # optional: only the English edition needs it
# The lists whose terms the site shows, each with an English label per term.
LABELLED = (
    "districts", "channels", "campaigns", "topics", "proposer_types", "collector_sectors",
    "proposer_type_groups", "stages", "decisions", "awards", "units",
)  # fmt: skip


def _named(**extra: Rule) -> Rule:
    return mapping({"name": string(), "slug": string(SLUG, "URL slug"), **extra}, closed=False, optional=ENGLISH)


def _term(value: object, file: str, key: str) -> list[Problem]:
    """A term of a list without slugs: its name alone, or ``name`` with its ``en``."""
    if isinstance(value, dict):
        return mapping({"name": string()}, closed=False, optional=ENGLISH)(value, file, key)
    return string()(value, file, key)


VOCABULARY_SPEC: Rule = mapping(
    {
        "districts": list_of(_named()),
        "channels": list_of(_term),
        "campaigns": list_of(_named()),
        "topics": list_of(_named()),
        "proposer_types": list_of(_term),
        "stages": list_of(_named()),
        "decisions": list_of(_named(adopted=boolean())),
        "published_stages": list_of(string()),
        "awards": list_of(_named()),
        "collector_sectors": list_of(_named()),
    },
    closed=False,
    optional={
        "units": list_of(_term),
        "proposer_type_groups": list_of(
            mapping({"name": string(), "types": list_of(string())}, closed=False, optional=ENGLISH)
        ),
    },
)


def _name(term: str | dict) -> str:
    return term["name"] if isinstance(term, dict) else term


def _english_labels(data: dict) -> dict[str, dict[str, str | None]]:
    """List -> term -> its English (None when the file gives none); published stages take the stages'."""
    labels = {
        name: {_name(t): t.get("en") if isinstance(t, dict) else None for t in data.get(name) or ()}
        for name in LABELLED
    }
    labels["published_stages"] = {s: labels["stages"].get(s) for s in data["published_stages"]}
    return labels


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
    english_labels: dict[str, dict[str, str | None]] = field(default_factory=dict, repr=False)

    @property
    def stage_names(self) -> tuple[str, ...]:
        return tuple(stage.name for stage in self.stages)

    @classmethod
    def from_yaml(cls, data: dict) -> Vocabulary:
        """Build from a mapping that already passed ``VOCABULARY_SPEC``."""
        return cls(
            districts=tuple(d["name"] for d in data["districts"]),
            channels=tuple(_name(c) for c in data["channels"]),
            campaigns={c["name"]: c["slug"] for c in data["campaigns"]},
            topics=tuple(t["name"] for t in data["topics"]),
            proposer_types=tuple(_name(t) for t in data["proposer_types"]),
            stages=tuple(Stage(s["name"], s["slug"]) for s in data["stages"]),
            decisions=tuple(d["name"] for d in data["decisions"]),
            adopted_decisions=tuple(d["name"] for d in data["decisions"] if d["adopted"]),
            published_stages=tuple(data["published_stages"]),
            awards={a["name"]: a["slug"] for a in data["awards"]},
            district_slugs={d["name"]: d["slug"] for d in data["districts"]},
            topic_slugs={t["name"]: t["slug"] for t in data["topics"]},
            decision_slugs={d["name"]: d["slug"] for d in data["decisions"]},
            collector_sectors={s["name"]: s["slug"] for s in data["collector_sectors"]},
            units=tuple(_name(u) for u in data.get("units") or ()),
            english_labels=_english_labels(data),
        )

    def english(self, name: str, list_name: str | None = None) -> str:
        """The English label of the term ``name`` (of ``list_name``, or of every list that has it).

        Raises :class:`MissingEnglish` naming the list and the term when it has no English
        label, when it is in no list, or when lists give it different English and none is named.
        """
        if list_name is not None and list_name not in self.english_labels:
            raise KeyError(f"vocabulary has no list {list_name!r}")
        lists = [list_name] if list_name else [n for n, terms in self.english_labels.items() if name in terms]
        if not lists or name not in self.english_labels[lists[0]]:
            raise MissingEnglish(f"词表 {list_name or ''}：{name}", "不是词表中的词")
        found = {required(self.english_labels[n][name], f"词表 {n}：{name}") for n in lists}
        if len(found) > 1:
            raise MissingEnglish(f"词表 {'、'.join(lists)}：{name}", "各列表的英文名不同，须指明列表")
        return found.pop()

    def missing_english(self) -> list[str]:
        """Every ``list：term`` without an English label, in file order: what an English build reports."""
        return [f"{n}：{name}" for n, terms in self.english_labels.items() for name, en in terms.items() if not en]
