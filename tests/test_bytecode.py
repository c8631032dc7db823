"""The compiled-template cache (plugins/showcase/bytecode.py) is keyed by the plugin's code:
a template compiled when a filter took only its value must not be reused once that filter
takes the page's context (Jinja decides how to call a filter when it compiles)."""

from __future__ import annotations

import sys
from pathlib import Path

from jinja2 import DictLoader, Environment, pass_context

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))

from showcase.bytecode import CheckedBytecodeCache

TEMPLATES = {"page.html": "{{ 'x' | shout }}"}


def render(folder: Path, salt: str, shout) -> str:
    environment = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=CheckedBytecodeCache(str(folder), salt))
    environment.filters["shout"] = shout
    return environment.get_template("page.html").render(edition="en")


def test_code_compiled_for_other_filters_is_not_reused(tmp_path):
    assert render(tmp_path, "old code", lambda value: value.upper()) == "X"
    assert list(tmp_path.iterdir())  # the compiled template was kept

    @pass_context
    def shout(context, value):
        return f"{value.upper()} ({context['edition']})"

    assert render(tmp_path, "new code", shout) == "X (en)"


def test_the_same_code_reuses_its_compiled_templates(tmp_path):
    render(tmp_path, "code", lambda value: value.upper())
    kept = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    render(tmp_path, "code", lambda value: value.upper())
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == kept
