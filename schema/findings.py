"""jsonschema's errors as findings for staff: key path, stable code, Chinese message.

A message says what is expected and, for a wrong type, what type was found; it
never repeats the value itself (free text is hostile: the value could be
someone's phone number, and messages end up in build logs). Findings come in
the order of the schema's keys, so they read like the file from top to bottom.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # jsonschema is imported only when a record fails (validator.py)
    from jsonschema.exceptions import ValidationError

NON_BLANK = "\\S"  # the pattern of a string that must not be blank
TYPE_NAMES = {
    "string": "字符串", "integer": "整数", "number": "数字", "boolean": " true/false", "array": "列表",
    "object": "映射", "null": " null",
}  # fmt: skip
VOCABULARY_LABELS = {"adopted_decisions": "decisions（采纳类）"}


class Finding(NamedTuple):
    key: str  # "timeline[2].date"; "" for the whole file
    code: str
    message: str


KeyPath = tuple[str | int, ...]  # as jsonschema gives it: keys and list indexes


def key_of(path: KeyPath, record: object) -> str:
    """`timeline[2].date`: a list index in brackets, a mapping's key (even a number) after a dot."""
    key, value = "", record
    for step in path:
        key += f"[{step}]" if isinstance(value, list) else (f".{step}" if key else str(step))
        value = _child(value, step)
    return key


def _wrong_type(error: ValidationError) -> str:
    if isinstance(error.instance, datetime.date):
        return "日期应写成带引号的字符串（如 '2024-03-05'），实为未加引号的日期"
    types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    expected = "或".join(TYPE_NAMES[name] for name in types if name != "null")
    return f"应为{expected}，实为 {type(error.instance).__name__}"


def _explain(error: ValidationError) -> Iterable[tuple[KeyPath, str, str]]:
    """(path, code, message) of one error; `required` and `additionalProperties`
    name the keys below the error's own path."""
    path, schema, kind = tuple(error.absolute_path), error.schema, error.validator
    if kind == "required":
        for name in error.validator_value:
            if name not in error.instance:
                yield (*path, name), "missing-key", "缺少必填字段"
    elif kind == "additionalProperties":
        for name in error.instance:
            if name not in schema.get("properties", {}):
                yield (*path, name), "unknown-key", "不是发布格式中的字段"
    elif kind == "type":
        yield path, "wrong-type", _wrong_type(error)
    elif kind == "pattern" and error.validator_value == NON_BLANK:
        yield path, "empty", "不能为空字符串"
    elif kind == "pattern":
        yield path, "bad-format", f"格式应为 {schema['x-expected']}"
    elif kind == "enum" and "x-vocabulary" in schema:
        name = schema["x-vocabulary"]
        yield path, "not-in-vocabulary", f"不在词表 {VOCABULARY_LABELS.get(name, name)} 中"
    elif kind in ("enum", "const"):
        allowed = error.validator_value if kind == "enum" else [error.validator_value]
        yield path, "not-allowed", f"应为 {'、'.join(map(str, allowed))}"
    elif kind == "not" and "x-expected" in schema:  # english_text: no Chinese in it
        yield path, "bad-format", f"应为{schema['x-expected']}"
    elif kind == "anyOf" and "x-expected" in schema:
        yield path, "wrong-type", f"应为{schema['x-expected']}"
    else:  # a keyword this module does not word yet (jsonschema's own message would quote the value)
        yield path, "invalid", f"不符合发布格式（{kind}）"


def _child(value: object, step: str | int) -> object:
    """The value at one step of a path, or None where the record has none."""
    if isinstance(value, list):
        return value[step] if isinstance(step, int) and step < len(value) else None
    return value.get(step) if isinstance(value, dict) else None


def position(path: KeyPath, schema: dict, record: object) -> tuple[int, ...]:
    """Where a path sits in reading order: a key by its place among the schema's
    properties (keys the schema does not name after them, in the file's order),
    a list item by its index."""
    node, value, found = schema, record, []
    for step in path:
        node = node if isinstance(node, dict) else {}
        names = list(node.get("properties", {}))
        if isinstance(value, list):
            found.append(step)
            node = node.get("items")
        elif step in names:
            found.append(names.index(step))
            node = node["properties"][step]
        else:
            keys = list(value) if isinstance(value, dict) else []
            found.append(len(names) + (keys.index(step) if step in keys else len(keys)))
            node = node.get("additionalProperties")
        value = _child(value, step)
    return tuple(found)


def findings(errors: Iterable[ValidationError], schema: dict, record: object) -> list[Finding]:
    """Every finding once, in reading order."""
    explained = dict.fromkeys(item for error in errors for item in _explain(error))
    ordered = sorted(explained, key=lambda item: position(item[0], schema, record))
    return [Finding(key_of(path, record), code, message) for path, code, message in ordered]
