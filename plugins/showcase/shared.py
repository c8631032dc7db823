"""The project's shared packages (``schema/``, ``durable/``), loaded by path.

Pelican loads this plugin without the project root on ``sys.path``, and the
plugin imports nothing from the project outside its own folder; the few
packages the pipeline and the site share are loaded here, once each, under a
private module name so their relative imports work.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PROJECT = Path(__file__).resolve().parents[2]
SCHEMA_FOLDER = PROJECT / "schema"  # the published-data JSON Schema and its checker


def project_package(name: str, submodule: str | None = None) -> ModuleType:
    """The project's package ``name`` (or its ``submodule``), imported once."""
    private = f"showcase_shared_{name}"
    if private not in sys.modules:
        folder = PROJECT / name
        spec = importlib.util.spec_from_file_location(
            private, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[private] = module
        spec.loader.exec_module(module)
    if submodule is None:
        return sys.modules[private]
    return importlib.import_module(f"{private}.{submodule}")
