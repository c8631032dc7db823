"""E-mail addresses, WeChat ids and QQ numbers.

E-mail: user@domain.tld (the full-width ＠ is folded already), also the
spam-proof spellings "zhang at 163.com", "zhang(at)163.com", "zhang#163.com"
and a bare provider without its .com ("zhang@163").

WeChat and QQ: only after a cue word (微信, 微信号, VX, V信, wx, weixin, QQ,
扣扣, Q号 ...); the cue stays, the value (named group `value`) goes. A WeChat
id is what WeChat allows (a letter, then 5-19 letters, digits, _ or -; a
little longer is tolerated) or a 6-12 digit number; an 11-digit mobile after
a WeChat cue is left to the mobile family, so it reads 【手机号已隐去】. A QQ
number is 5-12 digits not starting with 0. A few English words after 微信
(WeChat, Moments ...) are not ids. A count after the cue (QQ群12000人) is not
a value."""

from __future__ import annotations

import re

from . import Family, placeholder

# Patterns start with a character (class) and look back only after it, so re
# jumps between candidate first characters in C (see phones.py).
LOCAL_PART = r"[A-Za-z0-9](?<![A-Za-z0-9._%+-].)[A-Za-z0-9._%+-]{0,63}"
DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"
PROVIDER = r"(?:163|126|139|189|qq|QQ|sina|sohu|yeah|foxmail|gmail|hotmail|outlook|aliyun|yahoo)(?![A-Za-z0-9.@-])"
SPELLED_AT = r"(?:[ ]*[(\[（【][ ]*(?:at|AT)[ ]*[)\]）】][ ]*|[ ]+(?:at|AT)[ ]+|[ ]*#[ ]*)"
EMAIL = re.compile(rf"{LOCAL_PART}(?:[ ]?@[ ]?(?:{DOMAIN}|{PROVIDER})|{SPELLED_AT}{DOMAIN})")

GAP = r"(?:[ :：（(]|是|为){0,4}"
# Counts and amounts after a cue are not ids: QQ群12000人, 微信群300000人.
UNIT = r"(?![ ]?(?:万|亿|元|人|户|次|件|个|家|条|%|余|多|名|位|年|热线))"

WECHAT_CUE = (
    r"(?:微信|薇信|加[Vv](?![A-Za-z0-9])"
    r"|V(?<![A-Za-z0-9]V)(?:信|[Xx])|v(?<![A-Za-z0-9]v)(?:信|[Xx])"
    r"|W(?<![A-Za-z0-9]W)(?:[Xx]|eixin|EIXIN|e[Cc]hat|ECHAT)|w(?<![A-Za-z0-9]w)(?:[Xx]|eixin|e[Cc]hat))"
)
WECHAT_AFTER = r"(?:[ ]?(?:号码|账号|帐号|号|名|ID|id|Id)(?![A-Za-z]))?"
WECHAT_VALUE = r"[A-Za-z][A-Za-z0-9_-]{5,29}(?![A-Za-z0-9_-])|[0-9]{6,12}(?![0-9A-Za-z_-])" + UNIT
WECHAT = re.compile(rf"{WECHAT_CUE}{WECHAT_AFTER}{GAP}(?P<value>{WECHAT_VALUE})")
NOT_WECHAT_IDS = {
    "wechat",
    "weixin",
    "official",
    "account",
    "accounts",
    "moments",
    "channel",
    "channels",
    "groups",
    "miniprogram",
    "program",
    "qrcode",
    "search",
    "online",
    "public",
    "service",
}
MOBILE_SHAPED = re.compile(r"1[3-9]\d{9}")


def wechat_ok(match: re.Match) -> bool:
    value = match["value"]
    return value.lower() not in NOT_WECHAT_IDS and not MOBILE_SHAPED.fullmatch(value)


QQ_CUE = (
    r"(?:Q(?<![A-Za-z0-9]Q)(?:[Qq](?:号码|账号|帐号|号|群号|群)?(?![A-Za-z])|号码?)"
    r"|q(?<![A-Za-z0-9]q)[Qq](?:号码|账号|帐号|号|群号|群)?(?![A-Za-z])"
    r"|扣扣(?:号码|号)?|企鹅号)"
)
QQ = re.compile(rf"{QQ_CUE}{GAP}(?P<value>[1-9]\d{{4,11}})(?!\d){UNIT}")

FAMILIES: list[Family] = [
    Family("email", "电子邮箱", placeholder("email"), EMAIL),
    Family("wechat", "微信号", placeholder("wechat"), WECHAT, wechat_ok),
    Family("qq", "QQ号", placeholder("qq"), QQ),
]
