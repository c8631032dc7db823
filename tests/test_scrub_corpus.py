"""The recall and precision corpora (tests/corpus/*.yaml), through every
family at once: zero misses, zero false removals."""

from pathlib import Path

import pytest
import yaml

from pipeline.scrub import fold, placeholder, scrub_text
from pipeline.scrub.families import ORDER

CORPUS = Path(__file__).parent / "corpus"


def entries(kind):
    found = []
    for path in sorted(CORPUS.glob(f"{kind}_*.yaml")):
        for index, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            found.append(pytest.param(entry, id=f"{path.stem}-{index}"))
    return found


@pytest.mark.parametrize("entry", entries("recall"))
def test_recall(entry):
    scrubbed, _ = scrub_text(entry["text"], ORDER)
    assert fold(entry["value"]) not in scrubbed
    assert placeholder(entry["family"]) in scrubbed
    assert scrub_text(scrubbed, ORDER) == (scrubbed, {})  # idempotent


@pytest.mark.parametrize("entry", entries("precision"))
def test_precision(entry):
    scrubbed, counts = scrub_text(entry["text"], ORDER)
    assert (scrubbed, counts) == (fold(entry["text"]), {})
