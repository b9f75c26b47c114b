"""Static SVG charts as text: horizontal bars, columns (stacked when several series) and a heatmap.

Hand-written rather than a plotting library: three chart shapes need no dependency, render the same
offline in every browser, and inline into one HTML file. Every mark carries `data-label` and
`data-value` (and `data-series` / `data-row` / `data-col`) attributes, so what is drawn can be read
back by tests, and a `<title>` that browsers show as a tooltip.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TEXT = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
CHAR_WIDTH = 7.0  # a generous average width of a 12 px sans-serif character, for truncating labels


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: Sequence[float]


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def clip(text: str, width_px: float) -> str:
    """The text, shortened with an ellipsis to fit about `width_px` pixels."""
    limit = max(3, int(width_px / CHAR_WIDTH))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def nice_ticks(maximum: float, count: int = 4) -> list[float]:
    """0 and a few round steps (1, 2 or 5 times a power of ten) covering `maximum`."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    step = max(step, 1)  # counts: no fractional ticks
    top = math.ceil(maximum / step) * step
    return [i * step for i in range(int(top / step) + 1)]


def _svg(chart_id: str, title: str, width: float, height: float, body: list[str]) -> str:
    return (
        f'<svg class="chart" data-chart="{esc(chart_id)}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="{esc(title)}" '
        f'style="max-width:100%;height:auto" font-size="12" fill="{TEXT}">'
        f"<title>{esc(title)}</title>" + "".join(body) + "</svg>"
    )


def empty(chart_id: str, title: str, width: float = 440, message: str = "No data yet") -> str:
    return _svg(
        chart_id,
        title,
        width,
        60,
        [f'<text x="{width / 2:.0f}" y="34" text-anchor="middle" fill="{MUTED}">{esc(message)}</text>'],
    )


def hbar(
    items: Sequence[tuple[str, float]],
    chart_id: str,
    title: str,
    color: str,
    width: float = 440,
    label_width: float = 190,
    row: float = 24,
) -> str:
    """One horizontal bar per (label, value), in the order given, scaled to the largest value."""
    if not items:
        return empty(chart_id, title, width)
    top = max(v for _, v in items) or 1
    area = width - label_width - 44  # room for the value after the longest bar
    body = []
    for i, (label, value) in enumerate(items):
        y = 6 + i * row
        w = max(1.0, area * value / top) if value else 0
        mid = y + (row - 6) / 2
        body.append(
            f'<text x="{label_width - 8:.0f}" y="{mid:.1f}" text-anchor="end" dominant-baseline="middle">'
            f"{esc(clip(label, label_width - 12))}</text>"
            f'<rect x="{label_width:.0f}" y="{y:.1f}" width="{w:.1f}" height="{row - 6:.0f}" rx="2" '
            f'fill="{color}" data-label="{esc(label)}" data-value="{value}">'
            f"<title>{esc(label)}: {fmt(value)}</title></rect>"
            f'<text x="{label_width + w + 5:.1f}" y="{mid:.1f}" dominant-baseline="middle" fill="{MUTED}">'
            f"{fmt(value)}</text>"
        )
    return _svg(chart_id, title, width, 6 + len(items) * row + 4, body)


