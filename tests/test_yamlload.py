"""The build's YAML loader (plugins/showcase/yamlload.py) gives what PyYAML's safe loader gives.

Compared as pickles, so a type (1 vs True vs "1", date vs str) or a key order that differs fails.
"""

from __future__ import annotations

import datetime
import pickle
import sys

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from sitebuild import ROOT

from pipeline import yamlio

sys.path.insert(0, str(ROOT / "plugins"))
from showcase import yamlload


def standard(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader)


def same(text: str) -> None:
    assert pickle.dumps(yamlload.load(text)) == pickle.dumps(standard(text)), text


def test_every_published_sample_file_loads_the_same():
    files = sorted((ROOT / "data" / "public").rglob("*.yaml"))
    assert len(files) > 50
    for path in files:
        same(path.read_text(encoding="utf-8"))


def test_the_published_files_take_the_event_path(monkeypatch):
    """The fast path is really used: with the standard loader gone, the sample still loads."""
    monkeypatch.setattr(yamlload.yaml, "load", None)
    for path in sorted((ROOT / "data" / "public" / "proposals").glob("*.yaml"))[:20]:
        assert isinstance(yamlload.load(path.read_text(encoding="utf-8")), dict)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "~",
        "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 1_000\n",
        "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\n",
        "a: true\nb: False\nc: yes\nd: off\ne: 'true'\n",
        "a: null\nb: ~\nc:\nd: 'null'\ne: Null\n",
        "a: 2024-03-01\nb: '2024-03-01'\nc: 2024-03\nd: 2001-12-14t21:59:43.10-05:00\n",
        "a: [1, 'x', [], {}]\nb: {c: d, e: [f]}\n",
        "- a\n- - b\n  - c\n- {d: 1}\n",
        "a: |\n  line one\n  line two\nb: >\n  folded\n  text\n",
        "a: \"tab\\there \\u4e2d\"\nb: 'it''s'\n",
        "a: 1\na: 2\n",  # duplicate key: the last wins, as in PyYAML
        "1: one\n2.5: two\ntrue: three\n~: four\n",  # keys that are not strings
        "a: &x [1, 2]\nb: *x\n",  # anchor and alias
        "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n",  # merge key
        "derived:\n  <<: {x: 1}\n  y: 2\n",  # merge key, no alias
        "a: !!str 123\nb: !!int '7'\n",  # explicit tags
        "a: ! 12\n",  # the non-specific tag
        "? [a, b]\n: complex key\n",  # an unhashable key: PyYAML refuses it
        "---\na: 1\n...\n",
        "中文: 标题（附件）\n列表:\n- 电梯\n- 外卖骑手\n",
    ],
)
def test_documents_of_every_kind_load_the_same(text):
    try:
        expected = pickle.dumps(standard(text))
    except yaml.YAMLError as error:
        with pytest.raises(type(error)):
            yamlload.load(text)
        return
    assert pickle.dumps(yamlload.load(text)) == expected


@pytest.mark.parametrize("text", ["a: [1, 2\n", "a: b: c\n", "---\na: 1\n---\nb: 2\n", "\t- x\n", "a: 'open\n"])
def test_bad_documents_raise_the_standard_error(text):
    with pytest.raises(yaml.YAMLError) as standard_error:
        standard(text)
    with pytest.raises(type(standard_error.value)):
        yamlload.load(text)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.text(),
    st.sampled_from(["yes", "No", "~", "null", "1_0", "0x1f", "2024-01-02", ".inf", "<<", "=", "- x", "a: b"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4),
    max_leaves=20,
)


@given(documents)
def test_anything_the_dumpers_write_loads_the_same(data):
    for text in (yamlio.dump(data), yaml.safe_dump(data, allow_unicode=True, default_flow_style=True)):
        same(text)


def test_a_date_stays_a_date():
    assert yamlload.load("a: 2024-03-01\n") == {"a": datetime.date(2024, 3, 1)}
