"""Load the schema of one record kind with the vocabulary filled in, and check records.

Speed matters (a build checks 10,000+ proposals): fastjsonschema compiles the
schema to Python and answers "valid" quickly for the common case; only a record
that fails gets a full jsonschema pass, which lists every problem with its path.
The schema uses only keywords that mean the same in draft 2020-12 (jsonschema)
and 2019-09 (the newest draft fastjsonschema knows), so both agree.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

import fastjsonschema

from .findings import Finding, findings

SCHEMA_FILE = Path(__file__).with_name("published-data.schema.json")
KINDS = ("proposal", "tombstone", "story", "commendation_year", "stats", "session")
VOCABULARY = "x-vocabulary"


@cache
def _schema_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def load_schema(path: Path = SCHEMA_FILE) -> dict:
    """The whole schema document, freshly parsed (callers may change it)."""
    return json.loads(_schema_text(path))


def _nodes(node: object) -> Iterator[dict]:
    """Every mapping in a schema, the node itself included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _inline(node: object, defs: dict) -> object:
    """The schema with every `$ref` replaced by a copy of what it points to.
    fastjsonschema's code for a referenced item builds its error path with
    `str.format` on every call, valid or not; inlined, it does so only on an error."""
    if isinstance(node, list):
        return [_inline(value, defs) for value in node]
    if not isinstance(node, dict):
        return node
    inlined = {key: _inline(value, defs) for key, value in node.items() if key != "$ref"}
    if "$ref" in node:
        return {**_inline(defs[node["$ref"].removeprefix("#/$defs/")], defs), **inlined}
    return inlined


def _nullable(node: dict) -> bool:
    types = node.get("type")
    return types == "null" or (isinstance(types, list) and "null" in types)


def kind_schema(kind: str, vocabularies: Mapping[str, Sequence[str]], path: Path = SCHEMA_FILE) -> dict:
    """A standalone schema for one kind, `$ref`s inlined, each `x-vocabulary`
    given the `enum` of that vocabulary's names (null too where null is allowed).
    A vocabulary the kind needs and `vocabularies` lacks is a KeyError."""
    document = load_schema(path)
    schema = _inline(document["$defs"][kind], document["$defs"])
    for node in _nodes(schema):
        if VOCABULARY in node:
            name = node[VOCABULARY]
            if name not in vocabularies:
                raise KeyError(f"the {kind} schema needs the vocabulary {name!r}")
            node["enum"] = [*vocabularies[name], *([None] if _nullable(node) else [])]
    return {"$schema": document["$schema"], **schema}


class RecordSchema:
    """One record kind: `check(record)` lists every problem, or nothing."""

    def __init__(self, schema: dict):
        self.schema = schema
        self._fast = fastjsonschema.compile(schema, use_default=False, use_formats=False, detailed_exceptions=False)
        self._full = None  # the full validator, made when a record first fails

    def check(self, record: object) -> list[Finding]:
        try:
            self._fast(record)
            return []
        except (fastjsonschema.JsonSchemaValueException, TypeError):
            pass  # TypeError: a value fastjsonschema's generated code cannot compare (a key that is not a string)
        if self._full is None:
            import jsonschema  # only for a failing record: it costs a noticeable part of a build's start

            self._full = jsonschema.Draft202012Validator(self.schema)
        found = findings(self._full.iter_errors(record), self.schema, record)
        # Both validators read the same keywords; should they ever disagree, fail safe.
        return found or [Finding("", "invalid", "不符合发布数据格式（schema/published-data.schema.json）")]


def record_schema(kind: str, vocabularies: Mapping[str, Sequence[str]], path: Path = SCHEMA_FILE) -> RecordSchema:
    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(KINDS)}")
    return RecordSchema(kind_schema(kind, vocabularies, path))


def _names(items: list) -> list[str]:
    return [item["name"] if isinstance(item, dict) else str(item) for item in items]


def vocabularies_from_yaml(raw: Mapping) -> dict[str, list[str]]:
    """The `x-vocabulary` lists, from config/vocabulary.yaml as parsed."""
    lists = ("channels", "campaigns", "topics", "proposer_types", "districts", "awards", "stages", "published_stages")
    return {
        **{name: _names(raw[name]) for name in lists},
        "adopted_decisions": [item["name"] for item in raw["decisions"] if item.get("adopted")],
        "units": _names(raw.get("units") or []),
    }
