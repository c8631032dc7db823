"""Street addresses below road level: a road or compound followed by house,
building, unit or room numbers. The district (徐州市泉山区), a town (…镇) or a
sub-district (…街道) before it is kept; the road or compound and every number
after it go:

    徐州市泉山区湖北路18号3栋2单元501室  ->  徐州市泉山区【地址已隐去】
    住在民主南路8号                      ->  住在【地址已隐去】

An address is one of
- a road (…路 …街 …大道 …巷 …道) + a house number (18号, 18-1号, 101号院),
  then optionally buildings, units, floors, rooms;
- a compound (…小区 …花园 …家园 …苑 …新村 …公寓 …大厦 …广场 …宿舍 …城 …园 …院)
  + a building (12号楼, 3栋, 5幢, A座) or a house number with more after it
  (12号3单元), or 3-2-501;
- a village (…村) + a group or house number (3组, 12号);
- with any place name or none: a building or house number followed by a unit
  or a room (23号楼2单元402室, 3栋501室, 2单元501), which is an address
  wherever it stands (矿务局宿舍23号楼…).

Kept: a road or place without numbers (湖北路上的公交站台), counts (3个小区,
全市已完成120栋楼加装电梯: a number + 栋 with no named compound before it and
no unit or room after it), metro lines (地铁3号线), document numbers
(徐委办〔2024〕17号), dates and hotline numbers.

The place name before the numbers runs back to the nearest boundary: a
non-Chinese character, a function character (我 在 住 的 到 过 …), a district or
town name. Over-removal of a word or two is possible when a citizen writes a
long run of characters straight before the road; a missed address is not.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from .. import yamlio
from ..config import VOCABULARY_FILE
from . import Family, placeholder

HAN = "\u4e00-\u9fff"

# Characters that never start or sit inside the place name before the numbers
# (pronouns, particles, verbs of living and going).
STOP_CHARS = (
    "我你他她它们的得在住是于到从往去来过了把被给让这那该每共有约近已个些都也就还又再很要会对以并但却等说叫位搬迁至"
    "市县镇乡条本全各此"
)

# Sequences that end a place name: administrative areas that are kept, and
# generic words that are not a compound's name.
STOP_WORDS = (
    "徐州",
    "街道",
    "经过",
    "老旧",
    "周边",
    "附近",
    "各个",
    "多个",
    "部分",
    "一下",
    "反映",
    "发现",
    "看到",
    "看见",
    "对面",
    "旁边",
    "开发区",
    "高新区",
    "新城区",
    "经开区",
)

ROADS = ("路", "大街", "街", "大道", "巷", "胡同")
# …道 is a road too, but not 通道 车道 楼道 街道 渠道 …
ROAD = f"(?:{'|'.join(ROADS)}|(?<![通车楼街渠知轨跑坡隧赛频管航步栈人水国])道)"
COMPOUNDS = (
    "小区",
    "花园",
    "家园",
    "苑",
    "新村",
    "公寓",
    "大厦",
    "广场",
    "社区",
    "宿舍",
    "家属院",
    "大院",
    "山庄",
    "庄园",
    "华庭",
    "华府",
    "公馆",
    "名邸",
    "城",
    "园",
    "湾",
    "郡",
)
COMPOUND = f"(?:{'|'.join(COMPOUNDS)})"

# Words for a road in general, not a road's name (这条路3号起封闭: a date).
GENERIC_ROAD_CHARS = "马公道环线电水铁小走出进思网套条一"
GENERIC_ROAD = f"(?![{GENERIC_ROAD_CHARS}]路)"

DIGITS = r"\d{1,5}"
CN_DIGITS = "一二三四五六七八九十百零〇两"
CN = rf"[{CN_DIGITS}]{{1,4}}"
NUM = rf"(?:{DIGITS}|{CN})"
LETTER_OR_NUM = rf"(?:{DIGITS}|{CN}|[A-Za-z])"
SP = r"\s?"

# A house number after a road: 18号, 18-1号, 甲3号, 101号院, 18号楼 (not 3号线, a document number).
HOUSE = rf"[甲乙丙附]?{NUM}(?:-{DIGITS})?{SP}号(?!线|令|文|字|口|站|地块)(?:院|楼(?![道下上前后顶房梯盘宇群]))?"
# A building: 12号楼, 3栋, 5幢, A座, 2号院.
BUILDING = rf"{LETTER_OR_NUM}{SP}(?:号楼|号院|栋|幢|座)"
UNIT = rf"{NUM}{SP}单元"
FLOOR = rf"{NUM}(?:层|楼(?![道下上前后顶房梯盘宇群]))"
ROOM = rf"(?:{DIGITS}{SP}(?:室|号房|房间|房|户)|[东西中][边]?户)"
BARE_ROOM = rf"{DIGITS}(?![\d年月日号岁元个项次%.万亿千余多名人家件条栋幢层楼期届年套间平米㎡])"
DASH = rf"{DIGITS}-{DIGITS}(?:-{DIGITS})?(?![\d.年月日])"
PHASE = rf"(?:{NUM}期|[东西南北中A-Za-z]区)?"
TOKEN = rf"(?:{BUILDING}|{UNIT}|{FLOOR}|{ROOM}|{HOUSE})"
TAIL = rf"(?:{SP}{TOKEN})*(?:{SP}{BARE_ROOM})?"


@cache
def districts() -> tuple[str, ...]:
    with open(VOCABULARY_FILE, encoding="utf-8") as handle:
        vocabulary = yaml.load(handle, Loader=yamlio.LOADER)
    return tuple(item["name"] if isinstance(item, dict) else str(item) for item in vocabulary["districts"])


def behind(words, not_before: str) -> str:
    """Any of `words` just before (maybe with a space), itself not after one
    of the characters `not_before` (这条路, 老旧小区, 全村: no place's name)."""
    return "|".join(f"(?<=[^{not_before}]{re.escape(word)}{space})" for word in words for space in ("", " "))


def build() -> re.Pattern:
    # A district is kept whole: no place name contains one, nor its tail
    # (山区 of 泉山区).
    kept = {name[i:] for name in districts() for i in range(len(name) - 1)}
    stop = "|".join(sorted({*STOP_WORDS, *kept}, key=len, reverse=True))
    # One character of a place name.
    char = rf"(?:(?!{stop})[^\W\d_A-Za-z{STOP_CHARS}])"
    # Where a place name starts: after a non-Chinese character, a function
    # character, a district, town or sub-district. Or, when the place name
    # cannot be told from the words before it (a run of more than 12
    # characters), the numbers alone go, from their first digit.
    start = rf"(?:(?<![{HAN}])|(?<=[{STOP_CHARS}区])|(?<=街道)|(?<=徐州)|(?=[\dA-Za-z{CN_DIGITS}]))"
    # Quick test before the real work: a digit, a letter or a building word
    # within the next 16 characters (possessive: no backtracking).
    gate = r"(?=[^\W\d_A-Za-z号栋幢座单组室]{0,16}+\s?[\dA-Za-z号栋幢座单组室])"
    strong = (
        rf"(?:{BUILDING}|{LETTER_OR_NUM}号){SP}(?:{UNIT}|{ROOM}){TAIL}"
        rf"|{BUILDING}{SP}{BARE_ROOM}"
        rf"|{UNIT}{SP}(?:{ROOM}|{BARE_ROOM}){TAIL}"
    )
    after_road = rf"{HOUSE}{TAIL}"
    after_compound = rf"{PHASE}{SP}(?:{BUILDING}{TAIL}|{LETTER_OR_NUM}号{SP}{TOKEN}{TAIL}|{DASH})"
    after_village = rf"(?:{NUM}组(?:{SP}{HOUSE})?|{HOUSE}){TAIL}"
    value = (
        rf"{GENERIC_ROAD}{char}{{1,12}}?{ROAD}{SP}{after_road}"
        rf"|{char}{{1,12}}?{COMPOUND}{after_compound}"
        rf"|{char}{{1,10}}?村{SP}{after_village}"
        rf"|{char}{{0,12}}(?:{strong})"
        # the numbers alone, after a road, compound or village name
        rf"|(?<![\dA-Za-z])(?:(?:{behind(ROADS, STOP_CHARS + GENERIC_ROAD_CHARS)}){after_road}"
        rf"|(?:{behind(COMPOUNDS, STOP_CHARS + '旧边')}){after_compound}"
        rf"|(?:{behind(['村'], STOP_CHARS + '农')}){after_village})"
    )
    return re.compile(rf"{start}{gate}(?P<value>{value})")


PATTERN = build()

FAMILIES: list[Family] = [Family("address", "地址", placeholder("address"), PATTERN)]
