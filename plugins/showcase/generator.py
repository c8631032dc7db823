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

    def _write(self, writer, save_as: str, template: str, *, relative_urls: bool | None = None, **kwargs) -> None:
        if relative_urls is None:
            relative_urls = self.settings["RELATIVE_URLS"]
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=relative_urls,
            template_name=template,
            url=save_as.removesuffix("index.html"),
            **kwargs,
        )

    def generate_output(self, writer) -> None:
        showcase = self.showcase
        self._write(writer, "index.html", "index", page_name="index")
        self._write(writer, "proposals/index.html", "proposals", page_name="proposals")
        for proposal in showcase.proposals:
            self._write(writer, proposal.save_as, "proposal", proposal=proposal, page_name="proposal")
        for tombstone in showcase.tombstones:
            self._write(writer, tombstone.save_as, "withdrawn", tombstone=tombstone, page_name="withdrawn")
        self._write(writer, "stories/index.html", "stories", page_name="stories")
        for story in showcase.stories:
            self._write(writer, story.save_as, "story", story=story, page_name="story")
        # Served for any missing path, so its links cannot be relative to its own place.
        self._write(writer, "404.html", "404", relative_urls=False, page_name="404")
