"""The published-data format (docs/published-data.md) as small, composable rules.

A rule is a callable ``rule(value, file, key) -> list[Problem]``. Nothing here
raises: every problem is collected, so one build reports all of them at once.
The YAML files have a closed schema: a missing key, a key of the wrong type and
an unexpected key are all problems.
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

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PERIOD = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")  # a month, or a year once coarsened
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
PROPOSAL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # the case number, lower-cased
STORY_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # a slug
SUPPRESSED = re.compile(r"^<\d+$")


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


def integer() -> Rule:
    def rule(value: object, file: str, key: str) -> list[Problem]:
        if isinstance(value, bool) or not isinstance(value, int):
            return _problem(file, key, "wrong-type", f"应为整数，实为 {_type_name(value)}")
        return []

    return rule


def number() -> Rule:
    def rule(value: object, file: str, key: str) -> list[Problem]:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return _problem(file, key, "wrong-type", f"应为数字，实为 {_type_name(value)}")
        return []

    return rule


def boolean() -> Rule:
    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, bool):
            return _problem(file, key, "wrong-type", f"应为 true/false，实为 {_type_name(value)}")
        return []

    return rule


def count() -> Rule:
    """A statistic: an integer >= 0, or the suppressed form ``'<k'``."""

    def rule(value: object, file: str, key: str) -> list[Problem]:
        if isinstance(value, str) and SUPPRESSED.match(value):
            return []
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return _problem(file, key, "wrong-type", f"应为非负整数或 '<k'，实为 {value!r}")
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


def nullable(inner: Rule) -> Rule:
    """The key must be present; its value may be null."""

    def rule(value: object, file: str, key: str) -> list[Problem]:
        return [] if value is None else inner(value, file, key)

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


def mapping(spec: dict[str, Rule], *, closed: bool = True) -> Rule:
    """A mapping with exactly the keys of ``spec`` (extra keys allowed if not ``closed``)."""

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
        if closed:
            for name in value:
                if name not in spec:
                    problems += _problem(file, f"{prefix}{name}", "unknown-key", "不是发布格式中的字段")
        return problems

    return rule


def mapping_of(item: Rule) -> Rule:
    """A mapping with free keys (years, vocabulary names) whose values all follow ``item``."""

    def rule(value: object, file: str, key: str) -> list[Problem]:
        if not isinstance(value, dict):
            return _problem(file, key, "wrong-type", f"应为映射，实为 {_type_name(value)}")
        problems: list[Problem] = []
        for name, element in value.items():
            problems += item(element, file, f"{key}.{name}")
        return problems

    return rule
