"""The floor of the build benchmark: the least any generator must do with the same data.

Loads every ``proposals/*.yaml`` of a published data folder with libyaml's C loader and
writes one HTML page per published proposal from a minimal inline Jinja2 template
(autoescape on), and nothing else: no lists, facets, feeds, search or open data.
Our build time is reported as a ratio to this script's (benchmarks/bench.py), so the
number means something on a noisy machine.

Usage: ``python benchmarks/floor.py DATA OUT``; prints how many pages it wrote.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from jinja2 import Environment

TEMPLATE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ p.title }}</title></head>
<body><main><article class="proposal">
<h1>{{ p.title }}</h1>
<p>{{ p.proposer.label }} · {{ p.received }} · {{ p.topic }} · {{ p.decision }}</p>
<ol>{% for step in p.timeline %}<li>{{ step.stage }} {{ step.date }}</li>{% endfor %}</ol>
<p>{{ p.body }}</p>
{% if p.outcome %}<p>{{ p.outcome }}</p>{% endif %}
</article></main></body></html>
"""


def render_all(data: Path, out: Path) -> int:
    """Write ``out/proposals/<id>/index.html`` for every published proposal; returns the count."""
    template = Environment(autoescape=True).from_string(TEMPLATE)
    written = 0
    for path in sorted((data / "proposals").glob("*.yaml")):
        record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if record.get("status") != "published":
            continue
        page = out / "proposals" / record["id"] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(template.render(p=record), encoding="utf-8")
        written += 1
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python benchmarks/floor.py DATA OUT", file=sys.stderr)
        return 2
    print(f"floor: {render_all(Path(argv[0]), Path(argv[1]))} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
