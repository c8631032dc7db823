"""The English of the open-data dictionary (plugins/showcase/data_dictionary.yaml, ``title_en`` and
``description_en`` beside the Chinese): every field, resource and the package have it, the loader
gives it (:meth:`DataDictionary.in_english`), a missing one fails only where English is asked for,
and ``datapackage.json`` (one file for every edition) does not change with it.

Run from the project root: .venv/bin/python -m pytest tests/test_english_dictionary.py -q
"""

from __future__ import annotations

import sys

import pytest
import yaml
from english_text import CJK, chinese_outside_lang_zh
from sitebuild import ROOT, write_yaml

sys.path.insert(0, str(ROOT / "plugins"))

from showcase.data import load_vocabulary
from showcase.datapackage import datapackage
from showcase.dictionary import DICTIONARY_FILE, load_dictionary
from showcase.english import MissingEnglish, mark_chinese

from pipeline.leaks import scan

RAW = yaml.safe_load(DICTIONARY_FILE.read_text(encoding="utf-8"))


def described() -> list[tuple[str, dict]]:
    """(where, mapping) for the package, each resource and each field of the YAML file."""
    found = [("package", RAW["package"])]
    for resource in RAW["resources"]:
        found.append((f"resources.{resource['name']}", resource))
        found += [(f"resources.{resource['name']}.fields.{f['name']}", f) for f in resource["fields"]]
    return found


@pytest.fixture(scope="module")
def site_vocabulary():
    return load_vocabulary(ROOT / "config" / "vocabulary.yaml")


@pytest.fixture(scope="module")
def dictionary(site_vocabulary):
    return load_dictionary(site_vocabulary)


def test_every_title_and_description_has_english_without_unmarked_chinese():
    assert len(described()) > 90
    for where, item in described():
        for key in ("title", "description"):
            english = item.get(f"{key}_en")
            assert isinstance(english, str) and english.strip(), f"{where}.{key}_en"
            assert chinese_outside_lang_zh(mark_chinese(english)) == [], f"{where}.{key}_en"
    assert RAW["package"]["license"]["title_en"]
    assert CJK.findall(RAW["package"]["license"]["title_en"]) == []


def test_in_english_gives_the_files_english_for_every_field(dictionary):
    english = dictionary.in_english()
    assert dictionary.missing_english() == []
    assert (english.title, english.description) == (
        mark_chinese(RAW["package"]["title_en"]),
        mark_chinese(RAW["package"]["description_en"]),
    )
    assert english.license["title"] == RAW["package"]["license"]["title_en"]
    assert english.license["path"] == dictionary.license["path"]
    for resource, raw in zip(english.resources, RAW["resources"], strict=True):
        assert (resource.title, resource.description) == (
            mark_chinese(raw["title_en"]),
            mark_chinese(raw["description_en"]),
        )
        pairs = [(f.name, f.title, f.description) for f in resource.fields]
        assert pairs == [
            (f["name"], mark_chinese(f["title_en"]), mark_chinese(f["description_en"])) for f in raw["fields"]
        ]
        original = dictionary.resource(resource.name)
        assert [(f.type, f.enum, f.pattern) for f in resource.fields] == [
            (f.type, f.enum, f.pattern) for f in original.fields
        ]


def test_chinese_quoted_in_english_is_marked_and_the_rest_escaped():
    assert mark_chinese("e.g. “教师 · 泉山区” & <b>") == (
        'e.g. “<span lang="zh-Hans">教师 · 泉山区</span>” &amp; &lt;b&gt;'
    )  # fmt: skip
    assert mark_chinese("joined with “、”") == 'joined with “<span lang="zh-Hans">、</span>”'


def test_a_field_without_english_loads_and_fails_when_english_is_asked(tmp_path, site_vocabulary):
    source = yaml.safe_load(DICTIONARY_FILE.read_text(encoding="utf-8"))
    del source["resources"][0]["fields"][1]["description_en"]  # proposals.csv: url
    del source["package"]["license"]["title_en"]
    path = tmp_path / "data_dictionary.yaml"
    write_yaml(path, source)
    dictionary = load_dictionary(site_vocabulary, path)
    assert dictionary.resource("proposals").fields[1].description == "建议在本站的永久页面地址；引用时请使用这个地址。"
    assert dictionary.missing_english() == [
        "package.license.title_en",
        "resources.proposals.fields.url.description_en",
    ]
    with pytest.raises(MissingEnglish) as caught:
        dictionary.in_english()
    assert caught.value.where == "data_dictionary.yaml: package.license.title_en"
    source["package"]["license"]["title_en"] = "CC BY 4.0"
    write_yaml(path, source)
    with pytest.raises(MissingEnglish) as caught:
        load_dictionary(site_vocabulary, path).in_english()
    assert caught.value.where == "data_dictionary.yaml: resources.proposals.fields.url.description_en"


def test_datapackage_json_is_the_same_with_or_without_the_english(tmp_path, site_vocabulary, dictionary):
    source = yaml.safe_load(DICTIONARY_FILE.read_text(encoding="utf-8"))
    resources = source["resources"]
    for item in [
        source["package"],
        source["package"]["license"],
        *resources,
        *(f for r in resources for f in r["fields"]),
    ]:
        item.pop("title_en", None)
        item.pop("description_en", None)
    path = tmp_path / "data_dictionary.yaml"
    write_yaml(path, source)
    without = load_dictionary(site_vocabulary, path)
    contents = {r.path: r.path.encode() for r in dictionary.resources}
    settings = {"SITEURL": "https://example.org", "SITENAME": "倾听徐州·在一起"}
    package = datapackage(dictionary, contents, settings)
    assert package == datapackage(without, contents, settings)
    # The English labels are the dictionary's, not the package's (the English columns' own
    # names, title_en and the like, are fields like any other).
    assert b'"title_en":' not in package and b'"description_en":' not in package
    assert b'"name": "title_en"' in package


def test_an_english_label_that_is_not_a_string_is_refused(tmp_path, site_vocabulary):
    from showcase.data import ShowcaseDataError
    from showcase.schema import Problem

    source = yaml.safe_load(DICTIONARY_FILE.read_text(encoding="utf-8"))
    source["resources"][0]["fields"][0]["title_en"] = ""
    source["resources"][0]["title_en"] = 7
    path = tmp_path / "data_dictionary.yaml"
    write_yaml(path, source)
    with pytest.raises(ShowcaseDataError) as caught:
        load_dictionary(site_vocabulary, path)
    assert caught.value.problems == [
        Problem("data_dictionary.yaml", "resources[0].fields[0].title_en", "empty", "不能为空字符串"),
        Problem("data_dictionary.yaml", "resources[0].title_en", "wrong-type", "应为字符串，实为 int"),
    ]


def test_the_english_passes_the_leak_scanner(tmp_path):
    """The English /data/ page shows it, and `make check` scans that page."""
    path = tmp_path / "dictionary.txt"
    texts = [item[f"{key}_en"] for _, item in described() for key in ("title", "description")]
    path.write_text("\n".join(texts), encoding="utf-8")
    assert [str(leak) for leak in scan([path])] == []
