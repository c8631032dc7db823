"""Names of people, known or not, found by what stands around them.

A name is a common surname (data/surnames.txt: single or compound, 欧阳 司马 …)
and one or two given-name characters, stopping before punctuation, spaces and
function characters (是 的 在 住 也 说 等 …, and 和我, 家住, 今年, 电话 …). Only
the name is replaced; the cue word stays:

    我叫王建国，…      ->  我叫【姓名已隐去】，…
    邻居张金凤和我     ->  邻居【姓名已隐去】和我

Where a name is taken (cue words in data/cues.yaml):
- after a strong cue (我叫, 建议人, 联系人, 户主 …) or a label followed by
  ：, a space, 是 or 为 (姓名：, 签名 , 署名：; not 同意署名时);
- after a relational cue (邻居, 同事, 家属, 业主, 我爱人, 老伴, 我母亲 …);
- after a weak cue (我是, 本人, 同楼的, 楼下的, 隔壁 …) only when punctuation,
  a space, the end of the text or a continuation (家住, 今年, 电话, 也 …)
  follows, or as surname + title (隔壁的王大爷): 我是王建国，… is a name,
  我是一名教师 / 我是市民 / 我是外卖骑手 / 我是徐州人 are not;
- before a report of what the person said (之前刘斌也提过, 王五反映过,
  王五等人反映);
- at the start of a text or after markup before ：(王建国：关于…), or in
  brackets (（王建国 138…）);
- surname + title (张先生 李女士 王师傅 刘阿姨 陈老师 …): a weak identifier, but
  cheap to drop, so it is scrubbed after a cue or when it stands alone (at
  the start of a clause, after punctuation, after 的 是 和 给 找 这位 …), title
  included: 是王师傅帮忙 -> 是【姓名已隐去】帮忙. Kept: surname-only nicknames
  (老王, 小李), titles after an ordinary word (保安师傅, 宿管阿姨, 班主任).

A candidate that begins with an everyday word (关系, 方面, 高血压, 徐州人 …:
`not_names` in data/cues.yaml) is left alone; after a weak cue a candidate
that ends like a role (…人 …员 …者 …户) is too. Rare surnames that are everyday
function words (和 都 那 于老师 ← 对于老师 …) are left out on purpose: a
precision choice documented in data/surnames.txt and cues.yaml.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from .. import yamlio
from . import Family, placeholder

DATA = Path(__file__).resolve().parent / "data"
HAN = "\u4e00-\u9fff"

# Characters that end a name (never, or almost never, a given-name character).
STOP_CHARS = (
    "是的在住也说等都就还了着过被把给让对从到跟因患没不很已与及或并但却吗呢吧啊呀们个位该这那些每"
    "今岁号电手反提带讲问找帮打看告写拿买卖骑要觉认表称请叫当去上下"
)
# Sequences that end a name, though their first character may be part of one.
STOP_WORDS = (
    "和我|和他|和她|和你|和大|和邻|和家|和同|和老|和其|和社|和物|和一|和孩|和周|"
    "家住|家在|家里|家人|家属|家中|家门|家的|家楼|"
    "一起|一家|一直|一同|一样|一个|一位|一名|一次|"
    "本人|同志|同意|同学|同事|同住|老人|老师|现年|现在|现住|年龄|联系|身份|建议|"
    "先生|女士|小姐|师傅|阿姨|大爷|大妈|大娘|大姐|大哥|大叔|多次|经常|平时|上周|上月|上午|下午|曾经"
)
PUNCT = r"[\s，,。.；;：:！!？?、（）()【】「」《》“”\"'…—\-/]"
# After a weak cue, a candidate ending like a role (徐州人, 管理员) is not a name.
ROLE_ENDINGS = "人员者户客工师士手们家"


@cache
def cues() -> dict:
    with open(DATA / "cues.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yamlio.LOADER)


@cache
def surnames() -> tuple[list[str], list[str]]:
    """(compound, single) surnames from data/surnames.txt."""
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return [n for n in names if len(n) > 1], [n for n in names if len(n) == 1]


def alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def build() -> re.Pattern:
    data = cues()
    compound, single = surnames()
    surname = f"(?:{alternation(compound)}|[{''.join(single)}])"
    given = rf"(?:(?!{STOP_WORDS})[^\W\d_A-Za-z{STOP_CHARS}])"
    titles = alternation(data["titles"])
    name = rf"{surname}(?:(?:{titles})|{given}{{1,2}}(?:{alternation(data['full_name_titles'])})?)"
    # Where a name may stand with no cue before it.
    before = "的是叫和与跟向给找请让被把对及我他她说问帮陪带见称为了位名前后"
    boundary = rf"(?:(?<![{HAN}])|(?<=[{before}])|(?<=之前|以前|曾经|当时))"
    weak_end = rf"(?:{PUNCT}|$|{alternation(data['continuations'])})"
    title_end = "|".join(f"(?<={re.escape(title)})" for title in data["titles"])
    cue = (
        rf"(?:{alternation(data['strong'])})[：:\s]{{0,2}}"
        rf"|(?:{alternation(data['labels'])})(?:[：:\s]{{1,2}}|是|为)"
        rf"|(?:{alternation(data['relational'])})[：:\s]?"
        rf"|(?P<weak>{alternation(data['weak'])})[：:\s]?"
        rf"|(?P<head>^|(?<=[\n>]))"
        rf"|(?P<bracket>(?<=[（(]))"
        rf"|(?P<free>{boundary})"
    )
    checks = (
        rf"(?(weak)(?:{title_end}|(?={weak_end})))"
        rf"(?(head)(?=[：:]))"
        rf"(?(bracket)(?=[\s【\d）),，]))"
        rf"(?(free)(?:{title_end}|(?={alternation(data['reported'])})))"
    )
    # A cheap look at the first character first: a cue word's or a surname's.
    cue_words = [*data["strong"], *data["labels"], *data["relational"], *data["weak"]]
    first = "".join(sorted({word[0] for word in cue_words} | {name[0] for name in compound} | set(single)))
    return re.compile(rf"(?=[{re.escape(first)}])(?:{cue})(?P<value>{name}){checks}")


@cache
def refused() -> tuple[frozenset[str], frozenset[str]]:
    data = cues()
    return frozenset(data["not_names"]), frozenset(data["not_title_surnames"])


def accept(match: re.Match) -> bool:
    value = match["value"]
    not_names, not_title_surnames = refused()
    if value[:2] in not_names or value[:3] in not_names:
        return False
    if match["weak"] is not None and value[-1] in ROLE_ENDINGS and not value.endswith(tuple(cues()["titles"])):
        return False
    return not (match["free"] is not None and value[0] in not_title_surnames)


PATTERN = build()

FAMILIES: list[Family] = [Family("name", "姓名", placeholder("name"), PATTERN, accept)]
