"""The four themed campaigns: their intro, proposals and stories.

An intro is hand-written Markdown in ``<PATH>/campaigns/<slug>.md`` (PATH is
Pelican's content folder), rendered and sanitised like a story body. A
campaign of the vocabulary without an intro file still gets its page, and the
build logs a warning. The English intro is ``<PATH>/campaigns/en/<slug>.md``
(the folder says the language: intros carry no metadata); once a campaign has a
Chinese intro, asking for its English one when there is none raises
:class:`~showcase.english.MissingEnglish`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .english import MissingEnglish
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


def read_intro(folder: Path, slug: str, english: bool = False) -> Markup | None:
    """The intro in Chinese, or in English from the ``en/`` folder beside it."""
    path = folder / f"{slug}.md"
    if not path.is_file():
        logger.warning("专项活动 %s 没有介绍文件 %s", slug, path)
        return None
    if english:
        path = folder / "en" / f"{slug}.md"
        if not path.is_file():
            raise MissingEnglish(str(path), "专项活动介绍没有英文版（英文版无法生成）")
    return render_markdown(path.read_text(encoding="utf-8"))


def campaigns(showcase: Showcase, folder: Path, english: bool = False) -> tuple[Campaign, ...]:
    """Every campaign of the vocabulary, in its order, with or without records (intros in English if asked)."""
    return tuple(
        Campaign(
            name=name,
            slug=slug,
            intro_html=read_intro(folder, slug, english),
            proposals=tuple(p for p in showcase.proposals if p.campaign == name),
            stories=tuple(s for s in showcase.stories if s.campaign == name),
        )
        for name, slug in showcase.vocabulary.campaigns.items()
    )
