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


def decode(data: bytes) -> tuple[str | None, str | None]:
    """-> (text, encoding used) or (None, None) when it is neither encoding."""
    if data.startswith(UTF8_BOM):
        data = data[3:]
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, None


def utf8_in_disguise(record: list[str]) -> bool | None:
    """For a record decoded as GB18030: True if its bytes are really UTF-8
    Chinese text (mojibake), False if they are GB18030 that is not UTF-8,
    None if it is plain ASCII (either encoding)."""
    raw = "".join(record).encode("gb18030")
    if raw.isascii():
        return None
    try:
        return bool(CJK.search(raw.decode("utf-8")))
    except UnicodeDecodeError:
        return False


def mixed_rows(rows: list[tuple[int, list[str]]], limit: int = 5) -> list[int] | None:
    """Rows of a GB18030-decoded file that are in the minority encoding when
    the file mixes UTF-8 and GB18030 rows (None: it does not). `rows`: (Excel
    row, record)."""
    kinds: dict[bool, list[int]] = {True: [], False: []}
    for number, record in rows:
        kind = utf8_in_disguise(record)
        if kind is not None:
            kinds[kind].append(number)
    if not kinds[True] or not kinds[False]:
        return None
    minority = min(kinds.values(), key=len)
    return minority[:limit]
