"""Deterministic YAML: libyaml's C emitter, keys in the order given, unicode
as is, multi-line text as literal blocks so a diff shows the changed line."""

from __future__ import annotations

import yaml


class PublicDumper(yaml.CSafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


PublicDumper.add_representer(str, _represent_str)


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=PublicDumper, sort_keys=False, allow_unicode=True, width=4096, indent=2)


def load(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)
