"""What the templates receive: plain, frozen records built from checked YAML.

Each ``from_yaml`` expects a mapping that already passed its rule in
``formats``. URLs are fixed by docs/architecture.md and built from the stable
ids only (never from titles).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from markupsafe import Markup

from .render import change_percent, render_markdown
from .vocabulary import Vocabulary


class HasPage:
    """Something with its own page: every page URL is a folder (``url``),
    written as that folder's index.html, so URLs work on any static host."""

    url: str

    @property
    def save_as(self) -> str:
        return f"{self.url}index.html"


class PageAtId(HasPage):
    """A record with its own page at ``<SECTION>/<id>/``."""

    SECTION: ClassVar[str]
    id: str

    @property
    def url(self) -> str:
        return f"{self.SECTION}/{self.id}/"


class Dated:
    """A published record's own dates ('YYYY-MM-DD'), kept stable by the pipeline
    across exports (docs/published-data.md). None in data written before the
    pipeline recorded them; ``dates`` then derives them."""

    first_published: str | None
    last_updated: str | None

    @property
    def was_updated(self) -> bool:
        """Changed after it was first published: its page says so (corrections are never silent)."""
        return bool(self.first_published and self.last_updated and self.last_updated > self.first_published)


@dataclass(frozen=True)
class Step:
    """One stage of the closed loop on a proposal page."""

    name: str
    slug: str
    reached: bool
    date: str | None  # 'YYYY-MM' for the first stage, 'YYYY-MM-DD' otherwise; 'YYYY' once coarsened
    days: int | None  # since the previous stage


@dataclass(frozen=True)
class Proposer:
    type: str | None  # None once coarsened to its group
    group: str
    district: str | None
    label: str
    special_collector: bool | None = None  # brought in by a special collector; None: withheld, or older data


@dataclass(frozen=True)
class ProposalAward:
    year: int
    award: str


@dataclass(frozen=True)
class Proposal(PageAtId, Dated):
    SECTION: ClassVar[str] = "proposals"
    id: str
    first_published: str | None
    last_updated: str | None
    title: str
    received: str  # 'YYYY-MM', or 'YYYY' once coarsened
    channel: str
    campaign: str | None
    campaign_slug: str | None
    topic: str
    proposer: Proposer
    decision: str
    stage: str
    lead_unit: str | None
    co_units: tuple[str, ...]
    steps: tuple[Step, ...]  # all stages of the vocabulary, reached or not
    stories: tuple[str, ...]
    commendations: tuple[ProposalAward, ...]
    body: str
    outcome: str | None
    # Written by staff in the optional English columns; None when not supplied.
    title_en: str | None = None
    summary_en: str | None = None  # what was proposed and what came of it, in a sentence or two

    @classmethod
    def from_yaml(cls, data: dict, vocabulary: Vocabulary) -> Proposal:
        reached = {item["stage"]: item for item in data["timeline"]}
        steps = tuple(
            Step(
                stage.name,
                stage.slug,
                stage.name in reached,
                *(
                    (reached[stage.name]["date"], reached[stage.name]["days"])
                    if stage.name in reached
                    else (None, None)
                ),
            )
            for stage in vocabulary.stages
        )
        return cls(
            id=data["id"],
            first_published=data.get("first_published"),
            last_updated=data.get("last_updated"),
            title=data["title"],
            received=data["received"],
            channel=data["channel"],
            campaign=data["campaign"],
            campaign_slug=vocabulary.campaigns.get(data["campaign"]),
            topic=data["topic"],
            proposer=Proposer(**data["proposer"]),
            decision=data["decision"],
            stage=data["stage"],
            lead_unit=data["lead_unit"],
            co_units=tuple(data["co_units"]),
            steps=steps,
            stories=tuple(data["stories"]),
            commendations=tuple(ProposalAward(**c) for c in data["commendations"]),
            body=data["body"],
            outcome=data["outcome"],
            title_en=data.get("title_en"),
            summary_en=data.get("summary_en"),
        )


