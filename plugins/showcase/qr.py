"""The QR code of an outcome page's permanent URL, for the printed sheet.

Inline SVG made at build time with segno: no image request, no JavaScript,
the same bytes on every build (segno chooses the mask deterministically). The
code is drawn only for an absolute URL (a build with ``SITEURL``): a phone's
camera cannot open a bare path, so a relative preview prints the URL as text
only. The SVG is ``aria-hidden``: the same URL is printed as text beside it.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

QUIET_ZONE = 4  # modules of white border the QR standard asks for
ERROR_LEVEL = "m"  # ~15 % of the code may be damaged (a fold, a stain on a notice board)


def qr_svg(url: str) -> Markup:
    """``<svg class="qr" ...>`` encoding ``url``; empty when ``url`` is not absolute."""
    if not url.startswith(("https://", "http://")):
        return Markup("")
    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)
    svg = code.svg_inline(scale=1, border=QUIET_ZONE, omitsize=True, svgclass="qr", lineclass=None)
    # segno writes no ARIA attributes: hide the drawing, the URL beside it is the accessible text.
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))


FILTERS = {"qr_svg": qr_svg}
