"""Turning text into safe HTML, and the small Jinja filters the theme uses.

With Jinja2 autoescape on, every string from the data is escaped in the
templates. The only HTML that reaches a page unescaped is what passes through
:func:`sanitize_html` (a strict nh3 allow-list) and comes back as ``Markup``.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a",
    "blockquote", "code", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip
# span lang: the English hand-written pages quote Chinese (the programme's name, placeholders).
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "span": {"lang"}}
URL_SCHEMES = {"https", "mailto"}
LINK_REL = "noopener noreferrer"
_REL_WITHOUT_HREF = re.compile(rf'<a((?: (?!href=)[a-z-]+="[^"]*")*) rel="{LINK_REL}">')


def _relative_url(url: str) -> str | None:
    """Keep site-relative links; drop protocol-relative ones (``//host``, ``/\\host``)."""
    return None if url[:2].replace("\\", "/") == "//" or url.startswith("\\") else url


def sanitize_html(html: str) -> Markup:
    """Clean an HTML fragment with the allow-list above and mark it safe."""
    cleaned = nh3.clean(
        str(html),
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        url_relative=_relative_url,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    # nh3 adds rel even to a link whose URL it dropped; rel without href is invalid HTML.
    return Markup(_REL_WITHOUT_HREF.sub(r"<a\1>", cleaned))


def render_markdown(text: str) -> Markup:
    """Staff Markdown → sanitised HTML.

    Raw HTML in the source is not passed through: Python-Markdown's HTML
    handling is switched off, so ``<b>`` shows as text. nh3 then removes
    anything else that is not on the allow-list (e.g. ``javascript:`` links).
    """
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return sanitize_html(md.convert(text))


def paragraphs(text: str | None) -> list[str]:
    """Plain text → its non-empty lines, each one paragraph (escaped by the template)."""
    if not text:
        return []
    return [line.strip() for line in str(text).splitlines() if line.strip()]


def format_number(value: int | float) -> str:
    """Numbers as the data gives them: ``148``, ``3.5`` (a whole float shows as an integer)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def change_percent(before: int | float | None, after: int | float) -> int | None:
    """Relative change in whole percent, rounded half away from zero; None if undefined."""
    if before is None or before == 0:
        return None
    ratio = (Decimal(str(after)) - Decimal(str(before))) / Decimal(str(before)) * 100
    return int(ratio.quantize(Decimal(1), rounding=ROUND_HALF_UP))


FILTERS = {
    "sanitize_html": sanitize_html,
    "paragraphs": paragraphs,
    "number": format_number,
}
