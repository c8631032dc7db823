"""Anonymiser benchmark: recall and precision per family on the test corpora,
and throughput on generated records of about 400 characters with every
family on. Run with `make bench`; prints a Markdown table."""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
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


def quality() -> None:
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
    print("| family | planted | caught | recall | false removals on the precision corpus |")
    print("|---|---|---|---|---|")
    for family in sorted(planted):
        recall = caught[family] / planted[family]
        print(f"| {family} | {planted[family]} | {caught[family]} | {recall:.3f} | {false[family]} |")
    wrong = sum(false.values())
    precision = 1 - wrong / max(len(texts), 1)
    print(f"\nprecision corpus: {len(texts)} texts, {wrong} false removals, precision {precision:.3f}\n")


def throughput(records: int = 3000, runs: int = 5) -> None:
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
    median = statistics.median(timings)
    print(f"anonymiser: {records} records of {len(texts[0])} characters, every family on, {runs} runs")
    print(
        f"median {median:.3f} s (min {min(timings):.3f}, max {max(timings):.3f}) = {records / median:,.0f} records/s\n"
    )


if __name__ == "__main__":
    quality()
    throughput()
