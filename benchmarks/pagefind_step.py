"""The Pagefind step on its own: ``python benchmarks/pagefind_step.py SITE`` indexes a built site
exactly as the build does, by calling the build's own ``build_index`` (plugins/showcase/search.py),
always from scratch (the build skips it when no indexed page changed; this step never does).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
from showcase.search import build_index


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python benchmarks/pagefind_step.py SITE", file=sys.stderr)
        return 2
    entry = build_index(Path(argv[0]))
    pages = sum(language["page_count"] for language in entry["languages"].values()) if entry else 0
    print(f"pagefind: {pages} pages indexed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
