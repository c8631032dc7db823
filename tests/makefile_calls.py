"""What a `make ...` command written in the docs or the CI workflow asks of the Makefile: a target
that exists and only variables the Makefile uses. Shared by the staff-guide and workflow tests."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[1] / "Makefile"


def targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE))


def unknown(words: list[str]) -> list[str]:
    """The words of `make WORDS...` the Makefile does not know: targets, then VARIABLE= names."""
    makefile = MAKEFILE.read_text(encoding="utf-8")
    goals = [word for word in words if "=" not in word]
    variables = [word.split("=")[0] for word in words if "=" in word]
    missing = [goal for goal in goals if goal not in targets()] or ([] if goals else ["(no target)"])
    return missing + [name for name in variables if f"$({name})" not in makefile]


def default(variable: str) -> str:
    """The value of `VARIABLE ?= value` in the Makefile."""
    return re.search(rf"^{variable}\s*\?=\s*(\S+)$", MAKEFILE.read_text(encoding="utf-8"), re.MULTILINE)[1]
