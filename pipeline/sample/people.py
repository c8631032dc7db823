"""Invented people: names, mobile numbers, resident ID numbers with a valid
GB 11643 checksum, Xuzhou addresses down to the room, e-mails, employers.

Faker (seeded) is called only to fill small pools of surnames, given names
and user names; every person is then drawn from those pools with a seeded
random.Random, so 100,000 people cost well under a second."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from faker import Faker

from .data import Context, Pick

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# Birth years: `young_types` in places.yaml are born later.
BIRTH_YEARS = (1952, 2003)
YOUNG_BIRTH_YEARS = (1982, 2003)


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of the first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def id_is_valid(number: str) -> bool:
    return (
        len(number) == 18
        and number[:17].isdigit()
        and number[17] in "0123456789X"
        and id_check_digit(number[:17]) == number[17]
    )


@dataclass(frozen=True)
class Person:
    name: str
    district: str
    proposer_type: str
    phone: str
    id_number: str
    address: str
    email: str
    employer: str  # "" when the person has none


class People:
    """A factory of invented people, deterministic for a seed."""

    def __init__(self, ctx: Context, seed: int):
        self.ctx = ctx
        self.places = ctx.places
        fake = Faker("zh_CN")
        fake.seed_instance(seed)
        self.surnames = [fake.last_name() for _ in range(400)]
        self.given = [fake.first_name() for _ in range(1200)]
        self.users = [fake.user_name() for _ in range(1200)]
        self.rnd = random.Random(f"people:{seed}")
        self.pick_district = ctx.pick("districts", ctx.weights["districts"])
        self.young_types = set(self.places["young_types"])
        self._phones: set[str] = set()
        self._ids: set[str] = set()
        self.made: list[Person] = []

    def new(self, proposer_type: str, district: str | None = None) -> Person:
        rnd = self.rnd
        district = district or self.pick_district(rnd)
        name = rnd.choice(self.surnames) + rnd.choice(self.given)
        person = Person(
            name=name,
            district=district,
            proposer_type=proposer_type,
            phone=self._phone(),
            id_number=self._id_number(district, proposer_type),
            address=self._address(district),
            email=self._email(),
            employer=self._employer(proposer_type, district),
        )
        self.made.append(person)
        return person

    def again(self) -> Person | None:
        """Someone who already filed a suggestion (people file more than once)."""
        return self.rnd.choice(self.made) if self.made else None

    def other_than(self, person: Person) -> Person | None:
        """Another proposer, e.g. a neighbour named in someone's text."""
        if len(self.made) < 2:
            return None
        other = self.rnd.choice(self.made)
        return other if other.name != person.name else None

    def _phone(self) -> str:
        while True:
            phone = self.rnd.choice(self.places["phone_prefixes"]) + f"{self.rnd.randrange(10**8):08d}"
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def _id_number(self, district: str, proposer_type: str) -> str:
        rnd = self.rnd
        low, high = YOUNG_BIRTH_YEARS if proposer_type in self.young_types else BIRTH_YEARS
        while True:
            born = dt.date(rnd.randint(low, high), 1, 1) + dt.timedelta(days=rnd.randrange(365))
            first17 = rnd.choice(self.places["region_codes"].get(district) or ["320300"]) + born.strftime("%Y%m%d")
            first17 += f"{rnd.randrange(1000):03d}"
            number = first17 + id_check_digit(first17)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def _address(self, district: str) -> str:
        rnd = self.rnd
        unit, floor, room = rnd.randint(1, 4), rnd.randint(1, 7), rnd.randint(1, 3)
        flat = f"{unit}单元{floor}0{room}室"
        if rnd.random() < 0.6:
            road = rnd.choice(self.places["roads"].get(district) or self.places["communities"])
            return f"徐州市{district}{road}{rnd.randint(1, 300)}号{rnd.randint(1, 30)}栋{flat}"
        community = rnd.choice(self.places["communities"])
        return f"徐州市{district}{community}{rnd.randint(1, 40)}号楼{flat}"

    def _email(self) -> str:
        rnd = self.rnd
        if rnd.random() < 0.35:
            return f"{rnd.randint(10**7, 3 * 10**9)}@qq.com"
        user = rnd.choice(self.users)
        if rnd.random() < 0.6:
            user += str(rnd.randint(1, 2005))
        return f"{user}@{rnd.choice(self.places['mail_domains'])}"

    def _employer(self, proposer_type: str, district: str) -> str:
        rnd, places = self.rnd, self.places
        slots = {
            "word": rnd.choice(places["firm_words"]),
            "trade": rnd.choice(places["firm_trades"]),
            "district": district,
            "street": rnd.choice(places["streets"]),
            "street_short": rnd.choice(places["streets"]).removesuffix("街道"),
            "n": rnd.randint(1, 6),
        }
        kind = places["employer_kinds"].get(proposer_type, "other")
        if rnd.random() < places["empty_employer"][kind]:
            return ""
        if kind == "school":
            return f"徐州市{district}{rnd.choice(places['school_words'])}{rnd.choice(places['school_kinds'])}"
        if kind == "media":
            return rnd.choice(places["media"])
        if kind == "gig":
            return rnd.choice(places["gig_employers"]).format(**slots)
        if kind == "secretary":
            return f"{district}{rnd.choice(places['communities']).removesuffix('小区')}社区党委"
        if kind == "firm":
            return "徐州{word}{trade}有限公司".format(**slots)
        if kind == "association":
            return rnd.choice(places["associations"]).format(**slots)
        return rnd.choice(places["others"]).format(**slots)


def pick_type(ctx: Context, collector: bool) -> Pick:
    """Proposer types for ordinary proposers or for special collectors."""
    if collector:
        return ctx.pick("proposer_types", ctx.weights["collector_types"], only=list(ctx.weights["collector_types"]))
    return ctx.pick("proposer_types", ctx.weights["proposer_types"])
