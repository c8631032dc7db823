"""Suggestion rows (suggestions.csv / sheet 建议), keyed by the pipeline's
column keys. Dates are datetime.date (writer.py spells them); yes/no cells
are already spelled (mostly 是/否, a few Y/N/1/0).

Most rows are drawn at random with the proportions of data/weights.yaml;
`Spec`s force a few rows (for the stories and the commendations) to have a
given subject, status and dates."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import dates, pii
from .data import Context, Pick
from .people import People, Person, pick_type
from .texts import Texts, join

# Decision slug (config/vocabulary.yaml) -> kind of outcome text.
OUTCOME_KIND = {
    "adopted": "adopted",
    "partly-adopted": "partly",
    "for-reference": "reference",
    "not-adopted": "rejected",
    "in-progress": "pending",
}

BODY_PII_SHARE = 0.3
TITLE_PII_SHARE = 0.02
OUTCOME_PII_SHARE = 0.15
MARKUP_SHARE = 0.01
MIN_PUBLISHED_MARKUP = 3

# Status proportions of random rows. Adopted rows reach the display stage
# with DISPLAY_SHARE, consent with CONSENT_SHARE and are withdrawn with
# WITHDRAWN_SHARE (of the non-empty cells), so an adopted row is published
# with about PUBLISHED_IF_ADOPTED; the adopted share is tuned so that about
# TARGET_PUBLISHED of the whole export (forced rows included) is published.
TARGET_PUBLISHED = 1 / 3
DISPLAY_SHARE = 0.86
CONSENT_SHARE = 0.9
WITHDRAWN_EMPTY, WITHDRAWN_SHARE = 0.13, 0.02
PUBLISHED_IF_ADOPTED = DISPLAY_SHARE * CONSENT_SHARE * (1 - WITHDRAWN_SHARE * (1 - WITHDRAWN_EMPTY))
ADOPTED_SHARE_RANGE = (0.25, 0.5)


@dataclass
class Spec:
    """A forced row. Unset fields are drawn at random."""

    owner: str  # e.g. "story:lift-ebike-ai" or "award:2023:金点子一等奖"
    subject: dict | None = None
    title_index: int | None = None
    campaign: str | None = None
    channel: str | None = None
    proposer_type: str | None = None
    special: bool | None = None
    decision: str | None = None
    stage: int | None = None  # index in the vocabulary's stages
    last_date: dt.date | None = None  # date of the last stage reached
    published: bool | None = None  # force consent 是 and not withdrawn
    consent_credit: bool | None = None
    row: dict | None = field(default=None, repr=False)  # the row made for it


class Suggestions:
    def __init__(self, ctx: Context, rnd: random.Random, people: People):
        self.ctx, self.rnd, self.people = ctx, rnd, people
        self.texts = Texts(ctx)
        w = ctx.weights
        self.stages = ctx.names("stages")
        self.display = self.stages.index(sorted(ctx.vocabulary.published_stages, key=self.stages.index)[0])
        self.pick_channel = ctx.pick("channels", w["channels"])
        adopted = [d for d in ctx.names("decisions") if d in ctx.vocabulary.adopted]
        self.pick_adopted = ctx.pick("decisions", w["decisions"], only=adopted)
        self.pick_other = ctx.pick(
            "decisions", w["decisions"], only=[d for d in ctx.names("decisions") if d not in adopted]
        )
        self.adopted_share = 0.4
        topics = [t for t in ctx.names("topics") if ctx.subjects.get(t)]
        self.pick_topic = ctx.pick("topics", w["topics"], only=topics)
        self.pick_campaign = Pick({name: c["weight"] for name, c in w["campaigns"].items()})
        self.campaign_topics = {name: Pick(c["topics"]) for name, c in w["campaigns"].items()}
        self.pick_type = pick_type(ctx, collector=False)
        self.pick_collector_type = pick_type(ctx, collector=True)
        self.resident = w["resident_type"]
        self.yes_variants = [str(v).upper() for v in ctx.vocabulary.raw["yes_values"][1:] if len(str(v)) == 1]
        self.no_variants = [str(v).upper() for v in ctx.vocabulary.raw["no_values"][1:] if len(str(v)) == 1]

    # -- whole table ---------------------------------------------------------

    def build(self, rows: int, specs: list[Spec]) -> list[dict]:
        specs = specs[:rows]
        if rows > len(specs):
            forced = sum(1 for spec in specs if spec.published or spec.stage == len(self.stages) - 1)
            wanted = (rows * TARGET_PUBLISHED - forced) / (rows - len(specs)) / PUBLISHED_IF_ADOPTED
            self.adopted_share = min(max(wanted, ADOPTED_SHARE_RANGE[0]), ADOPTED_SHARE_RANGE[1])
        made = [self.row(spec) for spec in specs]
        made += [self.row(None) for _ in range(rows - len(made))]
        self._case_ids(made)
        self._markup(made)
        made.sort(key=lambda r: r["case_id"])
        return made

    def _case_ids(self, rows: list[dict]) -> None:
        """XZJY-<received year>-<6 digits>, numbered in order of receipt."""
        counters: dict[int, int] = {}
        for row in sorted(rows, key=lambda r: r["received_on"]):
            year = row["received_on"].year
            counters[year] = counters.get(year, 0) + self.rnd.randint(1, 3)
            row["case_id"] = f"XZJY-{year}-{counters[year]:06d}"

    def _markup(self, rows: list[dict]) -> None:
        """A few free-text cells carry hostile markup, some of them published."""
        published = [r for r in rows if self.is_published(r)]
        marked = [r for r in rows if self.rnd.random() < MARKUP_SHARE]
        marked += self.rnd.sample(published, k=min(len(published), MIN_PUBLISHED_MARKUP))
        for row in marked:
            column = self.rnd.choice(("title", "body", "body", "outcome") if row["outcome"] else ("title", "body"))
            row[column] = pii.add_markup(self.rnd, row[column])

    def is_published(self, row: dict) -> bool:
        yes = self.ctx.vocabulary.yes_values
        return (
            row["decision"] in self.ctx.vocabulary.adopted
            and row["consent_publish"].lower() in yes
            and row["withdrawn"].lower() not in yes
            and row["stage"] in self.ctx.vocabulary.published_stages
        )

    # -- one row -------------------------------------------------------------

    def row(self, spec: Spec | None) -> dict:
        rnd, ctx, w = self.rnd, self.ctx, self.ctx.weights
        spec = spec or Spec(owner="")
        channel = spec.channel or self.pick_channel(rnd)
        reuse = not spec.owner and channel != w["special_channel"] and rnd.random() < 0.08
        person = self.people.again() if reuse else None
        if person is None:
            special_channel = channel == w["special_channel"] or spec.special
            proposer_type = spec.proposer_type or (self.pick_collector_type if special_channel else self.pick_type)(rnd)
            person = self.people.new(proposer_type)
        special = (
            spec.special
            if spec.special is not None
            else (channel == w["special_channel"] or (person.proposer_type != self.resident and rnd.random() < 0.05))
        )

        campaign, subject = self._theme(spec)
        decision = spec.decision or (self.pick_adopted if rnd.random() < self.adopted_share else self.pick_other)(rnd)
        kind = OUTCOME_KIND.get(ctx.decision_slug(decision), "adopted" if decision in ctx.vocabulary.adopted else "")
        stage = spec.stage if spec.stage is not None else self._stage(kind)
        if spec.last_date:
            stage_dates = dates.backward(rnd, stage, spec.last_date)
        elif kind == "pending" and rnd.random() < 0.8:
            stage_dates = dates.forward(rnd, stage, dates.RECENT)  # still open: mostly recent
        else:
            stage_dates = dates.forward(rnd, stage)

        slots = self.texts.slots(rnd, person.district, person.proposer_type, subject["topic"], channel)
        title = self.texts.title(rnd, subject, slots, spec.title_index)
        paragraphs = self.texts.body(rnd, subject, slots)
        if rnd.random() < BODY_PII_SHARE:
            pii.plant_body(rnd, paragraphs, person, self.people.other_than(person))
        if rnd.random() < TITLE_PII_SHARE:
            title = pii.plant_title(rnd, title, person)
        lead, co = self.texts.units(rnd, subject) if stage >= 1 else ("", [])
        outcome = self._outcome(kind, stage, subject, lead, co, slots, person)

        consent = spec.published or rnd.random() < (CONSENT_SHARE if kind in ("adopted", "partly") else 0.75)
        withdrawn = (
            None
            if spec.published is None and rnd.random() < WITHDRAWN_EMPTY
            else (False if spec.published else rnd.random() < WITHDRAWN_SHARE)
        )
        credit = (
            spec.consent_credit
            if spec.consent_credit is not None
            else (None if rnd.random() < 0.15 else rnd.random() < 0.5)
        )
        row = {
            "case_id": "",
            "channel": channel,
            "campaign": campaign or "",
            "topic": subject["topic"],
            "title": title,
            "body": join(paragraphs),
            **self._personal(person),
            "proposer_type": person.proposer_type,
            "district": person.district,
            "special_collector": self.yes_no(special if special or rnd.random() > 0.1 else None),
            "stage": self.stages[stage],
            "decision": decision,
            "lead_unit": lead,
            "co_units": ("、" if rnd.random() < 0.85 else "；").join(co),
            "outcome": outcome,
            "consent_publish": self.yes_no(consent),
            "consent_credit": self.yes_no(credit),
            "withdrawn": self.yes_no(withdrawn),
            "_person": person,
            "_subject": subject["key"],  # for the English columns (english.py)
        }
        for index, stage_name in enumerate(self.stages):
            key = ctx.vocabulary.stage_date_keys[stage_name]
            row[key] = stage_dates[index] if index < len(stage_dates) else None
        spec.row = row
        return row

    def _theme(self, spec: Spec) -> tuple[str | None, dict]:
        rnd, w = self.rnd, self.ctx.weights
        if spec.subject is not None:
            return spec.campaign, spec.subject
        campaign = None if rnd.random() < w["no_campaign"] else self.pick_campaign(rnd)
        topic = self.campaign_topics[campaign](rnd) if campaign else self.pick_topic(rnd)
        subjects = self.ctx.subjects.get(topic) or self.ctx.subjects[self.pick_topic(rnd)]
        return campaign, rnd.choice(subjects)

    def _stage(self, kind: str) -> int:
        """Adopted ones mostly reach display (the last stage, commendation, is
        left to the awards); others stop at feedback or earlier."""
        rnd, display = self.rnd, self.display
        roll = rnd.random()
        if kind in ("adopted", "partly"):
            return display if roll < DISPLAY_SHARE else display - 1 if roll < 0.95 else display - 2
        if kind in ("reference", "rejected"):
            return display - 1 if roll < 0.85 else 2
        return rnd.choices(range(display - 1), weights=(25, 30, 30, 15)[: display - 1])[0]

    def _outcome(
        self, kind: str, stage: int, subject: dict, lead: str, co: list[str], slots: dict, person: Person
    ) -> str:
        rnd = self.rnd
        if stage < 1:
            return ""
        if kind in ("adopted", "partly") and stage < self.display - 1:
            kind = "pending"
        if kind not in ("adopted", "partly") and rnd.random() < 0.75:
            return ""
        text = self.texts.outcome(rnd, subject, kind, lead, co, slots)
        if text and rnd.random() < OUTCOME_PII_SHARE:
            text = pii.plant_outcome(rnd, text, person)
        return text

    def _personal(self, person: Person) -> dict:
        """The proposer's cells; optional ones are sometimes empty."""
        rnd = self.rnd
        return {
            "proposer_name": person.name,
            "proposer_phone": person.phone if rnd.random() > 0.08 else "",
            "proposer_id_number": person.id_number if rnd.random() > 0.3 else "",
            "proposer_address": person.address if rnd.random() > 0.2 else "",
            "proposer_email": person.email if rnd.random() > 0.55 else "",
            "proposer_employer": person.employer if rnd.random() > 0.1 else "",
        }

    def yes_no(self, value: bool | None) -> str:
        """是/否 mostly, Y/N/1/0 now and then; "" for None."""
        if value is None:
            return ""
        variants = self.yes_variants if value else self.no_variants
        if variants and self.rnd.random() < 0.04:
            return self.rnd.choice(variants)
        return self.ctx.yes if value else self.ctx.no