def columns(
    categories: Sequence[str],
    series: Sequence[Series],
    chart_id: str,
    title: str,
    width: float = 900,
    height: float = 240,
    tick_labels: Mapping[int, str] | None = None,
    max_bar: float = 56,
) -> str:
    """Columns over ordered categories; several series stack (first at the bottom), with a legend.

    `tick_labels` (index -> text) labels only some categories, e.g. January of each year; by
    default every category is labelled when there is room, else every n-th.
    """
    if not categories:
        return empty(chart_id, title, width)
    legend = 22 if len(series) > 1 else 0
    left, right, top, bottom = 44, 12, 10 + legend, 42
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(s.values[i] for s in series) for i in range(len(categories))]
    ticks = nice_ticks(max(totals))
    scale = plot_h / ticks[-1]
    band = plot_w / len(categories)
    bar = min(max_bar, max(1.0, band * 0.72))
    body = []
    for i, s in enumerate(series if legend else []):
        x = left + i * 150
        body.append(
            f'<rect x="{x}" y="4" width="12" height="12" rx="2" fill="{s.color}"/>'
            f'<text x="{x + 17}" y="14">{esc(s.name)}</text>'
        )
    for tick in ticks:
        y = top + plot_h - tick * scale
        body.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 6}" y="{y:.1f}" text-anchor="end" dominant-baseline="middle" '
            f'fill="{MUTED}">{fmt(tick)}</text>'
        )
    for i, category in enumerate(categories):
        x = left + i * band + (band - bar) / 2
        base = top + plot_h
        for s in series:
            value = s.values[i]
            if not value:
                continue
            h = value * scale
            base -= h
            body.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{s.color}" '
                f'data-label="{esc(category)}" data-series="{esc(s.name)}" data-value="{value}">'
                f"<title>{esc(category)}: {fmt(value)} {esc(s.name)}</title></rect>"
            )
    if tick_labels is None:
        every = max(1, math.ceil(60 / band))
        tick_labels = {i: c for i, c in enumerate(categories) if i % every == 0}
    for i, label in tick_labels.items():
        x = left + (i + 0.5) * band
        body.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + plot_h}" y2="{top + plot_h + 4}" stroke="{MUTED}"/>'
            f'<text x="{x:.1f}" y="{top + plot_h + 17}" text-anchor="middle" fill="{MUTED}">{esc(label)}</text>'
        )
    body.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="{MUTED}"/>'
    )
    return _svg(chart_id, title, width, height, body)


def _shade(t: float) -> str:
    """Light grey-blue (t=0) to dark blue (t=1)."""
    low, high = (232, 240, 248), (23, 63, 122)
    r, g, b = (round(a + (z - a) * t) for a, z in zip(low, high, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap(
    rows: Sequence[str],
    cols: Sequence[str],
    values: Mapping[tuple[str, str], float],
    chart_id: str,
    title: str,
    width: float = 900,
    label_width: float = 200,
    cell_h: float = 22,
) -> str:
    """A row x column grid, darker for larger values, with the value written in non-empty cells."""
    if not rows or not cols:
        return empty(chart_id, title, width)
    cell_w = min(44.0, (width - label_width - 10) / len(cols))
    head = 58  # rotated column labels
    top = max(values.values(), default=0) or 1
    body = []
    for j, col in enumerate(cols):
        x = label_width + (j + 0.5) * cell_w
        body.append(
            f'<text transform="translate({x:.1f},{head - 6}) rotate(-55)" fill="{MUTED}">{esc(col)}</text>'
        )
    for i, row_label in enumerate(rows):
        y = head + i * cell_h
        body.append(
            f'<text x="{label_width - 8}" y="{y + cell_h / 2:.1f}" text-anchor="end" '
            f'dominant-baseline="middle">{esc(clip(row_label, label_width - 12))}</text>'
        )
        for j, col in enumerate(cols):
            value = values.get((row_label, col), 0)
            t = value / top
            fill = _shade(0.12 + 0.88 * t) if value else "#f5f7fa"
            x = label_width + j * cell_w
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell_w - 1.5:.1f}" height="{cell_h - 1.5:.1f}" '
                f'fill="{fill}" data-row="{esc(row_label)}" data-col="{esc(col)}" data-value="{value}">'
                f"<title>{esc(row_label)}, {esc(col)}: {fmt(value)}</title></rect>"
            )
            if value:
                ink = "#ffffff" if t > 0.45 else TEXT
                body.append(
                    f'<text x="{x + (cell_w - 1.5) / 2:.1f}" y="{y + (cell_h - 1.5) / 2:.1f}" '
                    f'text-anchor="middle" dominant-baseline="middle" font-size="11" fill="{ink}">'
                    f"{fmt(value)}</text>"
                )
    total_w = label_width + cell_w * len(cols) + 48  # room for the last rotated column label
    return _svg(chart_id, title, total_w, head + len(rows) * cell_h + 6, body)
