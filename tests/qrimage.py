"""Read a QR code drawn as inline SVG back: rasterise the modules of segno's
path (``M x y``, ``m dx dy``, ``h n``: each horizontal run of dark modules is a
stroke one module high, centred half a module below the row's top) to a numpy
image and decode it with zxing-cpp. Any other path command is refused, so a
change of the drawing cannot be silently misread."""

from __future__ import annotations

import re

import numpy as np
import zxingcpp

COMMAND = re.compile(r"([A-Za-z])\s*(-?[\d.]+)(?:[\s,]+(-?[\d.]+))?")
PIXELS_PER_MODULE = 8


def modules(svg) -> np.ndarray:
    """The module grid of a BeautifulSoup ``<svg>`` tag: True where dark."""
    _, _, width, height = (int(float(n)) for n in svg["viewbox"].split())
    grid = np.zeros((height, width), dtype=bool)
    x = y = 0.0
    for path in svg.find_all("path"):
        data = path["d"]
        assert COMMAND.sub("", data).strip() == "", f"unexpected path syntax in {data[:60]}"
        for command, first, second in COMMAND.findall(data):
            a = float(first)
            if command == "M":
                x, y = a, float(second)
            elif command == "m":
                x, y = x + a, y + float(second)
            elif command == "h":
                row, start = int(y - 0.5), int(x)
                grid[row, start : start + int(a)] = True
                x += a
            else:
                raise AssertionError(f"path command {command!r} is not read here")
    return grid


def decode(svg) -> list[str]:
    """The texts of every QR code zxing-cpp finds in the drawing."""
    dark = modules(svg)
    image = np.where(dark, 0, 255).astype(np.uint8)
    image = np.kron(image, np.ones((PIXELS_PER_MODULE, PIXELS_PER_MODULE), dtype=np.uint8))
    return [found.text for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]
