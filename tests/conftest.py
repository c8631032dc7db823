import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.__main__ import main, read_export
from pipeline.config import load_vocabulary

# Hypothesis profiles (docs/decisions.md, 25). `ci`, the default: the same
# examples on every run (derandomize) and few enough of them that the fuzz
# tests add well under a minute to `make test`; no example database written.
# `fuzz` (`make fuzz`): many more, random each run, failures remembered in a
# git-ignored folder. No deadline in either: one example is a whole export with
# file I/O on a shared 2-core machine, whose timing says nothing about a bug.
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("ci", max_examples=25, derandomize=True, database=None, print_blob=True, **_COMMON)
FUZZ_DATABASE = DirectoryBasedExampleDatabase(Path(__file__).resolve().parents[1] / ".cache" / "hypothesis")
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))  # `make fuzz FUZZ_EXAMPLES=...`
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, database=FUZZ_DATABASE, print_blob=True, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# The site's editions (plugins/showcase/editions.py): the tests of one page type or one
# guard build the original (Simplified) edition alone, which is where every check of the
# data's rendering applies; tests/test_editions.py and the browser tests build all three.
# Set before any test reads pelicanconf.py (subprocess builds inherit it).
ORIGINAL_ONLY = '["zh-Hans"]'
os.environ["SHOWCASE_EDITIONS"] = ORIGINAL_ONLY


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary()


@pytest.fixture
def problems_of(vocabulary):
    """The problem list of an export, as comparable tuples."""

    def run(folder, mapping=None):
        _, _, problems = read_export(folder, mapping, vocabulary)
        return [(p.file, p.row, p.column, p.value, p.code) for p in problems]

    return run


@pytest.fixture
def cli(capsys):
    """Run `python -m pipeline ...` in-process: (exit status, stdout, stderr)."""

    def run(*args):
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
