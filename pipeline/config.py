"""The export layout (config/columns.yaml), an optional header mapping, and the
reference vocabularies (config/vocabulary.yaml): data files, not code."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import yamlio
from .inputs import Refused
from .problems import format_problem
from .safeyaml import load_untrusted

ROOT = Path(__file__).resolve().parents[1]
COLUMNS_FILE = ROOT / "config" / "columns.yaml"
VOCABULARY_FILE = ROOT / "config" / "vocabulary.yaml"


class ConfigError(Exception):
    """A configuration or mapping file is unusable (a usage error, exit 2)."""


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: str
    vocab: str | None = None
    required: bool = False
    personal: bool = False
    max: int = 200
    lang: str | None = None  # "en": an optional English column (no Chinese in it)


@dataclass(frozen=True)
class TableSpec:
    name: str
    file: str
    sheet: str
    key: str | None
    columns: dict[str, Column]
    optional: bool = False  # the file or sheet may be absent (sessions)

    def header_of(self, key: str) -> str:
        return self.columns[key].header


@dataclass(frozen=True)
class Vocabulary:
    lists: dict[str, list[str]]
    yes_values: frozenset[str]
    no_values: frozenset[str]
    adopted: frozenset[str]
    published_stages: frozenset[str]
    stage_date_keys: dict[str, str]
    raw: dict = field(repr=False, default_factory=dict)

    @property
    def stages(self) -> list[str]:
        return self.lists["stages"]

    @property
    def type_groups(self) -> dict[str, str]:
        """Proposer type -> the broader group it is coarsened to."""
        return {t: group["name"] for group in self.raw["proposer_type_groups"] for t in group["types"]}


def _read_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=yamlio.LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"无法读取配置文件 {path}：{error}") from None
    return _as_mapping(path, data)


def _read_mapping(path: Path) -> dict:
    """A staff mapping file is untrusted input: limited size, no aliases, no tags."""
    try:
        data = load_untrusted(path, str(path))
    except Refused as refused:
        raise ConfigError(f"映射文件无法使用：{format_problem(refused.problem)}") from None
    return _as_mapping(path, data)


def _as_mapping(path: Path, data: object) -> dict:
    if not isinstance(data, dict):
        raise ConfigError(f"配置文件 {path} 的内容应为映射（key: value）")
    return data


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    raw = _read_yaml(path)
    lists = {
        name: [item["name"] if isinstance(item, dict) else str(item) for item in items]
        for name, items in raw.items()
        if isinstance(items, list) and name not in ("yes_values", "no_values", "published_stages")
    }
    return Vocabulary(
        lists=lists,
        yes_values=frozenset(str(v).lower() for v in raw["yes_values"]),
        no_values=frozenset(str(v).lower() for v in raw["no_values"]),
        adopted=frozenset(d["name"] for d in raw["decisions"] if d.get("adopted")),
        published_stages=frozenset(raw["published_stages"]),
        stage_date_keys={s["name"]: s["date_key"] for s in raw["stages"]},
        raw=raw,
    )


def load_schema(mapping: Path | None = None, path: Path = COLUMNS_FILE) -> dict[str, TableSpec]:
    """The export layout, with a staff mapping file's renames applied.

    A mapping file has, per table, optional `file`, `sheet` and `headers`
    (pipeline key -> header used in this export).
    """
    raw = _read_yaml(path)
    overrides = _read_mapping(mapping) if mapping else {}
    unknown = set(overrides) - set(raw)
    if unknown:
        raise ConfigError(f"映射文件中有未知的表：{'、'.join(sorted(unknown))}（可用：{'、'.join(raw)}）")
    schema = {}
    for name, table in raw.items():
        override = overrides.get(name) or {}
        headers = override.get("headers") or {}
        bad_keys = set(headers) - set(table["columns"])
        if bad_keys:
            raise ConfigError(f"映射文件中表 {name} 有未知的列：{'、'.join(sorted(bad_keys))}")
        columns = {
            key: Column(key=key, **{**attrs, "header": str(headers.get(key, attrs["header"]))})
            for key, attrs in table["columns"].items()
        }
        schema[name] = TableSpec(
            name=name,
            file=str(override.get("file", table["file"])),
            sheet=str(override.get("sheet", table["sheet"])),
            key=table.get("key"),
            columns=columns,
            optional=bool(table.get("optional", False)),
        )
    return schema
