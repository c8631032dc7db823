"""A small line chart written as SVG by hand (no plotting library): lines with labelled points
on linear axes from zero, "nice" ticks, a legend, and a <title>/<desc> for screen readers.
The same numbers give the same bytes."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

WIDTH, HEIGHT = 680, 420
LEFT, RIGHT, TOP, BOTTOM = 70, 60, 80, 60  # margins: title and legend above the plot
LEGEND_Y, LEGEND_SPACING = 50, 180
LABEL_GAP = 13  # pixels between the value labels of points at the same x
# Colour and dash per line, so the lines differ without colour too.
STYLES = [("#1f5fa8", ""), ("#c2410c", "6 4"), ("#4d7c0f", "2 3"), ("#6b21a8", "10 3 2 3")]


def nice_step(top: float, ticks: int = 5) -> float:
    """A tick step of 1, 2 or 5 × 10^k giving about ``ticks`` steps up to ``top``."""
    raw = max(top, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def label_heights(points: list[tuple[str, float, float]]) -> dict[tuple[str, float], float]:
    """The baseline of each point's value label ((line, x) -> y): just above the point, pushed
    down where labels of points at the same x would overlap."""
    heights: dict[tuple[str, float], float] = {}
    for x in sorted({x for _, x, _ in points}):
        previous = None
        for name, _, y in sorted((p for p in points if p[1] == x), key=lambda p: p[2]):
            height = y - 6 if previous is None else max(y - 6, previous + LABEL_GAP)
            heights[(name, x)] = previous = height
    return heights


def line_chart(
    lines: dict[str, list[tuple[float, float]]], title: str, x_label: str, y_label: str, description: str
) -> str:
    """An SVG document: one line per entry of ``lines`` (name -> [(x, y), ...])."""
    points = [p for values in lines.values() for p in values]
    x_step = nice_step(max((x for x, _ in points), default=1))
    y_step = nice_step(max((y for _, y in points), default=1))
    x_top = x_step * math.ceil(max((x for x, _ in points), default=1) / x_step)
    y_top = y_step * math.ceil(max((y for _, y in points), default=1) / y_step)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def at(x: float, y: float) -> tuple[float, float]:
        return round(LEFT + plot_w * x / x_top, 1), round(TOP + plot_h * (1 - y / y_top), 1)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for i in range(round(y_top / y_step) + 1):
        _, y = at(0, i * y_step)
        out.append(f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + plot_w}" y2="{y}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end">{_number(i * y_step)}</text>')
    for i in range(round(x_top / x_step) + 1):
        x, _ = at(i * x_step, 0)
        out.append(f'<line x1="{x}" y1="{TOP + plot_h}" x2="{x}" y2="{TOP + plot_h + 5}" stroke="#333"/>')
        out.append(f'<text x="{x}" y="{TOP + plot_h + 20}" text-anchor="middle">{_number(i * x_step)}</text>')
    out.append(f'<path d="M{LEFT} {TOP}V{TOP + plot_h}H{LEFT + plot_w}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 14}" text-anchor="middle">{escape(x_label)}</text>')
    out.append(
        f'<text x="18" y="{TOP + plot_h / 2}" text-anchor="middle" '
        f'transform="rotate(-90 18 {TOP + plot_h / 2})">{escape(y_label)}</text>'
    )
    labels = label_heights([(name, *at(x, y)) for name, values in lines.items() for x, y in values])
    for index, (name, values) in enumerate(lines.items()):
        colour, dash = STYLES[index % len(STYLES)]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        coordinates = [at(x, y) for x, y in sorted(values)]
        out.append(f'<g class="line" data-name="{escape(name)}">')
        path = " ".join(f"{x},{y}" for x, y in coordinates)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"{dashes}/>')
        for (x, y), (_, value) in zip(coordinates, sorted(values)):
            out.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>')
            out.append(f'<text x="{x + 6}" y="{labels[(name, x)]}" fill="{colour}">{value:.1f}</text>')
        legend_x = LEFT + LEGEND_SPACING * index
        out.append(
            f'<line x1="{legend_x}" y1="{LEGEND_Y}" x2="{legend_x + 24}" y2="{LEGEND_Y}" '
            f'stroke="{colour}" stroke-width="2"{dashes}/>'
        )
        out.append(f'<text x="{legend_x + 30}" y="{LEGEND_Y + 4}">{escape(name)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