@dataclass(frozen=True)
class Tombstone(PageAtId):
    SECTION: ClassVar[str] = "proposals"
    """A proposal that is no longer public: only its id and dates survive."""

    id: str
    first_published: str | None = None
    withdrawn_on: str | None = None

    @classmethod
    def from_yaml(cls, data: dict) -> Tombstone:
        return cls(id=data["id"], first_published=data.get("first_published"), withdrawn_on=data.get("withdrawn_on"))


@dataclass(frozen=True)
class Session(PageAtId, Dated):
    """A face-to-face session (面对面交流活动): who met (units, counts), where, what was agreed."""

    SECTION: ClassVar[str] = "sessions"
    id: str
    first_published: str | None
    last_updated: str | None
    title: str
    held_on: str  # 'YYYY-MM-DD'
    district: str
    district_slug: str
    street: str | None
    topic: str
    campaign: str | None
    campaign_slug: str | None
    units: tuple[str, ...]
    proposers_present: int
    residents_present: int
    proposals_discussed: int  # published or not
    proposals: tuple[str, ...]  # the published ones
    agreed: str
    follow_up_on: str | None
    attendees: tuple[str, ...]  # named only with consent

    @property
    def place(self) -> str:
        return f"{self.district}{self.street or ''}"

    @classmethod
    def from_yaml(cls, data: dict, vocabulary: Vocabulary) -> Session:
        return cls(
            **{key: data[key] for key in SESSION_PLAIN_KEYS},
            first_published=data.get("first_published"),
            last_updated=data.get("last_updated"),
            district_slug=vocabulary.district_slugs[data["district"]],
            campaign_slug=vocabulary.campaigns.get(data["campaign"]),
            units=tuple(data["units"]),
            proposals=tuple(data["proposals"]),
            attendees=tuple(data["attendees"]),
        )


SESSION_PLAIN_KEYS = (
    "id", "title", "held_on", "district", "street", "topic", "campaign", "proposers_present", "residents_present",
    "proposals_discussed", "agreed", "follow_up_on",
)  # fmt: skip


@dataclass(frozen=True)
class SessionTombstone(Tombstone):
    SECTION: ClassVar[str] = "sessions"
    """A session that is no longer public: only its id and dates survive."""


@dataclass(frozen=True)
class Metric:
    label: str
    before: int | float | None
    after: int | float
    unit: str | None
    note: str | None

    @property
    def change_percent(self) -> int | None:
        return change_percent(self.before, self.after)


@dataclass(frozen=True)
class Story(PageAtId, Dated):
    SECTION: ClassVar[str] = "stories"
    id: str
    first_published: str | None
    last_updated: str | None
    title: str
    summary: str
    published_on: str
    campaign: str | None
    campaign_slug: str | None
    lead_unit: str | None
    proposals: tuple[str, ...]
    metrics: tuple[Metric, ...]
    body: str  # Markdown source
    body_html: Markup = field(repr=False)
    # Written by staff in the optional English columns; None when not supplied.
    title_en: str | None = None
    summary_en: str | None = None
    body_en: str | None = None  # Markdown source
    body_en_html: Markup | None = field(default=None, repr=False)

    @classmethod
    def from_yaml(cls, data: dict, vocabulary: Vocabulary) -> Story:
        return cls(
            id=data["id"],
            first_published=data.get("first_published"),
            last_updated=data.get("last_updated"),
            title=data["title"],
            summary=data["summary"],
            published_on=data["published_on"],
            campaign=data["campaign"],
            campaign_slug=vocabulary.campaigns.get(data["campaign"]),
            lead_unit=data["lead_unit"],
            proposals=tuple(data["proposals"]),
            metrics=tuple(Metric(**m) for m in data["metrics"]),
            body=data["body"],
            body_html=render_markdown(data["body"]),
            title_en=data.get("title_en"),
            summary_en=data.get("summary_en"),
            body_en=data.get("body_en"),
            body_en_html=render_markdown(data["body_en"]) if data.get("body_en") else None,
        )

    @property
    def headline(self) -> Metric | None:
        """The figure a list shows: the first metric with a before value, else the first metric."""
        return next((m for m in self.metrics if m.before is not None), self.metrics[0] if self.metrics else None)


