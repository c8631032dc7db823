"""Details that can single someone out without being an identifier, for the
staff audit report: `flags(text)` returns the kinds found, never removes
anything. Deterministic and fast: one compiled pattern per kind, word lists
in data/sensitive.yaml.

Kinds (stable codes, in this order):
- `age`: an age left in the text (68岁, 八十多岁, 七旬老人, 高龄, 80后), not a
  threshold (60岁以上老人免费乘车, 满18周岁可申请);
- `health`: illness or disability (残疾 癌 瘫痪 抑郁 住院 透析 轮椅 …);
- `workplace`: a named workplace or school (徐州百川科技有限公司, 星光实验小学,
  徐州市第1人民医院), not a generic one (社区医院, 大医院, 物业公司);
- `relative`: a relative of the writer (我女儿, 我母亲, 老伴, 孙子 …).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from .. import yamlio

DATA = Path(__file__).resolve().parent / "data"
HAN = "\u4e00-\u9fff"
CN_DIGIT = "一二三四五六七八九十百零〇两"

KINDS = ("age", "health", "workplace", "relative")


def alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@cache
def patterns() -> dict[str, re.Pattern]:
    with open(DATA / "sensitive.yaml", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yamlio.LOADER)
    # Each pattern starts with a cheap look at the first character, so most
    # positions of a text are passed over at once.
    age = (
        rf"(?=[\d{CN_DIGIT}高古耄花年])"
        rf"(?:(?<![\d{CN_DIGIT}满过于到超])(?:\d{{1,3}}|[{CN_DIGIT}]{{1,4}})(?:多|来|余)?周?岁半?"
        r"(?!以上|以下|以内|及以上|及以下|至|到|-|~|～)"
        rf"|[{CN_DIGIT}]旬|高龄|古稀|耄耋|花甲|年过半百|(?<!\d)[05-9]0后)"
    )
    suffixes = data["workplace_suffixes"]
    suffix = alternation(s for s in suffixes if s != "厂") + ("|厂(?![家商区房长址])" if "厂" in suffixes else "")
    modifier = alternation(data["workplace_modifiers"])
    not_names = {*data["workplace_generic"], *data["workplace_modifiers"]}
    # Fixed-width look-behinds, one per word length.
    not_name = "".join(
        f"(?<!{alternation(w for w in not_names if len(w) == n)})" for n in sorted({len(w) for w in not_names})
    )
    # Matched from the modifier or suffix on: the two characters before it are
    # a proper name (not a generic word or a modifier, not ending in 大 小 各
    # 上 去 …) or 第N.
    first = "".join(sorted({word[0] for word in [*data["workplace_suffixes"], *data["workplace_modifiers"]]}))
    proper = rf"(?<=[{HAN}][^\W\d_A-Za-z大小各该本家所个这那的一每某些老新好上读考进在到去]){not_name}"
    numbered = "|".join(rf"(?<=第[\d{CN_DIGIT}]{{{n}}})" for n in (1, 2, 3))
    workplace = rf"(?=[{first}])(?:{proper}|{numbered})(?:{modifier}){{0,4}}(?:{suffix})"
    relative = (
        rf"(?=[我{''.join(sorted({word[0] for word in data['relative_alone']}))}])"
        rf"(?:我(?:的|家)?(?:{alternation(data['relative_of_writer'])})"
        rf"|(?<!我)(?<!我的)(?:{alternation(data['relative_alone'])}))"
    )
    return {
        "age": re.compile(age),
        "health": re.compile(alternation(data["health"])),
        "workplace": re.compile(workplace),
        "relative": re.compile(relative),
    }


def flags(text: str) -> list[str]:
    """The kinds of singling-out details in a text, in the order of KINDS."""
    if not text:
        return []
    return [kind for kind, pattern in patterns().items() if pattern.search(text)]
