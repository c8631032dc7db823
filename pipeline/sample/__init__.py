"""A seeded synthetic staff export, for demos, tests and benchmarks.

    from pipeline.sample import generate
    generate(Path("data/sample"), rows=300, seed=20241)            # four CSVs
    generate(Path("build/xlsx"), rows=300, seed=20241, fmt="xlsx")  # export.xlsx

or `python -m pipeline sample --out DIR [--rows N] [--seed S] [--format csv|xlsx]`.

Everything is invented: people (names, phones, valid-checksum ID numbers,
Xuzhou addresses, e-mails, employers), suggestions on the programme's themes
with personal data planted in their text, the four real outcome stories with
their real figures, and three years of commendations. The same seed and rows
give byte-identical files. A `dataset.yaml` beside the export marks it as
synthetic so the site can show a demo banner.

Modules: data (config + data files), people, dates, texts, pii (planting),
records (suggestion rows), stories, awards, sessions (face-to-face sessions), longtext (long unbroken strings),
english (the optional English columns), writer (CSV/XLSX).
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from . import awards, english, longtext, sessions, stories, writer
from .data import load_context
from .people import People
from .records import Suggestions

DATASET_FILE = "dataset.yaml"
FORMATS = ("csv", "xlsx")


def generate(out_dir: Path, rows: int = 300, seed: int = 20241, fmt: str = "csv") -> None:
    """Write a synthetic staff export of `rows` suggestions to `out_dir`."""
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if rows < 1:
        raise ValueError("rows must be at least 1")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = build_tables(rows, seed)
    ctx = load_context()
    # A folder holds either the CSVs or the workbook: drop the other format's
    # files left by an earlier run (only those exact names).
    csv_names = [ctx.schema[name].file for name in tables]
    for stale in [writer.XLSX_NAME] if fmt == "csv" else csv_names:
        (out_dir / stale).unlink(missing_ok=True)
    if fmt == "csv":
        writer.write_csv(out_dir, ctx.schema, tables, seed)
    else:
        writer.write_xlsx(out_dir, ctx.schema, tables)
    write_dataset(out_dir, rows, seed)


def build_tables(rows: int, seed: int) -> dict[str, list[dict]]:
    """The five tables as lists of rows keyed by pipeline column keys
    (suggestion rows also carry "_person", the invented Person)."""
    ctx = load_context()
    rnd = random.Random(seed)
    people = People(ctx, seed)
    suggestions = Suggestions(ctx, rnd, people)
    story_specs = stories.specs(ctx, rnd, suggestions.display)
    award_plan = awards.plan(ctx, rnd)
    # Forced rows by priority, at most half the export: one row per story,
    # then the awards (highest first), then the stories' other rows.
    ranked_awards = sorted((p for p in award_plan if p.spec), key=lambda p: ctx.names("awards").index(p.award))
    forced = [specs[0] for specs in story_specs.values()]
    forced += [p.spec for p in ranked_awards]
    forced += [spec for specs in story_specs.values() for spec in specs[1:]]
    suggestion_rows = suggestions.build(rows, forced[: rows // 2])
    story_rows, metric_rows = stories.build(ctx, story_specs)
    commendation_rows = awards.build(ctx, rnd, people, suggestions, award_plan, suggestion_rows)
    # Last, and without drawing from rnd: the seeded rows above stay as they were.
    first_story = story_specs[min(story_specs)] if story_specs else []
    longtext.plant(suggestion_rows, suggestions.is_published, [spec.row for spec in first_story if spec.row])
    tables = {
        "suggestions": suggestion_rows,
        "stories": story_rows,
        "story_metrics": metric_rows,
        "commendations": commendation_rows,
        # Last, with its own random stream: the rows above do not change.
        "sessions": sessions.build(ctx, seed, suggestion_rows),
    }
    # After everything, with its own stream too: only the English cells are added.
    english.plant(ctx, seed, tables, [specs[0].row for specs in story_specs.values() if specs and specs[0].row])
    return tables


def write_dataset(out_dir: Path, rows: int, seed: int) -> Path:
    path = out_dir / DATASET_FILE
    header = "# Synthetic demo data made by pipeline.sample: every person in it is invented.\n"
    body = yaml.safe_dump(
        {"synthetic": True, "generator": "pipeline.sample", "seed": seed, "rows": rows},
        allow_unicode=True,
        sort_keys=False,
    )
    path.write_text(header + body, encoding="utf-8")
    return path
