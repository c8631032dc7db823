"""The order in which families run. Longer, more specific shapes go first,
so an 18-digit ID number is not taken for a mobile number plus digits, and an
e-mail address is removed before its digits are looked at."""

from __future__ import annotations

from . import Family, addresses, birth, contacts, identity, names, phones, plates

ORDER: list[Family] = [
    *contacts.FAMILIES,  # e-mail, WeChat, QQ (cue words)
    *identity.FAMILIES,  # resident ID numbers, bank cards
    *phones.FAMILIES,  # mobiles, landlines
    *plates.FAMILIES,
    *birth.FAMILIES,  # dates of birth and ages, with a cue
    *addresses.FAMILIES,
    *names.FAMILIES,  # names after cue words
]
