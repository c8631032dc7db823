"""The four themed campaigns: their intro, proposals and stories.

An intro is hand-written Markdown in ``<PATH>/campaigns/<slug>.md`` (PATH is
Pelican's content folder), rendered and sanitised like a story body. A
campaign of the vocabulary without an intro file still gets its page, and the
build logs a warning.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .models import HasPage, Proposal, Showcase, Story
from .render import render_markdown

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Campaign(HasPage):
    name: str
    slug: str
    intro_html: Markup | None
    proposals: tuple[Proposal, ...]  # newest first
    stories: tuple[Story, ...]  # newest first

    @property
    def url(self) -> str:
        return f"campaigns/{self.slug}/"

    @property
    def feed_url(self) -> str:
        return f"feeds/campaigns/{self.slug}.atom.xml"


def intro_folder(settings: dict) -> Path:
    return Path(settings["PATH"]) / "campaigns"


def read_intro(folder: Path, slug: str) -> Markup | None:
    path = folder / f"{slug}.md"
    if not path.is_file():
        logger.warning("专项活动 %s 没有介绍文件 %s", slug, path)
        return None
    return render_markdown(path.read_text(encoding="utf-8"))


def campaigns(showcase: Showcase, folder: Path) -> tuple[Campaign, ...]:
    """Every campaign of the vocabulary, in its order, with or without records."""
    return tuple(
        Campaign(
            name=name,
            slug=slug,
            intro_html=read_intro(folder, slug),
            proposals=tuple(p for p in showcase.proposals if p.campaign == name),
            stories=tuple(s for s in showcase.stories if s.campaign == name),
        )
        for name, slug in showcase.vocabulary.campaigns.items()
    )
