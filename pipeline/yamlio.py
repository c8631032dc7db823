"""Deterministic YAML: libyaml's C emitter, keys in the order given, unicode
as is, multi-line text as literal blocks so a diff shows the changed line.

libyaml (``CSafeLoader``/``CSafeDumper``) is used when PyYAML was built with
it; otherwise the pure-Python classes, which give the same bytes for what the
pipeline writes (``benchmarks/yaml_check.py`` and tests/test_yamlio.py check
it). Every module reads YAML with ``LOADER``."""

from __future__ import annotations

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class PurePythonDumper(yaml.SafeDumper):
    """PyYAML's own emitter, choosing the scalar styles libyaml chooses.

    They differ in one place: libyaml treats a character beyond the Basic
    Multilingual Plane (an emoji) as unprintable, so it writes that text
    double-quoted with an escape; the Python emitter would write it plain or
    as a block. Here it does what libyaml does.
    """

    def analyze_scalar(self, scalar: str):
        analysis = super().analyze_scalar(scalar)
        if any(ord(character) > 0xFFFF for character in scalar):
            analysis.allow_flow_plain = analysis.allow_block_plain = False
            analysis.allow_single_quoted = analysis.allow_block = False
        return analysis


if hasattr(yaml, "CSafeDumper"):

    class PublicDumper(yaml.CSafeDumper):
        pass

else:  # PyYAML built without libyaml

    class PublicDumper(PurePythonDumper):
        pass


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


PublicDumper.add_representer(str, _represent_str)
PurePythonDumper.add_representer(str, _represent_str)


def dump(data: object, dumper: type = PublicDumper) -> str:
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=4096, indent=2)


def load(text: str) -> object:
    return yaml.load(text, Loader=LOADER)
