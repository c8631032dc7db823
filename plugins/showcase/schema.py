"""Problems, and small composable rules for the site's own configuration files.

A rule is a callable ``rule(value, file, key) -> list[Problem]``. Nothing here
raises: every problem is collected, so one build reports all of them at once.
The vocabulary (``vocabulary.py``) and the data dictionary (``dictionary.py``)
are checked with these rules; the published data itself is checked against the
shared JSON Schema (``formats.py``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file: ``key`` is a dotted path such as ``timeline[2].date``."""

    file: str
    key: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: [{self.code}] {self.message}"


Rule = Callable[[object, str, str], list[Problem]]


def _problem(file: str, key: str, code: str, message: str) -> list[Problem]:
    return [Problem(file, key or "(文件)", code, message)]


def _type_name(value: object) -> str:
    return type(value).__name__


def string(pattern: re.Pattern[str] | None = None, what: str = "") -> Rule:
    """A non-empty string, optionally matching ``pattern`` (described by ``what``)."""

    def rule(value: object, file: str, key: str) -> list[Problem]:
        if isinstance(value, datetime.date):
            return _problem(file, key, "wrong-type", f"日期应写成带引号的字符串（如 '{value}'），实为未加引号的日期")
        if not isinstance(value, str):
            return _problem(file, key, "wrong-type", f"应为字符串，实为 {_type_name(value)}")
        if not value.strip():
            return _problem(file, key, "empty", "不能为空字符串")
        if pattern is not None and not pattern.match(value):
            return _problem(file, key, "bad-format", f"格式应为 {what}，实为 {value!r}")
        return []

    return rule


def boolean() -> Rule:
    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, bool):
            return _problem(file, key, "wrong-type", f"应为 true/false，实为 {_type_name(value)}")
        return []

    return rule


def one_of(allowed: Iterable[str], vocabulary: str) -> Rule:
    """A string from a vocabulary list (``vocabulary`` names it in the message)."""
    allowed = tuple(allowed)

    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, str):
            return _problem(file, key, "wrong-type", f"应为字符串，实为 {_type_name(value)}")
        if value not in allowed:
            return _problem(file, key, "not-in-vocabulary", f"{value!r} 不在词表 {vocabulary} 中")
        return []

    return rule


def list_of(item: Rule) -> Rule:
    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, list):
            return _problem(file, key, "wrong-type", f"应为列表，实为 {_type_name(value)}")
        problems: list[Problem] = []
        for index, element in enumerate(value):
            problems += item(element, file, f"{key}[{index}]")
        return problems

    return rule


def mapping(
    spec: dict[str, Rule],
    *,
    closed: bool = True,
    optional: dict[str, Rule] | None = None,
    unknown: str = "不是发布格式中的字段",
) -> Rule:
    """A mapping with exactly the keys of ``spec``, and those of ``optional`` that are present
    (extra keys allowed if not ``closed``; ``unknown`` is the message for one that is not)."""
    optional = optional or {}

    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, dict):
            return _problem(file, key, "wrong-type", f"应为映射，实为 {_type_name(value)}")
        prefix = f"{key}." if key else ""
        problems: list[Problem] = []
        for name, inner in spec.items():
            if name not in value:
                problems += _problem(file, prefix + name, "missing-key", "缺少必填字段")
            else:
                problems += inner(value[name], file, prefix + name)
        for name, inner in optional.items():
            if name in value:
                problems += inner(value[name], file, prefix + name)
        if closed:
            for name in value:
                if name not in spec and name not in optional:
                    problems += _problem(file, f"{prefix}{name}", "unknown-key", unknown)
        return problems

    return rule
