"""The English labels of the vocabulary (config/vocabulary.yaml, ``en:`` beside ``name:``): every term
the site shows has one, the plugin's model gives it, and a term without one fails only where English
is asked for, naming the list and the term. The pipeline reads the file as before (its export of the
sample is compared byte for byte by tests/test_sample_export.py).

Run from the project root: .venv/bin/python -m pytest tests/test_english_vocabulary.py -q
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sitebuild  # noqa: F401  (puts plugins/ on sys.path)
import yaml
from showcase.data import ShowcaseDataError, load_vocabulary
from showcase.english import MissingEnglish
from showcase.schema import Problem

from pipeline.config import load_vocabulary as pipeline_vocabulary
from pipeline.leaks import scan

ROOT = Path(__file__).resolve().parents[1]
FILE = ROOT / "config" / "vocabulary.yaml"
RAW = yaml.safe_load(FILE.read_text(encoding="utf-8"))
# The lists whose terms the site shows (published_stages and the groups' `types` name terms of these).
SHOWN = (
    "districts", "channels", "campaigns", "topics", "proposer_types", "collector_sectors",
    "proposer_type_groups", "stages", "decisions", "awards", "units",
)  # fmt: skip


def terms(list_name: str) -> list[dict]:
    return RAW[list_name]


def write_vocabulary(folder: Path, raw: dict) -> Path:
    path = folder / "vocabulary.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def site_vocabulary():
    return load_vocabulary(FILE)


@pytest.mark.parametrize("list_name", SHOWN)
def test_every_term_the_site_shows_has_an_english_label(list_name):
    missing = [t for t in terms(list_name) if not isinstance(t, dict) or not str(t.get("en") or "").strip()]
    assert missing == []
    assert all(not any("\u4e00" <= c <= "\u9fff" for c in t["en"]) for t in terms(list_name))


def test_a_chinese_term_has_the_same_english_in_every_list():
    """So that a term can be looked up by its name alone (the `term` filter of the theme)."""
    english: dict[str, set[str]] = {}
    for list_name in SHOWN:
        for term in terms(list_name):
            english.setdefault(term["name"], set()).add(term["en"])
    assert {name: labels for name, labels in english.items() if len(labels) > 1} == {}


def test_the_model_gives_the_files_english_for_every_term(site_vocabulary):
    for list_name in SHOWN:
        for term in terms(list_name):
            assert site_vocabulary.english(term["name"], list_name) == term["en"]
            assert site_vocabulary.english(term["name"]) == term["en"]
    stages = {s["name"]: s["en"] for s in terms("stages")}
    assert [site_vocabulary.english(s, "published_stages") for s in RAW["published_stages"]] == [
        stages[s] for s in RAW["published_stages"]
    ]
    assert site_vocabulary.missing_english() == []


def test_the_names_the_site_reads_are_unchanged_by_the_english(site_vocabulary):
    assert site_vocabulary.channels == tuple(t["name"] for t in terms("channels"))
    assert site_vocabulary.proposer_types == tuple(t["name"] for t in terms("proposer_types"))
    assert site_vocabulary.units == tuple(t["name"] for t in terms("units"))


def test_the_pipeline_reads_the_names_and_ignores_the_english():
    pipeline = pipeline_vocabulary(FILE)
    for list_name in SHOWN:
        assert pipeline.lists[list_name] == [t["name"] for t in terms(list_name)]


def test_a_term_without_english_builds_in_chinese_and_fails_when_english_is_asked(tmp_path):
    raw = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    del raw["channels"][6]["en"]  # 面对面交流活动
    raw["units"][0] = raw["units"][0]["name"]  # a plain name, as staff may still write one
    vocabulary = load_vocabulary(write_vocabulary(tmp_path, raw))
    assert vocabulary.channels[6] == "面对面交流活动" and vocabulary.units[0] == "市委社会工作部"
    with pytest.raises(MissingEnglish) as caught:
        vocabulary.english("面对面交流活动", "channels")
    assert caught.value.where == "词表 channels：面对面交流活动"
    assert "channels" in str(caught.value) and "面对面交流活动" in str(caught.value)
    with pytest.raises(MissingEnglish, match="units：市委社会工作部"):
        vocabulary.english("市委社会工作部")
    assert vocabulary.missing_english() == ["channels：面对面交流活动", "units：市委社会工作部"]


def test_english_of_a_term_in_no_list_or_of_an_unknown_list_fails(site_vocabulary):
    with pytest.raises(MissingEnglish, match="不是词表中的词"):
        site_vocabulary.english("火星区")
    with pytest.raises(MissingEnglish, match="不是词表中的词"):
        site_vocabulary.english("鼓楼区", "topics")
    with pytest.raises(KeyError, match="planets"):
        site_vocabulary.english("鼓楼区", "planets")


def test_lists_that_disagree_on_a_terms_english_must_be_named(tmp_path):
    raw = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    raw["topics"][10]["en"] = "Gig work"  # 新就业群体, also a proposer type and a collector sector
    vocabulary = load_vocabulary(write_vocabulary(tmp_path, raw))
    assert vocabulary.english("新就业群体", "topics") == "Gig work"
    with pytest.raises(MissingEnglish, match="须指明列表"):
        vocabulary.english("新就业群体")


def test_a_blank_or_non_string_english_label_is_refused(tmp_path):
    raw = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    raw["districts"][0]["en"] = " "
    raw["channels"][0]["en"] = 3
    path = write_vocabulary(tmp_path, raw)
    with pytest.raises(ShowcaseDataError) as caught:
        load_vocabulary(path)
    assert caught.value.problems == [
        Problem("vocabulary.yaml", "districts[0].en", "empty", "不能为空字符串"),
        Problem("vocabulary.yaml", "channels[0].en", "wrong-type", "应为字符串，实为 int"),
    ]


def test_the_english_labels_pass_the_leak_scanner(tmp_path):
    """The English edition shows them on its pages, which `make check` scans: a label such as
    "WeChat message board" reads to the scanner as a WeChat ID ("message") and would stop it."""
    path = tmp_path / "labels.txt"
    path.write_text("\n".join(t["en"] for list_name in SHOWN for t in terms(list_name)), encoding="utf-8")
    assert [str(leak) for leak in scan([path])] == []
