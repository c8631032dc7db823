"""Published text is still hostile: before it reaches a terminal or a pull
request, control and invisible formatting characters (an ANSI escape, a
right-to-left override) are shown as <U+XXXX> instead of acting."""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    return "".join(
        f"<U+{ord(char):04X}>" if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
