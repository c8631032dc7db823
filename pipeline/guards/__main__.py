"""`python -m pipeline.guards GUARD FILE...`: run one commit guard on the
files pre-commit passes (paths relative to the project). Exit status: 0 the
files may be committed; 1 refused (every finding printed); 2 usage error."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .report import refuse

# Guard name -> its module; only the one asked for is imported (a hook starts a fresh process).
GUARDS = {
    "yaml": "yaml_syntax",
    "published": "published",
    "leaks": "leaks",
    "raw-export": "raw_exports",
    "staging": "staging",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.guards", description="commit guards")
    parser.add_argument("guard", choices=GUARDS)
    parser.add_argument("files", type=Path, nargs="*")
    args = parser.parse_args(argv)
    guard = importlib.import_module(f".{GUARDS[args.guard]}", __package__)
    return refuse(guard.GUARD, guard.check(args.files))


if __name__ == "__main__":
    sys.exit(main())
