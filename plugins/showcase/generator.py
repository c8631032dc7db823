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
import logging
from pathlib import Path

from pelican.generators import Generator

from . import formats, outputguard, sitemap
from .data import load_showcase, load_vocabulary
from .fingerprint import digest_files, digest_text
from .memo import Memo
from .pages import Page, page_sets
from .parsecache import ParseCache
from .shared import project_package
from .writer import IncrementalWriter, page_context, paginate

faults = project_package("durable", "faults")

logger = logging.getLogger(__name__)

DEFAULT_DATA = "data/public"
DEFAULT_VOCABULARY = "config/vocabulary.yaml"
PLUGIN_FOLDER = Path(__file__).resolve().parent


def _setting_path(settings: dict, name: str, default: str) -> Path:
    """A path setting; a relative one is taken from the current directory."""
    value = settings.get(name) or default
    if not isinstance(value, str):
        raise TypeError(f"设置 {name} 应为路径字符串，实为 {value!r}")
    return Path(value).expanduser().resolve()


def _tree(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts]


def _settings_digest(settings: dict, fingerprints) -> str:
    """The plain settings (strings, numbers, lists, dicts of them); objects are left out."""
    parts = []
    for name in sorted(settings):
        try:
            parts.append(f"{name}={fingerprints.of(settings[name])}")
        except TypeError:
            continue
    return digest_text(*parts)


class ShowcaseGenerator(Generator):
    def generate_context(self) -> None:
        faults.point("build:read")
        vocabulary_path = _setting_path(self.settings, "SHOWCASE_VOCABULARY", DEFAULT_VOCABULARY)
        vocabulary = load_vocabulary(vocabulary_path)
        self.cache_folder = outputguard.settings_cache(self.settings)
        # What a data file's check depends on besides its bytes: this code, the schema, the vocabulary.
        self.code = digest_files(
            [*_tree(PLUGIN_FOLDER), *_tree(formats.SCHEMA_FOLDER), vocabulary_path], PLUGIN_FOLDER.parent.parent
        )
        # The records live for the whole build: keep the garbage collector from walking
        # them again and again while they are made (each full collection visits every
        # object), then leave them out of later collections.
        gc.disable()
        try:
            # SHOWCASE_PARALLEL_FROM (tests) overrides when to fork workers, for parsing and for writing.
            parallel = self.settings.get("SHOWCASE_PARALLEL_FROM")
            cache = ParseCache(self.cache_folder, self.code, **({"parallel_from": parallel} if parallel else {}))
            self.showcase = load_showcase(
                _setting_path(self.settings, "SHOWCASE_DATA", DEFAULT_DATA), vocabulary, cache
            )
        finally:
            gc.enable()
        gc.freeze()
        self.context["showcase"] = self.showcase

    def _salt(self) -> str:
        """What every output depends on besides its own inputs."""
        source = self.showcase.source
        theme = Path(self.settings["THEME"])
        content = Path(self.settings["PATH"])
        return digest_text(
            self.code,
            digest_files(_tree(theme), theme),
            digest_files(_tree(content), content) if content.is_dir() else "",
            _settings_digest(self.settings, source.fingerprints),
            repr(self.showcase.synthetic),
        )

    def generate_output(self, writer) -> None:
        faults.point("build:write")
        source = self.showcase.source
        site = digest_text(*(f"{label}:{key}" for label, key in sorted(source.digests.items())))
        salt = self._salt()
        source.memo = Memo(self.cache_folder, salt)
        output = IncrementalWriter(
            Path(self.output_path), outputguard.per_output_cache(self.settings), salt, site, source.fingerprints
        )
        output.parallel_from = self.settings.get("SHOWCASE_PARALLEL_FROM", output.parallel_from)
        items = (
            piece
            for page_set in page_sets()
            for item in page_set(self.showcase, self.settings)
            for piece in (paginate(item, self.settings) if isinstance(item, Page) else [item])
        )
        self._compile_templates()
        self._namespace = {**self.env.globals, **self.context}  # what Template.render puts under a page's context
        written = output.write(items, self._render)
        source.memo.save()
        logger.info("showcase: %d of %d outputs changed and were written", output.rendered, len(output.current))
        sitemap.add_pages(self.output_path, written, self.showcase)

    def _compile_templates(self) -> None:
        """Load (compile) the theme's templates here, once, rather than in each forked worker."""
        for name in self.env.list_templates(extensions=["html"]):
            if not name.startswith("!"):  # Pelican's own themes, not used by these pages
                self.env.get_template(name)

    def _render(self, page: Page) -> str:
        template = self.get_template(page.template)
        # The page's namespace is one dict, handed to Jinja whole (shared=True): Template.render
        # would copy the site's context twice more, with the globals, for every page.
        namespace = page_context(page, self._namespace, self.settings)
        try:
            return self.env.concat(template.root_render_func(template.new_context(namespace, shared=True)))
        except Exception:
            self.env.handle_exception()  # the template's own traceback, as Template.render gives it
