"""Anonymiser benchmark: recall and precision per family on the test corpora,
and throughput on generated records of about 400 characters with every
family on. ``python benchmarks/anonymise.py`` prints both; `make bench` (bench.py) puts
them in benchmarks/results.md."""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.anonymise import Anonymiser, personal_values  # noqa: E402
from pipeline.sample import build_tables  # noqa: E402
from pipeline.scrub import fold, placeholder, scrub_text  # noqa: E402
from pipeline.scrub.families import ORDER  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def corpus(kind: str) -> list[dict]:
    return [e for p in sorted(CORPUS.glob(f"{kind}_*.yaml")) for e in yaml.safe_load(p.read_text("utf-8")) or []]


def quality() -> str:
    """Recall per family on the recall corpus and false removals on the precision corpus, as Markdown."""
    caught, planted = Counter(), Counter()
    for entry in corpus("recall"):
        scrubbed, _ = scrub_text(entry["text"], ORDER)
        planted[entry["family"]] += 1
        if fold(entry["value"]) not in scrubbed and placeholder(entry["family"]) in scrubbed:
            caught[entry["family"]] += 1
    false = Counter()
    texts = corpus("precision")
    for entry in texts:
        _, counts = scrub_text(entry["text"], ORDER)
        false.update(counts)
    lines = [
        "| family | planted | caught | recall | false removals on the precision corpus |",
        "|---|---|---|---|---|",
    ]
    for family in sorted(planted):
        recall = caught[family] / planted[family]
        lines.append(f"| {family} | {planted[family]} | {caught[family]} | {recall:.3f} | {false[family]} |")
    wrong = sum(false.values())
    precision = 1 - wrong / max(len(texts), 1)
    lines.append(f"\nprecision corpus: {len(texts)} texts, {wrong} false removals, precision {precision:.3f}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Throughput:
    records: int
    characters: int  # per record
    timings: tuple[float, ...]  # seconds per run

    @property
    def median(self) -> float:
        return statistics.median(self.timings)

    @property
    def per_second(self) -> float:
        return self.records / self.median

    def __str__(self) -> str:
        return (
            f"anonymiser: {self.records} records of {self.characters} characters, every family on, "
            f"{len(self.timings)} runs\nmedian {self.median:.3f} s (min {min(self.timings):.3f}, "
            f"max {max(self.timings):.3f}) = {self.per_second:,.0f} records/s"
        )


def throughput(records: int = 3000, runs: int = 5) -> Throughput:
    """Clean ``records`` generated texts of 400 characters with every family on, ``runs`` times."""
    tables = build_tables(records, seed=11)
    rows = tables["suggestions"]
    texts = [(r["body"] + r["outcome"] + r["title"])[:400].ljust(400, "。") for r in rows]
    anonymiser = Anonymiser([*rows, *tables["commendations"]])
    owns = [personal_values(r) for r in rows]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        for text, own in zip(texts, owns):
            anonymiser.clean(text, own)
        timings.append(time.perf_counter() - started)
    return Throughput(records, len(texts[0]), tuple(timings))


if __name__ == "__main__":
    print(quality(), end="\n\n")
    print(throughput())