@dataclass(frozen=True)
class Award:
    award: str
    award_slug: str
    proposal: str | None
    recipient: str | None
    recipient_label: str
    awarded_on: str
    citation_en: str | None = None  # what the award recognises, in English, when staff wrote it


@dataclass(frozen=True)
class CommendationYear(PageAtId):
    SECTION: ClassVar[str] = "commendations"
    year: int
    awards: tuple[Award, ...]

    @property
    def id(self) -> str:  # the page is commendations/<year>/
        return str(self.year)

    @classmethod
    def from_yaml(cls, data: dict, vocabulary: Vocabulary) -> CommendationYear:
        awards = tuple(Award(award_slug=vocabulary.awards[a["award"]], **a) for a in data["awards"])
        return cls(year=data["year"], awards=awards)


CHANGE_KINDS = ("published", "updated", "withdrawn")  # in the order the record of changes lists them


@dataclass(frozen=True)
class Change:
    """One line of the public record of changes (/changes/): on ``date`` the
    record was first published, updated or withdrawn (``kind``)."""

    date: str  # 'YYYY-MM-DD'
    kind: str  # one of CHANGE_KINDS
    record: Proposal | Story | Tombstone


@dataclass(frozen=True)
class ChangeDay:
    """Everything that changed on one day, in the order of CHANGE_KINDS."""

    date: str
    changes: tuple[Change, ...]

    def __post_init__(self):
        kinds: dict[str, list[Change]] = {}
        for change in self.changes:
            kinds.setdefault(change.kind, []).append(change)
        object.__setattr__(self, "_kinds", {kind: tuple(found) for kind, found in kinds.items()})

    def of(self, kind: str) -> tuple[Change, ...]:
        return self._kinds.get(kind, ())  # grouped once: a day of 10,000 changes is shown on many pages


@dataclass(frozen=True)
class Showcase:
    """Everything the templates get, as ``showcase`` in the context."""

    vocabulary: Vocabulary
    stats: dict  # stats.yaml as read (checked against formats.STATS)
    proposals: tuple[Proposal, ...]  # newest first: received, then id, descending
    tombstones: tuple[Tombstone, ...]  # by id
    stories: tuple[Story, ...]  # newest first: published_on, then id, descending
    commendations: tuple[CommendationYear, ...]  # newest year first
    sessions: tuple[Session, ...] = ()  # newest first: held_on, then id, descending
    session_tombstones: tuple[SessionTombstone, ...] = ()  # by id
    # The files these records were read from (data.SourceFiles): bytes for the
    # open-data copies, parsed mappings for the JSON downloads, digests for the
    # incremental build. Not for templates.
    source: object = field(default=None, compare=False, repr=False)

    @property
    def synthetic(self) -> bool:
        return self.stats["synthetic"]

    @cached_property
    def proposal_index(self) -> dict[str, Proposal]:
        return {p.id: p for p in self.proposals}

    @cached_property
    def story_index(self) -> dict[str, Story]:
        return {s.id: s for s in self.stories}

    @cached_property
    def sessions_by_proposal(self) -> dict[str, tuple[Session, ...]]:
        """Proposal id -> the sessions that discussed it, oldest first (the proposal page's links and timeline)."""
        found: dict[str, list[Session]] = {}
        for session in sorted(self.sessions, key=lambda s: (s.held_on, s.id)):
            for proposal_id in session.proposals:
                found.setdefault(proposal_id, []).append(session)
        return {pid: tuple(items) for pid, items in found.items()}

    def sessions_after_steps(self, proposal: Proposal) -> dict[int, tuple[Session, ...]]:
        """Index of a stage in ``proposal.steps`` -> the sessions held after it (and before the next
        dated stage): where the timeline shows them. The stages' own data is unchanged."""
        found: dict[int, list[Session]] = {}
        for session in self.sessions_by_proposal.get(proposal.id, ()):
            dated = [
                index
                for index, step in enumerate(proposal.steps)
                if step.reached and step.date and step.date <= session.held_on[: len(step.date)]
            ]
            found.setdefault(dated[-1] if dated else 0, []).append(session)
        return {index: tuple(items) for index, items in found.items()}
