"""The generator's inputs: the project's export layout and vocabularies
(config/columns.yaml, config/vocabulary.yaml, read through pipeline.config)
plus the generator's own data files in pipeline/sample/data/ (places,
proportions, sentence banks, stories). No vocabulary value is written in code:
every name used below comes from these files, and names the data files use
are checked against the vocabulary when loading."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.config import TableSpec, Vocabulary, load_schema, load_vocabulary

DATA_DIR = Path(__file__).resolve().parent / "data"


class Pick:
    """A weighted choice over names, drawn from a caller's random.Random."""

    def __init__(self, weights: dict[str, float]):
        if not weights:
            raise ValueError("nothing to choose from")
        self.names = list(weights)
        self.cum = list(itertools.accumulate(weights.values()))

    def __call__(self, rnd: random.Random) -> str:
        return rnd.choices(self.names, cum_weights=self.cum)[0]


@dataclass(frozen=True)
class Context:
    schema: dict[str, TableSpec]
    vocabulary: Vocabulary
    places: dict
    weights: dict
    subjects: dict[str, list[dict]]  # topic -> subjects (each with "topic" set)
    phrases: dict
    stories: list[dict]
    english: dict  # data/english.yaml: the optional English columns

    def names(self, vocab: str) -> list[str]:
        return self.vocabulary.lists[vocab]

    def pick(self, vocab: str, weights: dict[str, float], only: list[str] | None = None) -> Pick:
        """Weights over a vocabulary list; values missing from `weights` get 1."""
        names = only if only is not None else self.names(vocab)
        return Pick({name: weights.get(name, 1) for name in names})

    @property
    def yes(self) -> str:
        return str(self.vocabulary.raw["yes_values"][0])

    @property
    def no(self) -> str:
        return str(self.vocabulary.raw["no_values"][0])

    def decision_slug(self, name: str) -> str:
        return next(d["slug"] for d in self.vocabulary.raw["decisions"] if d["name"] == name)

    def subject(self, key: str) -> dict:
        for subjects in self.subjects.values():
            for subject in subjects:
                if subject["key"] == key:
                    return subject
        raise KeyError(key)


def _read(name: str) -> dict | list:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _check_names(vocabulary: Vocabulary, vocab: str, names, where: str) -> None:
    unknown = [name for name in names if name not in vocabulary.lists[vocab]]
    if unknown:
        raise ValueError(f"{where}: not in vocabulary {vocab}: {', '.join(map(str, unknown))}")


@lru_cache(maxsize=1)
def load_context() -> Context:
    vocabulary = load_vocabulary()
    weights = _read("weights.yaml")
    subjects = _read("subjects.yaml")
    stories = _read("stories.yaml")
    for vocab in ("channels", "districts", "topics", "proposer_types", "decisions"):
        _check_names(vocabulary, vocab, weights[vocab], f"weights.yaml {vocab}")
    _check_names(vocabulary, "proposer_types", weights["collector_types"], "weights.yaml collector_types")
    _check_names(vocabulary, "campaigns", weights["campaigns"], "weights.yaml campaigns")
    for campaign in weights["campaigns"].values():
        _check_names(vocabulary, "topics", campaign["topics"], "weights.yaml campaign topics")
    _check_names(vocabulary, "channels", [weights["special_channel"], weights["face_to_face_channel"]], "weights.yaml")
    _check_names(vocabulary, "awards", [*weights["award_counts"], weights["collector_award"]], "weights.yaml awards")
    places = _read("places.yaml")
    _check_names(vocabulary, "districts", places["region_codes"], "places.yaml region_codes")
    _check_names(vocabulary, "districts", places["roads"], "places.yaml roads")
    _check_names(vocabulary, "proposer_types", [*places["employer_kinds"], *places["young_types"]], "places.yaml")
    _check_names(vocabulary, "topics", subjects, "subjects.yaml")
    for topic, items in subjects.items():
        for item in items:
            item["topic"] = topic
    _check_names(vocabulary, "campaigns", [s["campaign"] for s in stories if s["campaign"]], "stories.yaml")
    _check_names(vocabulary, "channels", [s["channel"] for s in stories if s.get("channel")], "stories.yaml")
    return Context(
        schema=load_schema(),
        vocabulary=vocabulary,
        places=places,
        weights=weights,
        subjects=subjects,
        phrases=_read("phrases.yaml"),
        stories=stories,
        english=_read("english.yaml"),
    )
