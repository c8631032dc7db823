"""``{% cache "name", key… %}…{% endcache %}``: a fragment rendered once per build and key.

Most of a page is the same on many pages: the header and footer (the same for every page at
the same depth), a proposal's card (on its list, its five facet lists, the changes pages), the
facet navigation. Rendering those once per distinct key instead of once per page is most of
what makes a cold build fast (docs/decisions.md). The key must name everything the fragment
reads that can differ between two pages of one build: ``SITEURL`` (relative URLs differ by
depth), the record, the current item. Records are immutable for the whole build, so a record
is named by its id. The store lives with the Jinja environment, that is for one build (and, in
forked workers, for one worker).

Example: ``{% cache "card", SITEURL, p.id, level %}…{% endcache %}``.

The setting ``SHOWCASE_FRAGMENTS = False`` renders every fragment every time: a test builds the
site both ways and compares the bytes, so a key that misses something fails it.
"""

from __future__ import annotations

from jinja2 import nodes
from jinja2.ext import Extension


class FragmentCache(Extension):
    tags = frozenset({"cache"})

    def __init__(self, environment):
        super().__init__(environment)
        self.store: dict[tuple, str] = {}
        self.enabled = True

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        key = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            key.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_fragment", [nodes.Tuple(key, "load")]), [], [], body).set_lineno(
            lineno
        )

    def _fragment(self, key: tuple, caller) -> str:
        if not self.enabled:
            return caller()
        found = self.store.get(key)
        if found is None:
            found = self.store[key] = caller()
        return found
