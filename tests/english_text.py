"""Checks shared by the tests of the English texts: Chinese outside elements marked lang="zh-…"."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

# Han characters and CJK punctuation (、，（）【】…): none may be outside a lang="zh-…" element.
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def chinese_outside_lang_zh(html: str) -> list[str]:
    """The CJK characters of ``html`` (text and attribute values) outside elements marked lang="zh-…"."""
    soup = BeautifulSoup(html, "html.parser")
    for marked in soup.find_all(lang=re.compile(r"^zh-")):
        marked.decompose()
    found = CJK.findall(soup.get_text())
    found += [c for tag in soup.find_all(True) for value in tag.attrs.values() for c in CJK.findall(str(value))]
    return found
