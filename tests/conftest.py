import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pipeline.__main__ import main, read_export
from pipeline.config import load_vocabulary


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
