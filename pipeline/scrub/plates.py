"""Licence plates: a province character, the issuing-office letter (never I
or O), an optional separator (苏C·12345, 苏C 1234X, 苏C-12345) and 5
characters, or 6 for new-energy plates (苏CD12345, 苏C12345D); also the
coach/trailer/police/HK/Macau endings (苏C1234学, 粤Z1234港). Lower-case
letters count (people type 苏c12345). At least two digits must be among the
characters after the letter, so a word such as 云APPLE stays."""

from __future__ import annotations

import re

from . import Family, placeholder

PROVINCES = "京沪津渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
LETTER = "A-HJ-NP-Za-hj-np-z"
MARK = "·•・.\\- "
PLATE = re.compile(
    rf"[{PROVINCES}][ ]?[{LETTER}][ ]?[{MARK}]?[ ]?"
    rf"(?P<tail>[{LETTER}0-9]{{5,6}}|[{LETTER}0-9]{{4}}[挂学警港澳领使试超])(?![A-Za-z0-9])"
)


def plate_ok(match: re.Match) -> bool:
    return sum(char.isdigit() for char in match["tail"]) >= 2


FAMILIES: list[Family] = [Family("plate", "车牌号", placeholder("plate"), PLATE, plate_ok)]
