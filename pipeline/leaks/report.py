"""A finding, its deterministic order, and its line for staff (Chinese).
A finding names the file, the place and the family, never the value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import LABELS

_PLACE = re.compile(r"(line|record) (\d+)(?:, col (\d+))?")


@dataclass(frozen=True)
class Leak:
    file: str
    place: str  # "line 12", "line 12, col 5", "record 3" or "file"
    family: str


def place(line: int, column: int | None = None) -> str:
    return f"line {line}" if column is None else f"line {line}, col {column}"


def sort_key(leak: Leak) -> tuple:
    match = _PLACE.fullmatch(leak.place)
    numbers = (int(match[2]), int(match[3] or 0)) if match else (0, 0)
    return (leak.file, numbers, leak.place, leak.family)


def where(place_text: str) -> str:
    match = _PLACE.fullmatch(place_text)
    if not match:
        return "整个文件"
    kind, number, column = match.groups()
    if kind == "record":
        return f"第 {number} 条记录"
    return f"第 {number} 行" + (f"第 {column} 列" if column else "")


def format_leak(leak: Leak) -> str:
    """`output/proposals/x/index.html 第 12 行第 5 列：疑似手机号 [mobile]`"""
    return f"{leak.file} {where(leak.place)}：{LABELS.get(leak.family, leak.family)} [{leak.family}]"
