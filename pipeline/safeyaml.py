"""YAML that a staff member or an export hands us (a mapping file,
dataset.yaml): read through a capped, regular-file open, then walked as
events before anything is built, so an alias bomb ("billion laughs"), a tag
asking for a Python object, or absurd nesting is refused without being
expanded or constructed. These files never need aliases or custom tags."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import yamlio
from .inputs import YAML_MAX_BYTES, Refused, read_input
from .problems import problem

MAX_EVENTS = 100_000
MAX_DEPTH = 32
CORE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


def _refuse(source: str, why: str) -> Refused:
    return Refused(problem(source, "yaml.unsafe", expected=why))


def _screen(text: str, source: str) -> None:
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=yamlio.LOADER), start=1):
        if count > MAX_EVENTS:
            raise _refuse(source, f"内容过多（超过 {MAX_EVENTS} 项）")
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _refuse(source, "使用了锚点或别名（&、*），可能展开成极大的内容")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in CORE_TAGS:
            raise _refuse(source, f"含有不允许的标签 {tag[:60]}")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _refuse(source, f"嵌套超过 {MAX_DEPTH} 层")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def load_untrusted(path: Path, source: str, root: Path | None = None) -> object:
    """The YAML document in `path`, or Refused (file type, size, encoding,
    syntax, aliases, tags, depth)."""
    data = read_input(path, YAML_MAX_BYTES, source, root)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refuse(source, "不是 UTF-8 编码") from None
    try:
        _screen(text, source)
        return yaml.load(text, Loader=yamlio.LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else ""
        raise _refuse(source, f"YAML 语法错误{where}") from None
