"""Charts drawn on the server as SVG, so the same markup serves the page, the print and the PDF."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from itertools import accumulate

from common.calendar import MONTH_ABBREVIATIONS

PHYSICAL_COLOUR = "#0b4f8a"
FINANCIAL_COLOUR = "#2a9d8f"
GOAL_COLOUR = "#b42318"
GRID_COLOUR = "#d5dbe3"
EXPECTED_COLOUR = "#c77d00"


def compact(value) -> str:
    """Axis labels: 12.9 M, 105.7 mil, 840."""
    value = Decimal(value)
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f} M"
    if abs(value) >= 1_000:
        return f"{value / 1_000:.1f} mil"
    return f"{value:.0f}"


AXIS_INTERVALS = 4


def nice_ticks(maximum, intervals: int = AXIS_INTERVALS) -> list[Decimal]:
    """Axis ticks from 0 to at least ``maximum`` in ``intervals`` equal steps of 1, 2 or 5 × 10ⁿ
    (never below 1: the figures are whole documents, persons or quetzales), so every label differs:
    0, 1, 2, 3, 4 rather than 0, 1, 2, 2, 3."""
    wanted = max(Decimal(maximum), Decimal(1)) / intervals
    power = Decimal(1)
    while power * 10 <= wanted:
        power *= 10
    step = next(power * m for m in (1, 2, 5, 10) if power * m >= wanted)
    return [step * i for i in range(intervals + 1)]


TEXT_COLOUR = "#1d2733"


def svg_text(x, y, content, *, anchor="start", size=11, weight="normal", fill=TEXT_COLOUR) -> str:
    """A label; the font and the defaults (start, normal, the text colour) are left to the
    ``<svg>`` it sits in: a dashboard draws hundreds of them."""
    extra = "" if anchor == "start" else f' text-anchor="{anchor}"'
    extra += "" if weight == "normal" else f' font-weight="{weight}"'
    extra += "" if fill == TEXT_COLOUR else f' fill="{fill}"'
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}"{extra}>{escape(content)}</text>'


def svg_document(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" fill="{TEXT_COLOUR}"><title>{escape(title)}</title>'
        + "".join(body)
        + "</svg>"
    )


def progress_bars_svg(*, title: str, items: list[tuple[str, Decimal, Decimal]]) -> str:
    """Per item, its physical and financial percentage of the goal as two bars, with the 100 % mark."""
    label_width, bar_area, row_height, top = 330, 560, 40, 34
    width = label_width + bar_area + 70
    height = top + row_height * max(len(items), 1) + 16
    largest = max([Decimal(100)] + [max(p, f) for _, p, f in items])
    scale_max = int((largest + 19) // 20 * 20)

    def x_of(pct) -> float:
        return label_width + float(min(Decimal(pct), Decimal(scale_max))) * bar_area / scale_max

    body = [
        svg_text(label_width, 14, "Física", fill=PHYSICAL_COLOUR, weight="bold"),
        svg_text(label_width + 60, 14, "Financiera", fill=FINANCIAL_COLOUR, weight="bold"),
    ]
    for tick in range(0, scale_max + 1, 20 if scale_max > 100 else 25):
        body.append(
            f'<line x1="{x_of(tick):.1f}" y1="{top - 6}" x2="{x_of(tick):.1f}" y2="{height - 16}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        body.append(svg_text(x_of(tick), height - 3, f"{tick} %", anchor="middle", size=9))
    body.append(
        f'<line x1="{x_of(100):.1f}" y1="{top - 10}" x2="{x_of(100):.1f}" y2="{height - 16}" '
        f'stroke="{GOAL_COLOUR}" stroke-width="1.5" stroke-dasharray="4 3"/>'
    )
    for index, (label, physical, financial) in enumerate(items):
        y = top + index * row_height
        short = label if len(label) <= 56 else label[:54] + "…"
        body.append(svg_text(label_width - 8, y + 17, short, anchor="end", size=10))
        for offset, pct, colour in ((0, physical, PHYSICAL_COLOUR), (16, financial, FINANCIAL_COLOUR)):
            body.append(
                f'<rect x="{label_width}" y="{y + offset}" width="{x_of(pct) - label_width:.1f}" height="13" '
                f'fill="{colour}"/>'
            )
            body.append(svg_text(x_of(pct) + 4, y + offset + 11, f"{pct} %", size=10))
    return svg_document(width, height, title, body)


def cumulative_line_svg(
    *,
    title: str,
    cumulative: tuple[Decimal, ...],
    months_so_far: int,
    goal: Decimal,
    projected: Decimal,
    expected: tuple[Decimal, ...] = (),
    expected_label: str = "Programado",
) -> str:
    """Monthly cumulative execution up to ``months_so_far`` against the year's goal and the expected
    cumulative (programmed, or the straight line), with the projection to December."""
    width, height, left, right, top, bottom = 380, 210, 62, 14, 26, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    ticks = nice_ticks(
        max([Decimal(goal), Decimal(projected), *cumulative[:months_so_far], *expected]) * Decimal("1.05")
    )
    y_max = ticks[-1]

    def point(month: int, value) -> tuple[float, float]:
        x = left + (month - 0.5) * plot_w / 12
        y = top + plot_h - float(Decimal(value) / y_max) * plot_h
        return x, y

    body = [svg_text(left, 14, title, size=11, weight="bold")]
    for tick in ticks:
        y = point(1, tick)[1]
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{GRID_COLOUR}"/>'
        )
        body.append(svg_text(left - 4, y + 3, compact(tick), anchor="end", size=9))
    for month, name in enumerate(MONTH_ABBREVIATIONS, start=1):
        body.append(svg_text(point(month, 0)[0], height - 12, name, anchor="middle", size=9))
    goal_y = point(1, goal)[1]
    body.append(
        f'<line x1="{left}" y1="{goal_y:.1f}" x2="{width - right}" y2="{goal_y:.1f}" stroke="{GOAL_COLOUR}" '
        f'stroke-width="1.5" stroke-dasharray="5 3"/>'
    )
    body.append(
        svg_text(
            width - right, goal_y - 4, f"Meta vigente {compact(goal)}", anchor="end", size=9, fill=GOAL_COLOUR
        )
    )
    if expected:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(m, v) for m, v in enumerate(expected, start=1)))
        body.append(
            f'<polyline class="expected" fill="none" stroke="{EXPECTED_COLOUR}" stroke-width="1.5" '
            f'stroke-dasharray="6 3" points="{line}"/>'
        )
        body.append(svg_text(left + 4, top + 10, f"- - {expected_label}", size=9, fill=EXPECTED_COLOUR))
        body.append(svg_text(left + 4, top + 22, "— Ejecutado", size=9, fill=PHYSICAL_COLOUR))
    points = [point(month, cumulative[month - 1]) for month in range(1, months_so_far + 1)]
    body.append(
        f'<polyline fill="none" stroke="{PHYSICAL_COLOUR}" stroke-width="2" '
        f'points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}"/>'
    )
    body.extend(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{PHYSICAL_COLOUR}"/>' for x, y in points)
    if months_so_far < 12:
        end_x, end_y = point(12, projected)
        body.append(
            f'<line x1="{points[-1][0]:.1f}" y1="{points[-1][1]:.1f}" x2="{end_x:.1f}" y2="{end_y:.1f}" '
            f'stroke="{PHYSICAL_COLOUR}" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
        body.append(svg_text(end_x, end_y - 6, f"Proyección {compact(projected)}", anchor="end", size=9))
    return svg_document(width, height, title, body)


def dashboard_charts(progress) -> dict:
    """The dashboard's SVGs from a ``PlanProgress``: one bar chart of the products and, per
    product, its physical and financial cumulative lines."""
    bars = progress_bars_svg(
        title="Avance acumulado físico y financiero por producto",
        items=[
            (p.product.name, p.product.physical.accumulated_pct, p.product.financial.accumulated_pct)
            for p in progress.products
        ],
    )
    lines = [
        (
            p.product.name,
            [
                cumulative_line_svg(
                    title=f"{label}: acumulado mensual",
                    cumulative=measure.cumulative,
                    months_so_far=progress.months_so_far,
                    goal=measure.goal_current,
                    projected=measure.projected,
                    expected=tuple(accumulate(measure.expected_monthly)),
                    expected_label="Programado" if measure.is_programmed else "Uniforme (sin programación)",
                )
                for label, measure in p.product.measures
            ],
        )
        for p in progress.products
    ]
    programmed = [Decimal(0)] * 12
    executed = [Decimal(0)] * 12
    for item in progress.products:
        for month in range(12):
            programmed[month] += item.product.financial.expected_monthly[month]
            executed[month] += item.product.financial.monthly[month]
    monthly = programmed_vs_executed_svg(
        title="Financiero: programado y ejecutado por mes (barras) y acumulado (líneas)",
        programmed=tuple(programmed),
        executed=tuple(executed),
        months_so_far=progress.months_so_far,
        uniform=any(not item.product.financial.is_programmed for item in progress.products),
    )
    return {"bars": bars, "lines": lines, "monthly": monthly}


def programmed_vs_executed_svg(
    *, title: str, programmed: tuple, executed: tuple, months_so_far: int, uniform: bool
) -> str:
    """Per month, the programmed and the executed figure side by side, with both cumulative lines on
    the right-hand scale; executed months stop at ``months_so_far``."""
    width, height, left, right, top, bottom = 900, 260, 70, 70, 40, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    monthly_ticks = nice_ticks(max([Decimal(0), *programmed, *executed[:months_so_far]]) * Decimal("1.05"))
    totals = (tuple(accumulate(programmed)), tuple(accumulate(executed[:months_so_far])))
    cumulative_ticks = nice_ticks(max([Decimal(0), *totals[0], *totals[1]]) * Decimal("1.05"))
    monthly_max, cumulative_max = monthly_ticks[-1], cumulative_ticks[-1]
    slot = plot_w / 12

    def y(value, scale) -> float:
        return top + plot_h - float(Decimal(value) / scale) * plot_h

    label = "Programado" + (" (uniforme donde no hay programación)" if uniform else "")
    body = [
        svg_text(left, 14, title, size=12, weight="bold"),
        svg_text(left, 30, f"■ {label}", size=10, fill=EXPECTED_COLOUR),
        svg_text(left + 330, 30, "■ Ejecutado", size=10, fill=FINANCIAL_COLOUR),
    ]
    # Both scales have the same number of steps, so they share the grid lines.
    for monthly, cumulative in zip(monthly_ticks, cumulative_ticks, strict=True):
        height_at = y(monthly, monthly_max)
        body.append(
            f'<line x1="{left}" y1="{height_at:.1f}" x2="{width - right}" y2="{height_at:.1f}" '
            f'stroke="{GRID_COLOUR}"/>'
        )
        body.append(svg_text(left - 4, height_at + 3, compact(monthly), anchor="end", size=9))
        body.append(svg_text(width - right + 4, height_at + 3, compact(cumulative), size=9))
    for index, name in enumerate(MONTH_ABBREVIATIONS):
        x = left + index * slot
        body.append(svg_text(x + slot / 2, height - 12, name, anchor="middle", size=9))
        for offset, value, colour in (
            (0.15, programmed[index], EXPECTED_COLOUR),
            (0.5, executed[index], FINANCIAL_COLOUR),
        ):
            if colour == FINANCIAL_COLOUR and index >= months_so_far:
                continue
            bar_top = y(value, monthly_max)
            body.append(
                f'<rect x="{x + offset * slot:.1f}" y="{bar_top:.1f}" width="{slot * 0.33:.1f}" '
                f'height="{top + plot_h - bar_top:.1f}" fill="{colour}" opacity="0.75"/>'
            )
    for series, colour, dash in (
        (totals[0], EXPECTED_COLOUR, ' stroke-dasharray="6 3"'),
        (totals[1], FINANCIAL_COLOUR, ""),
    ):
        points = " ".join(
            f"{left + (i + 0.5) * slot:.1f},{y(v, cumulative_max):.1f}" for i, v in enumerate(series)
        )
        body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash} points="{points}"/>')
    return svg_document(width, height, title, body)
