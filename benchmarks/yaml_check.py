"""Is the published YAML read and written by libyaml, and would the pure-Python fallback give the same?

For every file of a published data folder (of the proposals, the first ``PROPOSALS``): load it with
``yaml.CSafeLoader`` and ``yaml.SafeLoader`` (same objects?), dump it with the pipeline's dumper
(pipeline/yamlio.py, on ``yaml.CSafeDumper``) and with its pure-Python dumper, same options (same
bytes?), and compare the C dump with the file as the export wrote it. Then yaml_fallback.py runs the
pipeline's own YAML code without libyaml: is there a fallback at all, and does it give the same bytes?
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from processes import PYTHON, ROOT

sys.path.insert(0, str(ROOT))
from pipeline import yamlio

PROPOSALS = 1000  # proposal files checked (every other file is)


@dataclass(frozen=True)
class YamlCheck:
    libyaml: bool  # PyYAML was built with libyaml
    pipeline_uses_c: bool  # the pipeline's loader and dumper are libyaml's
    files: int
    load_differs: tuple[str, ...]  # files the two loaders read differently
    dump_differs: tuple[str, ...]  # files the two dumpers write differently
    not_as_exported: tuple[str, ...]  # files whose C dump is not the file's own bytes
    fallback: str  # what the pipeline's YAML code did without libyaml
    fallback_works: bool  # it ran and wrote every file's exact bytes

    @property
    def identical(self) -> bool:
        return not (self.load_differs or self.dump_differs or self.not_as_exported)


def sample(data: Path, proposals: int) -> list[Path]:
    """Every YAML file of ``data`` but the proposals, and the first ``proposals`` of those (pure-Python
    YAML takes minutes for 50,000 files; a thousand show the same)."""
    paths = sorted(data.rglob("*.yaml"))
    kept = set([p for p in paths if p.parent.name == "proposals"][:proposals])
    return [p for p in paths if p.parent.name != "proposals" or p in kept]


def check(data: Path, proposals: int = PROPOSALS) -> YamlCheck:
    load_differs, dump_differs, not_as_exported = [], [], []
    paths = sample(data, proposals)
    for path in paths:
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(data).as_posix()
        record = yaml.load(text, Loader=yaml.CSafeLoader)
        if yaml.load(text, Loader=yaml.SafeLoader) != record:
            load_differs.append(name)
        written = yamlio.dump(record)
        if yamlio.dump(record, yamlio.PurePythonDumper) != written:
            dump_differs.append(name)
        if written != text:
            not_as_exported.append(name)
    script = Path(__file__).with_name("yaml_fallback.py")
    command = [PYTHON, str(script), *map(str, paths)]
    fallback = subprocess.run(command, capture_output=True, text=True, check=False)
    return YamlCheck(
        yaml.__with_libyaml__,
        yamlio.LOADER is yaml.CSafeLoader and issubclass(yamlio.PublicDumper, yaml.CSafeDumper),
        len(paths),
        tuple(load_differs),
        tuple(dump_differs),
        tuple(not_as_exported),
        (fallback.stdout + fallback.stderr).strip(),
        fallback.returncode == 0,
    )
