"""What a refusing guard prints: what was found, where, and what to do, in Chinese for staff."""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Guard:
    title: str  # what it refuses, e.g. "疑似个人信息"
    advice: str  # what to do about it


def refuse(guard: Guard, findings: list[str]) -> int:
    """Print the findings (each names its file); -> the exit status."""
    if not findings:
        return 0
    print(f"提交被拒绝：{guard.title}（{len(findings)} 处）", file=sys.stderr)
    for line in findings:
        print(f"  {line}", file=sys.stderr)
    print(f"处理办法：{guard.advice}", file=sys.stderr)
    return 1
