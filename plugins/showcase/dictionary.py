"""The open data's data dictionary (``data_dictionary.yaml``) as records.

One file describes every field of every download; the /data/ page and
``datapackage.json`` are both made from these records, so they cannot
disagree. Allowed values named by ``enum_from`` are filled in from the
vocabulary, so a list staff extend there is extended here too.

Every title and description has its English beside it (``title_en``,
``description_en``; the licence's ``title_en``) for the English edition's /data/
page: :meth:`DataDictionary.in_english` gives the same records in English and
raises :class:`~showcase.english.MissingEnglish` naming what has none.
``datapackage.json`` stays one file for every edition, in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup

from .data import ShowcaseDataError, read_yaml
from .english import mark_chinese, required
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
    title_en: str | None = None
    description_en: str | None = None


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
    title_en: str | None = None
    description_en: str | None = None

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
    title_en: str | None = None
    description_en: str | None = None
    license_title_en: str | None = None

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    def in_english(self, file: str = DICTIONARY_FILE.name) -> DataDictionary:
        """The same dictionary with every title and description in English (Chinese quoted in it
        marked ``lang="zh-Hans"``); :class:`MissingEnglish` names the first one without English."""
        licence = _english_text(self.license_title_en, f"{file}: package.license.title_en")
        return replace(
            _english(self, f"{file}: package"),
            license={**self.license, "title": licence},
            resources=tuple(
                replace(
                    _english(r, f"{file}: resources.{r.name}"),
                    fields=tuple(_english(f, f"{file}: resources.{r.name}.fields.{f.name}") for f in r.fields),
                )
                for r in self.resources
            ),
        )

    def missing_english(self) -> list[str]:
        """Every title or description without English, as ``resources.<name>.fields.<name>.title_en``
        and the like: what an English build reports."""
        described = [
            ("package", self),
            *((f"resources.{r.name}", r) for r in self.resources),
            *((f"resources.{r.name}.fields.{f.name}", f) for r in self.resources for f in r.fields),
        ]
        missing = [] if _has(self.license_title_en) else ["package.license.title_en"]
        return missing + [
            f"{where}.{key}_en"
            for where, item in described
            for key in ("title", "description")
            if not _has(getattr(item, f"{key}_en"))
        ]


def _has(english: str | None) -> bool:
    return bool(english and english.strip())


def _english_text(english: str | None, where: str) -> Markup:
    return mark_chinese(required(english, where))


def _english(item, where: str):
    """``item`` (the package, a resource or a field) with its title and description in English."""
    return replace(
        item,
        title=_english_text(item.title_en, f"{where}.title_en"),
        description=_english_text(item.description_en, f"{where}.description_en"),
    )


UNKNOWN = "不是数据字典的字段"
ENGLISH: dict[str, Rule] = {"title_en": string(), "description_en": string()}  # optional: only English needs it


def _pattern(value: object, file: str, key: str) -> list[Problem]:
    problems = string()(value, file, key)
    if not problems:
        try:
            re.compile(value)
        except re.error as error:
            problems.append(Problem(file, key, "bad-format", f"不是正则表达式：{error}"))
    return problems


FIELD = mapping(
    {"name": string(), "type": one_of(TYPES, "Table Schema types"), "title": string(), "description": string()},
    optional={
        "required": boolean(), "pattern": _pattern, "enum_from": one_of(ENUM_SOURCES, "enum_from"), "stage": string(),
        **ENGLISH,
    },
    unknown=UNKNOWN,
)  # fmt: skip
RESOURCE = mapping(
    {
        "name": string(), "path": string(), "format": string(), "mediatype": string(), "title": string(),
        "description": string(), "primary_key": string(), "fields": list_of(FIELD),
    },
    optional=ENGLISH,
    unknown=UNKNOWN,
)  # fmt: skip
DICTIONARY = mapping(
    {
        "package": mapping(
            {
                "name": string(), "title": string(), "description": string(),
                "license": mapping(
                    {"name": string(), "title": string(), "path": string()},
                    optional={"title_en": string()},
                    unknown=UNKNOWN,
                ),
            },
            optional=ENGLISH,
            unknown=UNKNOWN,
        ),
        "resources": list_of(RESOURCE),
    },
    unknown=UNKNOWN,
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
        title_en=data.get("title_en"),
        description_en=data.get("description_en"),
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
    licence = dict(package["license"])
    return DataDictionary(
        name=package["name"],
        title=package["title"],
        description=package["description"],
        title_en=package.get("title_en"),
        description_en=package.get("description_en"),
        license_title_en=licence.pop("title_en", None),
        license=licence,
        resources=tuple(
            Resource(
                **{key: value for key, value in resource.items() if key != "fields"},
                fields=tuple(_field(f, vocabulary) for f in resource["fields"]),
            )
            for resource in data["resources"]
        ),
    )
