"""Titles, bodies and outcomes, composed from the sentence banks in
data/subjects.yaml and data/phrases.yaml with slot filling.

A body is built as paragraphs of sentences so that pii.py can add the
personal details people write into it; its length stays within
BODY_MIN..BODY_MAX characters including what pii.py adds (at most
PII_RESERVE characters)."""

from __future__ import annotations

import random

from .data import Context

BODY_MIN, BODY_MAX = 100, 600
PII_RESERVE = 130
ORDINALS = "一二三四五六七八九"

Paragraphs = list[list[str]]


class Texts:
    def __init__(self, ctx: Context):
        self.places = ctx.places
        self.phrases = ctx.phrases
        self.departments = ctx.places["departments"]

    # -- slots ---------------------------------------------------------------

    def slots(self, rnd: random.Random, district: str, proposer_type: str, topic: str, channel: str) -> dict:
        places = self.places
        roads = places["roads"].get(district) or places["roads"][next(iter(places["roads"]))]
        return {
            "district": district,
            "road": rnd.choice(roads),
            "community": rnd.choice(places["communities"]),
            "street": rnd.choice(places["streets"]),
            "spot": rnd.choice(places["spots"]),
            "venue": rnd.choice(places["venues"]),
            "n": rnd.randint(2, 9),
            "type": proposer_type,
            "topic": topic,
            "channel": channel,
        }

    # -- title ---------------------------------------------------------------

    def title(self, rnd: random.Random, subject: dict, slots: dict, index: int | None = None) -> str:
        core = subject["titles"][index % len(subject["titles"])] if index is not None else rnd.choice(subject["titles"])
        core = core.format_map(slots)
        roll = rnd.random()
        if roll < 0.72:
            return f"关于{core}的建议"
        if roll < 0.84:
            return f"关于{core}的几点建议"
        if roll < 0.94:
            return f"建议{core}"
        return f"对{core}的建议"

    # -- body ----------------------------------------------------------------

    def body(self, rnd: random.Random, subject: dict, slots: dict) -> Paragraphs:
        """Paragraphs of sentences: the situation (problems, cause, remarks),
        then the proposals. Sentences are added until a drawn length."""
        phrases = self.phrases
        target = rnd.randint(BODY_MIN + 20, BODY_MAX - PII_RESERVE)
        problems = [p.format_map(slots) for p in rnd.sample(subject["problems"], k=len(subject["problems"]))]
        measures = [m.format_map(slots) for m in rnd.sample(subject["measures"], k=len(subject["measures"]))]
        single, listed = rnd.choice(phrases["single_measure"]), rnd.choice(phrases["measure_lists"])
        closing = rnd.choice(phrases["closings"])
        first = [(1, problems[0])]  # (rank in the paragraph, sentence)
        if rnd.random() < 0.55:
            first.append((0, rnd.choice(phrases["intros"]).format_map(slots)))
        extras = [(1, p) for p in problems[1:]] + [(2, c.format_map(slots)) for c in subject.get("causes", [])[:1]]
        extras += [(3, f.format_map(slots)) for f in rnd.sample(phrases["fillers"], k=3)]
        rnd.shuffle(extras)

        def proposal(count: int) -> str:
            if count == 1:
                return single.format(m=measures[0])
            return listed.format(items="；".join(f"{ORDINALS[i]}是{m}" for i, m in enumerate(measures[:count])))

        count = 1
        situation = sum(len(text) for _, text in first)
        while situation + len(proposal(count)) + len(closing) < target:
            if count < len(measures) and (not extras or rnd.random() < 0.5):
                count += 1
            elif extras:
                first.append(extras.pop())
                situation += len(first[-1][1])
            else:
                break
        while situation + len(proposal(count)) + len(closing) + 1 > BODY_MAX - PII_RESERVE and count > 1:
            count -= 1
        first.sort(key=lambda item: item[0])
        situation_sentences = [text for _, text in first]
        proposals = [proposal(count)] + ([closing] if closing else [])
        if rnd.random() < 0.45:
            return [situation_sentences, proposals]
        return [situation_sentences + proposals]

    # -- units and outcome ---------------------------------------------------

    def units(self, rnd: random.Random, subject: dict) -> tuple[str, list[str]]:
        """A lead unit (mostly the subject's usual one) and 0-3 co-units."""
        units = subject["units"]
        lead = units[0] if rnd.random() < 0.7 else rnd.choice(units)
        co: list[str] = []
        if rnd.random() < 0.45:
            pool = [u for u in units if u != lead]
            co = rnd.sample(pool, k=min(len(pool), rnd.randint(1, 3)))
            if rnd.random() < 0.2:
                extra = rnd.choice(self.departments)
                if extra != lead and extra not in co:
                    co.append(extra)
        return lead, co

    def outcome(self, rnd: random.Random, subject: dict, kind: str, lead: str, co: list[str], slots: dict) -> str:
        """The 办理情况 text for a decision kind: adopted, partly, reference,
        rejected, pending, or "" for none."""
        phrases = self.phrases
        fill = {**slots, "lead": lead}
        if kind in ("adopted", "partly"):
            co_part = rnd.choice(phrases["co_parts"]).format(co="、".join(co)) if co else ""
            text = lead + co_part + rnd.choice(subject["outcomes"]).format_map(fill) + "。"
            if kind == "partly":
                text = rnd.choice(phrases["partial_prefix"]) + text + rnd.choice(phrases["partial_suffix"])
            else:
                text += rnd.choice(phrases["adopted_results"])
            return text
        bank = {"reference": "reference_outcomes", "rejected": "rejected_outcomes", "pending": "in_progress_outcomes"}
        if kind in bank:
            return rnd.choice(phrases[bank[kind]]).format_map(fill)
        return ""


def join(paragraphs: Paragraphs) -> str:
    return "\n".join("".join(p) for p in paragraphs if p)
