"""YAML: libyaml's C loader and dumper when PyYAML has them, and a pure-Python
fallback that gives the same bytes, so an export is the same on any machine."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline import yamlio

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "data" / "public"


def published_files() -> list[Path]:
    return sorted(PUBLIC.rglob("*.yaml"))


def test_libyaml_is_used_when_present():
    assert yaml.__with_libyaml__, "PyYAML without libyaml: the pinned wheel should include it"
    assert yamlio.LOADER is yaml.CSafeLoader
    assert issubclass(yamlio.PublicDumper, yaml.CSafeDumper)


def test_the_pure_python_fallback_reads_and_writes_the_same_bytes():
    files = published_files()
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, slow = yaml.load(text, Loader=yaml.CSafeLoader), yaml.load(text, Loader=yaml.SafeLoader)
        assert fast == slow, path
        # The committed files are the C dumper's output; the fallback must write them byte for byte.
        assert yamlio.dump(fast) == text, path
        assert yamlio.dump(fast, yamlio.PurePythonDumper) == text, path


def test_text_that_differs_between_emitters_is_written_the_same():
    """Multi-line text, quotes, colons, leading spaces, full-width characters, emoji, empty strings."""
    record = {
        "title": "关于“一码通游”的建议: 试行",
        "body": "第一行\n  缩进的第二行\n\n空行之后：😀",
        "empty": "",
        "number_like": "0516",
        "yes": "是",
        "list": ["a: b", "- c", "#d"],
        "nested": {"k": None, "n": 3.5},
    }
    assert yamlio.dump(record) == yamlio.dump(record, yamlio.PurePythonDumper)
    assert yaml.load(yamlio.dump(record), Loader=yaml.SafeLoader) == record
