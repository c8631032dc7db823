"""`python -m pipeline diff`: what a re-export changes in the published data,
for the person who approves it (`make diff`; `make diff MARKDOWN=1`).

Staff publish by committing the re-exported `data/public/`; reviewing that
commit is the approval step. `git diff` shows YAML; this shows, in Chinese,
what a reviewer approves:

- a one-line summary (新公开 N 条，修改 N 条，撤回 N 条, or 没有变化);
- records newly public (proposals, stories, commendation years: id and
  title; a tombstone published again is marked), changed (each published
  field that differs, short values as old → new, longer ones as their
  changed lines with the changed characters marked [-removed-]{+added+}),
  and withdrawn (now a tombstone, or its file deleted: a cited URL breaks);
  files outside the record layout are listed by path;
- how stats.yaml moves: each headline total old → new with the difference,
  the settings (synthetic, k), and how many figures moved per table;
- what the last export's audit report (`audit/report.csv`, git-ignored)
  asks a person to read, and which of those records this change touches.

Compared: the data folder in the work tree (`--data`, default data/public)
with the same folder at a revision (`--against`, default HEAD), read with
`git ls-tree` and `git cat-file` (the work tree and index are not touched).
Files with identical bytes are skipped before parsing; records are compared
as parsed YAML, so quoting or key order is not a change, and neither is a
change only in the bookkeeping dates (first_published, last_updated,
withdrawn_on). Only published fields are ever printed, and control or
invisible characters in them are shown as <U+XXXX>.

Output: plain text (default) or Markdown for a pull-request description
(`--markdown`), on stdout. Exit 0 when the comparison ran (with or without
changes); 2 on a usage error (not a git repository, unknown revision,
missing folder, unreadable YAML), with a Chinese message on stderr."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import ROOT
from .diffing.as_markdown import as_markdown
from .diffing.as_text import as_text
from .diffing.audit_report import read_audit
from .diffing.figures import compare_figures
from .diffing.git import DiffError
from .diffing.records import STATS, compare_records
from .diffing.review import review
from .diffing.snapshot import read

EXIT_OK, EXIT_USAGE = 0, 2


def run(args: argparse.Namespace) -> int:
    try:
        sides = read(args.data, args.against)
    except DiffError as error:
        print(f"无法比较：{error}", file=sys.stderr)
        return EXIT_USAGE
    changes = compare_records(sides.before, sides.after)
    figures = compare_figures(sides.before.get(STATS), sides.after.get(STATS))
    document = review(sides, changes, figures, read_audit(args.audit))
    print(as_markdown(document) if args.markdown else as_text(document), end="")
    return EXIT_OK


def add_parser(commands: argparse._SubParsersAction) -> None:
    compare = commands.add_parser("diff", help="what a re-export changes in the published data, for review")
    compare.add_argument(
        "--data", type=Path, default=ROOT / "data" / "public", help="published data folder (default data/public)"
    )
    compare.add_argument("--against", default="HEAD", help="git revision to compare with (default HEAD)")
    compare.add_argument(
        "--audit", type=Path, default=ROOT / "audit", help="folder of the export's audit report (default audit/)"
    )
    compare.add_argument("--markdown", action="store_true", help="Markdown for a pull-request description")
    compare.set_defaults(handler=run)
