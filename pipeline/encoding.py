"""A CSV's encoding: UTF-8 (with or without BOM), else GB18030 (what Excel
writes on Chinese Windows; a superset of GBK, so rare name characters
survive). UTF-16 (Excel's "Unicode text") is recognised and refused with a
hint; a file mixing UTF-8 and GB18030 rows is recognised after parsing."""

from __future__ import annotations

import codecs
import re

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# UTF-16 text has a zero byte beside every ASCII character (commas, digits,
# line ends): at least this share of one byte position in the first 4 KB,
# and four times the other position's share (CJK code points such as 一
# U+4E00 put the odd zero byte there).
UTF16_ZERO_SHARE = 0.1
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _decodes(sample: bytes, encoding: str, whole: bool) -> bool:
    try:
        codecs.getincrementaldecoder(encoding)().decode(sample, final=whole)
        return True
    except UnicodeDecodeError:
        return False


def looks_utf16(data: bytes) -> bool:
    """A BOM or the zero-byte pattern, and the start decodes as UTF-16."""
    sample, whole = data[:4096], len(data) <= 4096
    if data[:2] in UTF16_BOMS:
        return _decodes(sample, "utf-16", whole)
    half = len(sample) // 2
    if half < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    high, low = max(even, odd), min(even, odd)
    if high < half * UTF16_ZERO_SHARE or high < 4 * low:
        return False
    return _decodes(sample, "utf-16-be" if even > odd else "utf-16-le", whole)


def _line_kind(line: bytes) -> bool | None:
    """True: UTF-8 Chinese; False: GB18030 that is not UTF-8; None: ASCII
    (either). Raises UnicodeDecodeError for neither."""
    if line.isascii():
        return None
    try:
        return bool(CJK.search(line.decode("utf-8")))
    except UnicodeDecodeError:
        line.decode("gb18030")
        return False


def decode(data: bytes, limit: int = 5) -> tuple[str | None, list[int]]:
    """-> (text, []) for a UTF-8 or GB18030 file; (text, first physical
    lines in the minority encoding) when its lines mix the two (GB18030
    would decode a UTF-8 line into mojibake, so each line is classified);
    (None, []) when it is neither."""
    if data.startswith(UTF8_BOM):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")  # neither encoding has 0x0A inside a character
    kinds: dict[bool, list[int]] = {True: [], False: []}
    try:
        for number, line in enumerate(lines, start=1):
            kind = _line_kind(line)
            if kind is not None:
                kinds[kind].append(number)
    except UnicodeDecodeError:
        return None, []
    if kinds[True] and kinds[False]:
        utf8 = set(kinds[True])
        text = "\n".join(
            line.decode("utf-8" if number in utf8 else "gb18030") for number, line in enumerate(lines, start=1)
        )
        return text, min(kinds.values(), key=len)[:limit]
    return data.decode("gb18030"), []
