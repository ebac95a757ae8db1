"""A tiny build-time renderer of horizontal bar charts as inline SVG.

No chart library reaches the browser: the chart is drawn once, when the site is built, from
the same numbers as the table printed next to it. Design choices:

* **Scales to the container without shrinking the text.** The SVG has no ``viewBox``; its width
  is 100 % and every horizontal position is a percentage of it, while heights and font sizes
  stay in pixels. Each row puts its label *above* the bar, so a long unit name never has to
  fit into a narrow label column on a phone.
* **Accessible.** ``role="img"`` with ``<title>`` and ``<desc>`` wired by ``aria-labelledby``;
  the description reads out every value, so the chart is understandable without seeing it
  (the page also prints a real ``<table>``). Text uses ``currentColor`` (the page's text
  colour); bar colours keep at least 3:1 contrast on white (WCAG 1.4.11), stacked segments
  are separated by a white gap and named in a legend, so colour is never the only cue.
* **Vietnamese numbers**: ``1.234`` and ``33,3%`` (dot for thousands, comma for decimals).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..html import esc

# Layout, in pixels (vertical) and per cent of the width (horizontal).
FONT_SIZE = 14
LABEL_HEIGHT = 18
"""From the top of a row to the label's baseline."""
BAR_HEIGHT = 18
ROW_HEIGHT = LABEL_HEIGHT + 6 + BAR_HEIGHT + 12
LEGEND_HEIGHT = 28
BAR_ROOM = 85.0
"""Longest bar, in per cent of the width: the rest is room for the value after it."""
TRACK_FILL = "#e6e6e6"


@dataclass(frozen=True)
class Series:
    """One kind of quantity in a chart (one colour)."""

    key: str
    """ASCII id, used in CSS classes (``gs-bar-<key>``)."""
    label: str
    """Name shown in the legend and read out in the description."""
    colour: str
    """Fill used when no stylesheet overrides it; keep ≥ 3:1 contrast against white."""


DEFAULT_SERIES = (Series("so-luong", "Số lượng", "#8a1c1c"),)


@dataclass(frozen=True)
class Bar:
    """One row of the chart: a label and one value per series (stacked left to right)."""

    label: str
    values: tuple[float, ...]
    text: str = ""
    """What to print after the bar; by default the formatted total."""

    @property
    def total(self) -> float:
        return sum(self.values)


def format_number(value: float, decimals: int = 0) -> str:
    """Vietnamese number: dot between thousands, comma before decimals.

    >>> format_number(1234567)
    '1.234.567'
    >>> format_number(1234.5, 1)
    '1.234,5'
    """
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(value: float) -> str:
    """A share with one decimal, a whole number without one.

    >>> format_percent(100 / 3), format_percent(50), format_percent(0.04)
    ('33,3%', '50%', '0%')
    """
    rounded = round(value, 1)
    return format_number(rounded, 0 if rounded == int(rounded) else 1) + "%"


def _pct(value: float) -> str:
    """A percentage for an SVG attribute, short and stable ("42.5%", "0%")."""
    return f"{round(value, 3):g}%"


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], *,
              series: Sequence[Series] = DEFAULT_SERIES, maximum: float | None = None,
              fmt: Callable[[float], str] = format_number, track: bool = False) -> str:
    """An inline ``<svg>`` drawing one horizontal bar per item of ``bars``, as one line of HTML.

    ``chart_id`` must be unique on the page (it names the title and description);
    ``maximum`` fixes the full scale (100 for shares), otherwise the largest total is used;
    ``fmt`` formats values for the description and the default bar text; ``track`` draws the
    full scale behind each bar (useful when the scale is fixed, as for percentages).
    """
    if any(len(b.values) != len(series) for b in bars):
        raise ValueError("each bar needs one value per series")
    top = max([b.total for b in bars], default=0)
    scale = maximum if maximum is not None else top
    legend = len(series) > 1
    y0 = LEGEND_HEIGHT if legend else 0
    height = y0 + ROW_HEIGHT * len(bars)
    cid = esc(chart_id)

    parts = [f'<title id="{cid}-title">{esc(title)}</title>',
             f'<desc id="{cid}-desc">{esc(describe(bars, series, fmt))}</desc>']
    if legend:
        parts.append(_legend(series))
    for i, bar in enumerate(bars):
        parts.append(_row(bar, series, scale, y0 + i * ROW_HEIGHT, fmt, track))
    return (f'<svg class="gs-chart-svg" role="img" aria-labelledby="{cid}-title {cid}-desc" '
            f'xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" '
            f'font-size="{FONT_SIZE}" fill="currentColor">' + "".join(parts) + "</svg>")


def describe(bars: Sequence[Bar], series: Sequence[Series], fmt: Callable[[float], str]) -> str:
    """The chart in words: "2024: 3; 2025: 5" or "2024: Nhà nước 1, Tỉnh 2 (tổng 3)"."""
    if not bars:
        return "Chưa có số liệu."
    items = []
    for bar in bars:
        if len(series) == 1:
            items.append(f"{bar.label}: {bar.text or fmt(bar.total)}")
        else:
            each = ", ".join(f"{s.label} {fmt(v)}" for s, v in zip(series, bar.values))
            items.append(f"{bar.label}: {each} (tổng {bar.text or fmt(bar.total)})")
    return "; ".join(items) + "."


def _legend(series: Sequence[Series]) -> str:
    # Legend labels are short level names; a rough width per character is enough to space them.
    x, out = 0, []
    for s in series:
        out.append(f'<rect class="gs-bar gs-bar-{esc(s.key)}" x="{x}" y="4" width="14" '
                   f'height="14" fill="{esc(s.colour)}"/>'
                   f'<text x="{x + 20}" y="16">{esc(s.label)}</text>')
        x += 20 + 9 * len(s.label) + 24
    return f'<g class="gs-chart-legend">{"".join(out)}</g>'


def _row(bar: Bar, series: Sequence[Series], scale: float, y: int,
         fmt: Callable[[float], str], track: bool) -> str:
    bar_y = y + LABEL_HEIGHT + 6
    out = [f'<text class="gs-chart-label" x="0" y="{y + LABEL_HEIGHT - 4}">{esc(bar.label)}</text>']
    if track:
        out.append(f'<rect class="gs-chart-track" x="0" y="{bar_y}" width="{_pct(BAR_ROOM)}" '
                   f'height="{BAR_HEIGHT}" fill="{TRACK_FILL}"/>')
    start = 0.0
    for s, value in zip(series, bar.values):
        if value <= 0 or scale <= 0:
            continue
        width = BAR_ROOM * value / scale
        out.append(f'<rect class="gs-bar gs-bar-{esc(s.key)}" x="{_pct(start)}" y="{bar_y}" '
                   f'width="{_pct(width)}" height="{BAR_HEIGHT}" fill="{esc(s.colour)}" '
                   # A white outline keeps neighbouring segments apart without relying on hue.
                   f'stroke="#fff" stroke-width="1">'
                   f"<title>{esc(s.label)}: {esc(fmt(value))}</title></rect>")
        start += width
    # With a track the values line up after it; otherwise each follows its own bar.
    end = BAR_ROOM if track else start
    out.append(f'<text class="gs-chart-value" x="{_pct(end)}" dx="6" '
               f'y="{bar_y + BAR_HEIGHT - 4}">{esc(bar.text or fmt(bar.total))}</text>')
    return f'<g class="gs-chart-row">{"".join(out)}</g>'
