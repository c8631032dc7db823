"""The open data's data dictionary (``data_dictionary.yaml``) as records.

One file describes every field of every download; the /data/ page and
``datapackage.json`` are both made from these records, so they cannot
disagree. Allowed values named by ``enum_from`` are filled in from the
vocabulary, so a list staff extend there is extended here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .data import ShowcaseDataError, read_yaml
from .schema import Problem, Rule, boolean, list_of, mapping, one_of, string
from .vocabulary import Vocabulary

DICTIONARY_FILE = Path(__file__).with_name("data_dictionary.yaml")
TYPES = ("string", "integer", "number", "boolean", "date", "array", "object")
ENUM_SOURCES = (
    "districts", "channels", "campaigns", "topics", "proposer_types", "adopted_decisions", "published_stages",
)  # fmt: skip


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Frictionless Table Schema type
    title: str
    description: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None  # allowed values, from the vocabulary
    stage: str | None = None  # CSV only: the timeline stage whose date this column holds


@dataclass(frozen=True)
class Resource:
    name: str
    path: str  # relative to /data/
    format: str
    mediatype: str
    title: str
    description: str
    primary_key: str
    fields: tuple[Field, ...]

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True)
class DataDictionary:
    name: str
    title: str
    description: str
    license: dict  # name, title, path
    resources: tuple[Resource, ...]

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)


def _with_optional(required: dict[str, Rule], optional: dict[str, Rule]) -> Rule:
    """A closed mapping whose ``optional`` keys may be left out."""
    closed = mapping(required, closed=False)

    def rule(value: object, file: str, key: str) -> list[Problem]:
        problems = closed(value, file, key)
        if problems:
            return problems
        for name, item in value.items():
            if name in optional:
                problems += optional[name](item, file, f"{key}.{name}")
            elif name not in required:
                problems.append(Problem(file, f"{key}.{name}", "unknown-key", "不是数据字典的字段"))
        return problems

    return rule


def _pattern(value: object, file: str, key: str) -> list[Problem]:
    problems = string()(value, file, key)
    if not problems:
        try:
            re.compile(value)
        except re.error as error:
            problems.append(Problem(file, key, "bad-format", f"不是正则表达式：{error}"))
    return problems


FIELD = _with_optional(
    {"name": string(), "type": one_of(TYPES, "Table Schema types"), "title": string(), "description": string()},
    {"required": boolean(), "pattern": _pattern, "enum_from": one_of(ENUM_SOURCES, "enum_from"), "stage": string()},
)
RESOURCE = mapping(
    {
        "name": string(), "path": string(), "format": string(), "mediatype": string(), "title": string(),
        "description": string(), "primary_key": string(), "fields": list_of(FIELD),
    }
)  # fmt: skip
DICTIONARY = mapping(
    {
        "package": mapping(
            {
                "name": string(), "title": string(), "description": string(),
                "license": mapping({"name": string(), "title": string(), "path": string()}),
            }
        ),
        "resources": list_of(RESOURCE),
    }
)  # fmt: skip


def _enum(source: str | None, vocabulary: Vocabulary) -> tuple[str, ...] | None:
    return None if source is None else tuple(getattr(vocabulary, source))


def _field(data: dict, vocabulary: Vocabulary) -> Field:
    return Field(
        name=data["name"],
        type=data["type"],
        title=data["title"],
        description=data["description"],
        required=data.get("required", False),
        pattern=data.get("pattern"),
        enum=_enum(data.get("enum_from"), vocabulary),
        stage=data.get("stage"),
    )


def _consistency(data: dict, vocabulary: Vocabulary, label: str) -> list[Problem]:
    problems = []
    for r, resource in enumerate(data["resources"]):
        names = [f["name"] for f in resource["fields"]]
        if resource["primary_key"] not in names:
            problems.append(Problem(label, f"resources[{r}].primary_key", "unknown-field", "主键不是该资源的字段"))
        for f, item in enumerate(resource["fields"]):
            if names.count(item["name"]) > 1:
                problems.append(Problem(label, f"resources[{r}].fields[{f}].name", "duplicate", "字段名重复"))
            if "stage" in item and item["stage"] not in vocabulary.stage_names:
                problems.append(Problem(label, f"resources[{r}].fields[{f}].stage", "not-in-vocabulary", "不是环节"))
    return problems


def load_dictionary(vocabulary: Vocabulary, path: Path = DICTIONARY_FILE) -> DataDictionary:
    """Read and check the dictionary; raise :class:`ShowcaseDataError` on any problem."""
    data, problems = read_yaml(path, path.name)
    problems = problems or DICTIONARY(data, path.name, "") or _consistency(data, vocabulary, path.name)
    if problems:
        raise ShowcaseDataError(path, problems)
    package = data["package"]
    return DataDictionary(
        name=package["name"],
        title=package["title"],
        description=package["description"],
        license=dict(package["license"]),
        resources=tuple(
            Resource(
                **{key: value for key, value in resource.items() if key != "fields"},
                fields=tuple(_field(f, vocabulary) for f in resource["fields"]),
            )
            for resource in data["resources"]
        ),
    )
