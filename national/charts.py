"""The national view's charts, drawn on the server with monitoring's SVG pieces."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape

from monitoring.charts import FINANCIAL_COLOUR, GRID_COLOUR, PHYSICAL_COLOUR, svg_document, svg_text

from .selectors import NationalLine, NationalSummary


def band_distribution_svg(summary: NationalSummary) -> str:
    """How many institutions fall in each band of physical progress, as horizontal bars."""
    label_width, bar_area, row_height, top = 190, 320, 30, 12
    width, height = label_width + bar_area + 60, top + row_height * len(summary.by_band) + 8
    largest = max([1] + [count for _value, _label, count in summary.by_band])
    body = []
    for index, (_value, label, count) in enumerate(summary.by_band):
        y = top + index * row_height
        body.append(svg_text(label_width - 8, y + 14, label, anchor="end", size=11))
        length = count * bar_area / largest
        body.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="18" fill="{PHYSICAL_COLOUR}"/>'
        )
        body.append(svg_text(label_width + length + 6, y + 14, str(count), size=11, weight="bold"))
    return svg_document(width, height, "Instituciones por banda de avance físico", body)


def progress_scatter_svg(lines: list[NationalLine]) -> str:
    """Each institution as a point: physical progress (x) against financial execution (y), 0–100 %+."""
    size, left, bottom, top, right = 300, 48, 36, 26, 16
    points = [line for line in lines if line.has_plan]
    largest = max([Decimal(100)] + [line.financial_pct for line in points])
    y_max = float((largest + 19) // 20 * 20)

    def x_of(pct) -> float:
        return left + float(pct) * size / 100

    def y_of(pct) -> float:
        return top + size - float(pct) * size / y_max

    body = []
    for tick in range(0, int(y_max) + 1, 20):
        body.append(
            f'<line x1="{left}" y1="{y_of(tick):.1f}" x2="{left + size}" y2="{y_of(tick):.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        body.append(svg_text(left - 6, y_of(tick) + 4, f"{tick} %", anchor="end", size=9))
    for tick in range(0, 101, 20):
        body.append(svg_text(x_of(tick), top + size + 14, f"{tick} %", anchor="middle", size=9))
    body.append(
        f'<line x1="{x_of(0):.1f}" y1="{y_of(0):.1f}" x2="{x_of(100):.1f}" y2="{y_of(100):.1f}" '
        f'stroke="{GRID_COLOUR}" stroke-dasharray="4 3"/>'
    )
    body.append(svg_text(left + size / 2, top + size + 30, "Avance físico", anchor="middle", size=10))
    body.append(svg_text(4, 12, "Ejecución financiera", size=10, fill=FINANCIAL_COLOUR))
    for line in points:
        body.append(
            f'<circle cx="{x_of(line.physical_pct):.1f}" cy="{y_of(line.financial_pct):.1f}" r="3.5" '
            f'fill="{PHYSICAL_COLOUR}" fill-opacity="0.6"><title>{escape(line.code)}: '
            f"{line.physical_pct} % físico, {line.financial_pct} % financiero</title></circle>"
        )
    return svg_document(
        left + size + right, top + size + bottom, "Avance físico y ejecución financiera", body
    )
