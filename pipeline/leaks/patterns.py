"""The families of personal data the scanner looks for: a few compiled
patterns and an optional validator per family, run over folded text (see
text.py: NFKC, entities decoded, so digits are ASCII and `：` is `:`).

Family codes are stable: they appear in reports and in tests. The order of
FAMILIES is the priority when two findings overlap (the first one is kept)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from . import checks

# A number ends where no other digit or ASCII letter touches it, and not
# before a decimal part (SVG coordinates, floats). Its start is checked the
# same way: by a look-behind placed after the first character, or by
# _starts_alone(), so every pattern begins with a literal or a character
# class and the regex engine can skip ahead fast (this is what keeps a scan
# of 30,000 files in seconds).
END = r"(?![0-9A-Za-z])(?!\.\d)"
SEP = r"[ \-.\u2010-\u2015]"  # one separator inside a phone number
ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
DIGITS = frozenset("0123456789")


def _first(chars: str) -> str:
    """The first character of a number, not touching a digit, a letter or a decimal point."""
    return f"{chars}(?<![0-9A-Za-z]{chars})(?<!\\d\\.{chars})"


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅侯邹熊孟秦邱江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃"
    "武戴莫孔汤尤殷庞樊倪聂葛祝"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯")
# Two-character words that begin with a surname and can end a clause ("本人徐州人，").
NOT_NAMES = (
    "徐州|江苏|高兴|周边|周围|马上|安全|成员|任何|谢谢|路过|申请|金额|石头|夏天|龙头|贾汪|邵阳|黄金|"
    "何时|何处|许多|许可|严重|孟子|孔子|宋代|唐代|秦汉|范围|程序|苏州|江南|余额|杜绝|叶子|陶瓷|钱款"
)


@dataclass(frozen=True)
class Probe:
    """A pattern, run only on text containing one of its triggers (if any)."""

    pattern: re.Pattern
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    code: str
    label: str  # Chinese, for staff
    probes: tuple[Probe, ...]
    valid: Callable[[re.Match], bool] | None = None
    # Long numbers only: run only around a run of 11+ digits (NUMBER_RUN).
    numeric: bool = False


# A run of at least 11 digits (a landline with its area code, a mobile, an
# ID, a card), with at most two separator characters between two digits.
# Most published files have none (a case id has 10), so the numeric families
# are skipped for them.
NUMBER_RUN = re.compile(r"\d(?<!\d\d)(?:[ \-.()\u2010-\u2015]{0,2}\d){10,}")
WINDOW_BEFORE, WINDOW_AFTER = 6, 3  # room for +86 / 0086 / ( before, X and a look-ahead after


def _starts_alone(text: str, start: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    return before not in ALNUM and not (before == "." and start > 1 and text[start - 2] in DIGITS)


def _text(check: Callable[[str], bool]) -> Callable[[re.Match], bool]:
    return lambda match: check(match.group(0))


def _number_alone(match: re.Match) -> bool:
    return _starts_alone(match.string, match.start())


def _cue_alone(match: re.Match) -> bool:
    """An ASCII cue (QQ) is a word of its own, not the end of one."""
    start = match.start()
    return match.string[start] not in LETTERS or start == 0 or match.string[start - 1] not in LETTERS


def _address(match: re.Match) -> bool:
    """At least two levels of a house number, one of them below the street
    number: 18号3栋, 3栋2单元, 2单元501, 1号501室; never 湖北路18号 or
    〔2024〕17号 alone, nor 18号301 (a bare number after a street number)."""
    block, entry = match.group("block"), match.group("entry")
    building, unit, room, bare = (match.group(g) for g in ("building", "unit", "room", "bare"))
    if (block and building) or (entry and (building or unit)):
        return False  # 3栋5栋, 2单元3栋: not a house number
    below = any((block, entry, building, unit))
    levels = 1 + sum(part is not None for part in (building, unit, room)) + (bare is not None and below)
    return levels >= 2 and (below or room is not None)


MOBILE = re.compile(_first("1") + r"[3-9]\d(?:" + SEP + r"?\d{4}){2}" + END)
MOBILE_INTL = re.compile(r"(?:\+86|0086|86)[ \-]?1[3-9]\d(?:" + SEP + r"?\d{4}){2}" + END)
# A mobile glued to an English phone label (Tel13812345678): MOBILE alone skips a number touching a
# letter, because asset names and hashes put digits next to letters; these labels are not hex.
MOBILE_CUED = re.compile(
    r"(?:[Tt]el|TEL|[Pp]hone|PHONE|[Mm]ob(?:ile)?|MOB(?:ILE)?|[Cc]ell|CELL)1[3-9]\d(?:" + SEP + r"?\d{4}){2}" + END
)
LANDLINE = re.compile(
    r"(?:\(0\d{2,3}\)|0\d{2,3}|(?:\+86|0086)[ \-]?[1-9]\d{1,2})" + SEP + r"?[2-9]\d{2,3}[ \-]?\d{4}" + END
)
ID_18 = re.compile(
    _first("[1-9]")
    + r"\d{5}[ \-.]?(?:18|19|20)\d{2}[ \-.]?(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-.]?\d{3}[\dXx]"
    + END
)
ID_15 = re.compile(_first("[1-9]") + r"\d{5}[ \-.]?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ \-.]?\d{3}" + END)
BANK_CARD = re.compile(_first("[3-69]") + r"\d{3}(?:[ \-.]?\d{4}){3}(?:[ \-.]?\d{1,3})?" + END)
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:@|\s?[\[(]at[\])]\s?)"
    r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}"
    r"(?![A-Za-z0-9\-])",
    re.IGNORECASE,
)
_HANDLE = r"(?P<v>[A-Za-z][\-_A-Za-z0-9]{5,19})(?![\-_A-Za-z0-9])"  # a WeChat id: 6-20, a letter first
WECHAT_ZH = re.compile(r"信(?<=[微威薇Vv]信)(?:号码?|账号|ID|id)?[ :]*" + _HANDLE)
WECHAT_VX = re.compile(r"[Xx](?<=[VvWw][Xx])(?<![A-Za-z][VvWw][Xx])(?:号码?|账号|[ :])[ :]*" + _HANDLE)
WECHAT_EN = re.compile(r"[Ww](?<![A-Za-z][Ww])(?:e[Cc]hat|eixin)(?:号码?|账号|[ :])[ :]*" + _HANDLE)
QQ = re.compile(r"(?:QQ|qq|Qq|扣扣)(?:号码?|账号)?[ :]*(?P<v>[1-9]\d{4,10})(?!\d)")
PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Za-hj-np-z][ ·\-]?"
    r"(?:[DFdf][A-HJ-NP-Za-hj-np-z0-9]\d{4}|\d{5}[DFdf]|[A-HJ-NP-Za-hj-np-z0-9]{5})(?![A-Za-z0-9])"
)
ADDRESS = re.compile(
    _first(r"\d") + r"\d{0,4}(?:(?P<house>号院?(?!楼))|(?P<block>号楼|栋|幢|座|号院)|(?P<entry>单元))-?"
    r"(?:(?P<building>\d{1,4}|[A-Za-z])(?:号楼|栋|幢|座|号院)-?)?"
    r"(?:(?P<unit>\d{1,2})单元-?)?"
    r"(?:(?P<room>\d{1,5})(?:室|号房|房)|(?P<bare>\d{3,4})(?![0-9号栋幢座单]))?"
)
NAME_CUE = re.compile(
    r"(?:我叫|本人|建议人|联系人|反映人|姓名|署名)[ :]*"
    r"(?P<v>(?!(?:" + NOT_NAMES + r"))(?:" + "|".join(COMPOUND_SURNAMES) + r"|[" + SURNAMES + r"])"
    r"(?!先生|女士|同志|师傅|老师|某)[\u4e00-\u9fff]{1,2})"
    r"(?=[,。.;、:!?)\s“”\"'<]|$|同志|先生|女士)"
)
_DATE = r"(?:18|19|20)\d{2} ?(?:年(?: ?\d{1,2} ?月(?: ?\d{1,2} ?日)?)?|[./\-]\d{1,2}(?:[./\-]\d{1,2})?)"
BIRTH_AFTER = re.compile(r"出生(?:于|在|日期|年月)?[ :]*" + _DATE)
BIRTH_BORN = re.compile(r"生(?<![发产诞衍催派寄共]生)于 ?(?:19|20)\d{2} ?年")
BIRTH_BEFORE = re.compile(r"(?:19|20)\d{2} ?年 ?\d{1,2} ?月(?: ?\d{1,2} ?日)? ?出生")
BIRTHDAY = re.compile(r"生日[是为: ]*(?:(?:19|20)\d{2} ?年 ?)?\d{1,2} ?月 ?\d{1,2} ?日")

RAW_VALUE = "raw_value"
# A two-character name of the export found in the middle of a run of Chinese
# characters with no cue around it: as likely a word (高峰 in 早高峰拥堵, 关建 in
# 相关建议) as a person. Reported separately, for a person to look at.
RAW_SHORT_NAME = "raw_short_name"
UNREADABLE = "unreadable"

FAMILIES: tuple[Family, ...] = (
    Family("id_number", "疑似身份证号", (Probe(ID_18), Probe(ID_15)), _text(checks.id_number), numeric=True),
    Family("bank_card", "疑似银行卡号", (Probe(BANK_CARD),), _text(checks.bank_card), numeric=True),
    Family("mobile", "疑似手机号", tuple(map(Probe, (MOBILE, MOBILE_INTL, MOBILE_CUED))), _number_alone, numeric=True),
    Family("landline", "疑似固定电话", (Probe(LANDLINE),), _number_alone, numeric=True),
    Family("email", "疑似电子邮箱", (Probe(EMAIL, ("@", "(at)", "[at]", "(AT)", "[AT]")),), _text(checks.email)),
    Family("qq", "疑似QQ号", (Probe(QQ, ("QQ", "qq", "Qq", "扣扣")),), _cue_alone),
    Family(
        "wechat",
        "疑似微信号",
        (
            Probe(WECHAT_ZH, ("信",)),
            Probe(WECHAT_VX, ("vx", "VX", "Vx", "vX", "wx", "WX", "Wx", "wX")),
            Probe(WECHAT_EN, ("echat", "eChat", "ECHAT", "eixin", "EIXIN")),
        ),
    ),
    Family("plate", "疑似车牌号", (Probe(PLATE),), _text(checks.plate)),
    Family(
        "birth",
        "疑似出生日期",
        (
            Probe(BIRTH_AFTER, ("出生",)),
            Probe(BIRTH_BORN, ("生于",)),
            Probe(BIRTH_BEFORE, ("出生",)),
            Probe(BIRTHDAY, ("生日",)),
        ),
    ),
    Family(
        "address", "疑似详细住址", (Probe(ADDRESS, ("栋", "幢", "座", "单元", "号楼", "号院", "室", "房")),), _address
    ),
    Family("name_cue", "疑似姓名", (Probe(NAME_CUE, ("我叫", "本人", "建议人", "联系人", "反映人", "姓名", "署名")),)),
)

# Every trigger, found in one pass. A match hides a trigger that overlaps it
# (出生于 hides 生于): those are looked up separately when their neighbour is found.
_ALL_TRIGGERS = sorted({t for f in FAMILIES for p in f.probes for t in p.triggers}, key=len, reverse=True)
TRIGGERS = re.compile("|".join(re.escape(t) for t in _ALL_TRIGGERS))
HIDDEN = {
    t: tuple(u for u in _ALL_TRIGGERS if u != t and (u in t or any(t.endswith(u[:k]) for k in range(1, len(u)))))
    for t in _ALL_TRIGGERS
}


def triggers_in(text: str) -> set[str]:
    present = set(TRIGGERS.findall(text))
    for found in list(present):
        present.update(u for u in HIDDEN[found] if u not in present and u in text)
    return present


LABELS = {
    RAW_VALUE: "原始导出中的个人信息",
    RAW_SHORT_NAME: "原始导出中的双字姓名，位于词语中间（请人工核对）",
    **{family.code: family.label for family in FAMILIES},
    UNREADABLE: "无法读取，未能检查",
}
# Overlapping findings: the raw export's own value wins, then FAMILIES order.
PRIORITY = {code: rank for rank, code in enumerate(LABELS)}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    family: str


def number_windows(text: str) -> list[tuple[int, int]]:
    """(pos, endpos) around each run of 11+ digits, merged when they touch."""
    windows: list[tuple[int, int]] = []
    for match in NUMBER_RUN.finditer(text):
        start, end = max(0, match.start() - WINDOW_BEFORE), min(len(text), match.end() + WINDOW_AFTER)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def find(text: str) -> list[Hit]:
    """Every finding of every family in folded text."""
    hits: set[Hit] = set()
    whole = [(0, len(text))]
    present = triggers_in(text)
    numbers = None
    for family in FAMILIES:
        if family.numeric:
            numbers = number_windows(text) if numbers is None else numbers
        for probe in family.probes:
            if probe.triggers and present.isdisjoint(probe.triggers):
                continue
            spans = "v" in probe.pattern.groupindex
            for pos, endpos in numbers if family.numeric else whole:
                for match in probe.pattern.finditer(text, pos, endpos):
                    if family.valid and not family.valid(match):
                        continue
                    start, end = match.span("v") if spans else match.span()
                    if end > start:
                        hits.add(Hit(start, end, family.code))
    return list(hits)


def resolve(hits: list[Hit]) -> list[Hit]:
    """One finding per stretch of text, the higher-priority one; by position."""
    starts: list[int] = []
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (PRIORITY[h.family], h.start, h.end)):
        index = bisect_left(starts, hit.start)
        if (index and kept[index - 1].end > hit.start) or (index < len(kept) and kept[index].start < hit.end):
            continue
        starts.insert(index, hit.start)
        kept.insert(index, hit)
    return kept
