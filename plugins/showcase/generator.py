"""The Pelican generator that turns the data folder into pages.

``generate_context`` reads and checks the data (raising
:class:`~showcase.data.ShowcaseDataError` on any problem, which makes
``pelican`` exit with status 1) and puts it in the shared context as
``showcase``, so every template, including Pelican's own ``page.html``, can
use it. ``generate_output`` renders the page sets through the incremental
writer (``writer.py``), which skips what did not change since the last build
with the same cache folder (setting ``SHOWCASE_CACHE``; empty: no cache).
"""

from __future__ import annotations

import gc
import itertools
import logging
from pathlib import Path

from pelican.generators import Generator, PagesGenerator

from . import buildstamp, inputs, outputguard, sitemap
from .fingerprint import digest_text
from .shared import project_package

# The rest (data, pages, writer...) is imported when the build has work to do: a build that
# finds nothing changed (buildstamp.py) never needs it.

faults = project_package("durable", "faults")

logger = logging.getLogger(__name__)

PELICAN_PAGE_LISTS = (
    "pages",
    "translations",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


def skip_pelican_pages(generators) -> None:
    """``all_generators_finalized`` receiver: when nothing changed (``buildstamp``), Pelican's
    own pages would be written with the bytes they have: leave them."""
    if not any(isinstance(g, ShowcaseGenerator) and g.unchanged for g in generators):
        return
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            for name in PELICAN_PAGE_LISTS:
                setattr(generator, name, [])


class ShowcaseGenerator(Generator):
    unchanged = False  # see buildstamp.py

    def generate_context(self) -> None:
        faults.point("build:read")
        self.unchanged = buildstamp.vouched(self.output_path)
        if self.unchanged:  # see buildstamp.py: Pelican's pages, sitemap and Pagefind are skipped too
            logger.info("showcase: nothing changed since the last complete build, nothing written")
            return
        from .data import load_showcase, load_vocabulary
        from .parsecache import ParseCache

        vocabulary = load_vocabulary(inputs.vocabulary_path(self.settings))
        self.cache_folder = outputguard.settings_cache(self.settings)
        self.code = inputs.code_digest(self.settings)
        # The records live for the whole build: keep the garbage collector from walking
        # them again and again while they are made (each full collection visits every
        # object), then leave them out of later collections.
        gc.disable()
        try:
            # SHOWCASE_PARALLEL_FROM (tests) overrides when to fork workers, for parsing and for writing.
            parallel = self.settings.get("SHOWCASE_PARALLEL_FROM")
            cache = ParseCache(self.cache_folder, self.code, **({"parallel_from": parallel} if parallel else {}))
            cache.known = buildstamp.data_read(self.output_path)  # read and hashed by the stamp check
            self.showcase = load_showcase(inputs.data_folder(self.settings), vocabulary, cache)
        finally:
            gc.enable()
        gc.freeze()
        self.context["showcase"] = self.showcase

    def _salt(self) -> str:
        """What every output depends on besides its own inputs."""
        return digest_text(inputs.base_salt(self.settings, self.code), repr(self.showcase.synthetic))

    def generate_output(self, writer) -> None:
        faults.point("build:write")
        if self.unchanged:
            sitemap.forget(self.output_path)
            return
        from .editions import editions
        from .memo import Memo
        from .pages import Page, page_sets
        from .writer import IncrementalWriter, page_context, paginate

        self._page_context = page_context

        source = self.showcase.source
        site = digest_text(*(f"{label}:{key}" for label, key in sorted(source.digests.items())))
        salt = self._salt()
        source.memo = Memo(self.cache_folder, salt)
        self._editions = editions(self.settings, getattr(self.showcase.vocabulary, "english", None))
        output = IncrementalWriter(
            Path(self.output_path),
            outputguard.per_output_cache(self.settings),
            salt,
            site,
            source.fingerprints,
            self._editions,
        )
        output.parallel_from = self.settings.get("SHOWCASE_PARALLEL_FROM", output.parallel_from)
        from . import handwritten

        translated = handwritten.pages(self.context) if len(self._editions) > 1 else ()
        items = (
            piece
            for page_set in page_sets()
            for item in page_set(self.showcase, self.settings)
            for piece in (paginate(item, self.settings) if isinstance(item, Page) else [item])
        )
        items = itertools.chain(items, translated)
        self._compile_templates()
        # What Template.render puts under a page's context, for each edition.
        self._namespaces = {
            e.code: {**self.env.globals, **self.context, **edition_names(e, self.context, self.settings)}
            for e in self._editions
        }
        written = output.write(items, self._render)
        source.memo.save()
        logger.info("showcase: %d of %d outputs changed and were written", output.rendered, len(output.current))
        sitemap.add_pages(self.output_path, written, self.showcase, self._editions)

    def _compile_templates(self) -> None:
        """Load (compile) the theme's templates here, once, rather than in each forked worker."""
        for name in self.env.list_templates(extensions=["html"]):
            if not name.startswith("!"):  # Pelican's own themes, not used by these pages
                self.env.get_template(name)

    def _render(self, page, edition) -> str:
        template = self.get_template(page.template)
        # The page's namespace is one dict, handed to Jinja whole (shared=True): Template.render
        # would copy the site's context twice more, with the globals, for every page.
        namespace = self._page_context(page, self._namespaces[edition.code], self.settings, edition)
        try:
            return self.env.concat(template.root_render_func(template.new_context(namespace, shared=True)))
        except Exception:
            self.env.handle_exception()  # the template's own traceback, as Template.render gives it


def edition_names(edition, context: dict, settings: dict) -> dict:
    """The names every page of ``edition`` sees besides the site's context."""
    from markupsafe import Markup

    from .handwritten import in_edition

    names = {"edition": edition, "ORIGINAL": Markup(' lang="zh-Hans"') if edition.english else Markup("")}
    if edition.english:
        names.update(edition.jinja_callables)
        names["SITENAME"] = edition.settings(settings)["SITENAME"]
    if not edition.original:  # the hand-written pages in the menu: their versions in this edition
        names["pages"] = [in_edition(page, edition) for page in context.get("pages", [])]
    return names
