"""The Pagefind step on its own: ``python benchmarks/pagefind_step.py SITE EDITIONS`` indexes a built
site exactly as the build does, by calling the build's own ``build_index`` (plugins/showcase/search.py)
with the folders of the editions the site was built with (``EDITIONS``: the JSON list of
``SHOWCASE_EDITIONS``, e.g. '["zh-Hans"]'), always from scratch (the build skips it when no indexed
page changed; this step never does).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugins"))
from showcase.editions import editions
from showcase.search import build_index


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python benchmarks/pagefind_step.py SITE EDITIONS", file=sys.stderr)
        return 2
    prefixes = [edition.prefix for edition in editions({"SHOWCASE_EDITIONS": json.loads(argv[1])})]
    entry = build_index(Path(argv[0]), prefixes)
    pages = sum(language["page_count"] for language in entry["languages"].values()) if entry else 0
    print(f"pagefind: {pages} pages indexed ({', '.join(entry['languages']) if entry else 'none'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
