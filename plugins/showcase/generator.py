"""The Pelican generator that turns the data folder into pages.

``generate_context`` reads and checks the data (raising
:class:`~showcase.data.ShowcaseDataError` on any problem, which makes
``pelican`` exit with status 1) and puts it in the shared context as
``showcase``, so every template, including Pelican's own ``page.html``, can
use it. ``generate_output`` writes each page through Pelican's writer.
"""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from .data import load_showcase, load_vocabulary
from .pages import File, Page, page_sets

DEFAULT_DATA = "data/public"
DEFAULT_VOCABULARY = "config/vocabulary.yaml"


def _setting_path(settings: dict, name: str, default: str) -> Path:
    """A path setting; a relative one is taken from the current directory."""
    value = settings.get(name) or default
    if not isinstance(value, str):
        raise TypeError(f"设置 {name} 应为路径字符串，实为 {value!r}")
    return Path(value).expanduser().resolve()


class ShowcaseGenerator(Generator):
    def generate_context(self) -> None:
        vocabulary = load_vocabulary(_setting_path(self.settings, "SHOWCASE_VOCABULARY", DEFAULT_VOCABULARY))
        self.showcase = load_showcase(_setting_path(self.settings, "SHOWCASE_DATA", DEFAULT_DATA), vocabulary)
        self.context["showcase"] = self.showcase

    def generate_output(self, writer) -> None:
        for page_set in page_sets():
            for item in page_set(self.showcase, self.settings):
                if isinstance(item, File):
                    self._save(item)
                else:
                    self._write(writer, item)

    def _write(self, writer, page: Page) -> None:
        writer.write_file(
            page.save_as,
            self.get_template(page.template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"] and not page.absolute_urls,
            paginated=page.paginated,
            template_name=page.template,
            url=page.save_as.removesuffix("index.html"),
            **page.context,
        )

    def _save(self, item: File) -> None:
        """A file written as is; bytes are kept, text is UTF-8 with LF."""
        path = Path(self.output_path) / item.save_as
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(item.content, bytes):
            path.write_bytes(item.content)
        else:
            path.write_text(item.content, encoding="utf-8", newline="\n")
