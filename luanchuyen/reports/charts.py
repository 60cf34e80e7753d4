"""Server-side SVG bar charts: geometry computed here, drawn by `reports/_bar_chart.html`.
No script, no CDN: the page works offline and prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Bar:
    value: float
    text: str
    cls: str = "s0"
    x: float = 0
    y: float = 0
    w: float = 0
    h: float = 0
    text_x: float = 0
    text_y: float = 0


@dataclass
class Row:
    label: str
    bars: list[Bar]
    label_y: float = 0


@dataclass
class Chart:
    title: str
    rows: list[Row]
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css class, label)
    width: int = 640
    height: int = 0
    label_width: int = 250
    plot_width: int = 0


def hbar_chart(
    title: str,
    rows: list[Row],
    *,
    max_value: float | None = None,
    legend=None,
    width: int = 640,
    label_width: int = 250,
    bar_height: int = 16,
    gap: int = 10,
    text_room: int = 70,
) -> Chart:
    """Horizontal bars, one group of bars per row (several bars = several series)."""
    chart = Chart(title=title, rows=rows, legend=list(legend or []), width=width, label_width=label_width)
    top = max((b.value for r in rows for b in r.bars), default=0)
    scale_max = max_value if max_value is not None else (top or 1)
    chart.plot_width = width - label_width - text_room
    y = 6
    for row in rows:
        start = y
        for bar in row.bars:
            bar.x = label_width
            bar.y = y
            bar.h = bar_height
            bar.w = round(chart.plot_width * (bar.value / scale_max), 1) if scale_max else 0
            bar.text_x = label_width + bar.w + 5
            bar.text_y = y + bar_height - 4
            y += bar_height + 2
        row.label_y = (start + y - 2) / 2 + 4
        y += gap
    chart.height = y + 4
    return chart
