"""The premise of plugins/showcase/imports.py: a partial imported ``with context`` reads, from the
page's context, only names that are the same on every page of a build or are in the module's key.

If a macro read a page's own variable (``proposal``, ``output_file``, ``nav_current``…) from the
context instead of its parameters, the shared module would show one page's value on another.
The byte-for-byte comparison of the sample with and without sharing is in tests/test_fragments.py.
"""

from __future__ import annotations

import re
import sys

from jinja2 import Environment, FileSystemLoader, meta, nodes
from jinja2.exceptions import TemplateAssertionError
from sitebuild import ROOT

sys.path.insert(0, str(ROOT / "plugins"))
from showcase.fragments import FragmentCache
from showcase.imports import CONTEXT_NAMES

THEME = ROOT / "theme" / "templates"


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(THEME), extensions=[FragmentCache, "jinja2.ext.do"], autoescape=True)


def context_reads(env: Environment, source: str) -> set[str]:
    """Names the template looks up in its context, less those it sets itself somewhere."""
    tree = env.parse(source)
    while True:
        try:
            undeclared = meta.find_undeclared_variables(tree)
            break
        except TemplateAssertionError as error:  # the plugin's filters and tests: any callable will do here
            kind, name = re.search(r"No (filter|test) named '(\w+)'", str(error)).groups()
            (env.filters if kind == "filter" else env.tests)[name] = lambda *args, **kwargs: None
    assigned = {target.name for assign in tree.find_all(nodes.Assign) for target in assign.find_all(nodes.Name)}
    return undeclared - assigned


def imported_with_context(env: Environment) -> set[str]:
    names = set()
    for name in env.list_templates(extensions=["html"]):
        tree = env.parse(env.loader.get_source(env, name)[0])
        names |= {node.template.value for node in tree.find_all(nodes.Import) if node.with_context}
    return names


def test_partials_imported_with_context_read_only_build_wide_names():
    env = environment()
    partials = imported_with_context(env)
    assert {"partials/_macros.html", "partials/_listing.html", "partials/_citation.html"} <= partials
    for name in sorted(partials):
        source = env.loader.get_source(env, name)[0]
        assert context_reads(env, source) <= CONTEXT_NAMES, name


def test_the_check_sees_a_macro_that_reads_the_page():
    env = environment()
    assert context_reads(env, "{% macro title() %}{{ proposal.title }}{% endmacro %}") == {"proposal"}
    assert context_reads(env, "{% macro link(p) %}{{ SITEURL }}/{{ p.url }}{% endmacro %}") == {"SITEURL"}
    assert context_reads(env, "{% macro x() %}{% set near = 1 %}{{ near }}{% endmacro %}") == set()
