"""``{% import "partials/…" as m with context %}`` made once per build and ``SITEURL``.

An import with context runs the partial's module code (defining its macros) for every page
that imports it: about 24 µs each, several times per proposal page, 10,000 proposal pages.
The theme's partials read nothing from the page's context but ``SITEURL`` (which differs by
page depth in relative-URL builds) and values that are the same for the whole build
(``SITENAME``, ``showcase``): their macros take everything else as parameters. So the module
is kept per partial and ``SITEURL``, for one environment (one build, or one forked worker).

``tests/test_imports.py`` checks the premise on the theme's source (a partial imported with
context may read only those names from its context) and builds the sample with and without
this (``SHOWCASE_FRAGMENTS = False`` turns it off with the fragment cache) to compare bytes.
"""

from __future__ import annotations

from jinja2 import Template

# The context names a partial imported with context may read: SITEURL is in the key, the
# others are the same on every page of a build. `_` is the environment's gettext (one
# catalogue per environment: an edition rendered with another catalogue needs its own
# environment, or the edition in the key).
CONTEXT_NAMES = frozenset({"SITEURL", "SITENAME", "showcase", "_"})


class SharedImportsTemplate(Template):
    """A template whose module, imported with context, is made once per ``SITEURL``."""

    def make_module(self, vars=None, shared=False, locals=None):  # Jinja's own signature
        store = getattr(self.environment, "showcase_imports", None)
        if store is None or not shared or vars is None:  # not an import with context, or switched off
            return super().make_module(vars, shared, locals)
        key = (self.name, vars.get("SITEURL"))
        module = store.get(key)
        if module is None:
            module = store[key] = super().make_module(vars, shared, locals)
        return module


def install(environment, enabled: bool) -> None:
    """Make ``environment``'s templates share their imports (before any template is loaded)."""
    environment.template_class = SharedImportsTemplate
    environment.showcase_imports = {} if enabled else None
