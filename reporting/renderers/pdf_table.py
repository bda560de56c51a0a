"""The SIPLAN report's tables in the PDF (ReportLab), drawn as ``document.css`` draws them in HTML.

A result block's rows go to the page a page at a time (``BlockRows``): each page gets a table of
the rows that fit, whose heights are known before drawing, so a report of any length costs the same
per page. ReportLab's own splitting of one long table recomputes every remaining row and span at
each page break, and took four times as long per page at 1,100 rows as at 275.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from common.formats import figure
from common.pdf import DOCUMENT_FONT_FILE
from reporting.selectors.siplan import MeasureLine, ReportRow, SiplanReport

from .wording import siplan_titles

FONT = "DejaVuSans"
BOLD, ITALIC = f"{FONT}-Bold", f"{FONT}-Oblique"

# document.css's colours.
BORDER = colors.HexColor("#8a96a3")
HEADER_FILL = colors.HexColor("#dde5ee")
PRODUCT_FILL = colors.HexColor("#f1f4f8")
STRIPE = colors.HexColor("#eceff3")
NO_EXECUTION_TEXT = colors.HexColor("#6b7582")
OVER_HEX = "#b42318"  # also in paragraph markup
OVER = colors.HexColor(OVER_HEX)
INK = colors.HexColor("#111111")
MUTED = colors.HexColor("#333333")

PAD_X, PAD_Y = 2.0, 1.5
LINE_HEIGHT = 1.17  # DejaVu Sans's normal line height, in ems

# Columns as fractions of the table's width: name, unit, measure, initial, reprogrammings,
# current, label, then the period's months, its total, % of the period, accumulated, % accumulated,
# % accumulated against the initial goal.
LEADING_WIDTHS = (0.145, 0.048, 0.05, 0.068, 0.038, 0.068, 0.05)
MONTH_WIDTH, TOTAL_WIDTH = 0.064, 0.068
TRAILING_WIDTHS = (0.0465, 0.068, 0.0465, 0.0465)
FIRST_FIGURE_COLUMN, LABEL_COLUMN = 3, 6


@cache
def register_fonts() -> None:
    """DejaVu Sans and its bold and oblique faces, the family ``<b>`` and ``<i>`` select."""
    regular = Path(DOCUMENT_FONT_FILE)
    faces = {FONT: regular.name, BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf"}
    faces[f"{FONT}-BoldOblique"] = "DejaVuSans-BoldOblique.ttf"
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(regular.with_name(file))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=f"{FONT}-BoldOblique"
    )


def style(name: str, size: float, **options) -> ParagraphStyle:
    return ParagraphStyle(
        name, **{"fontName": FONT, "fontSize": size, "leading": size * LINE_HEIGHT, **options}
    )


BODY = style("body", 6.6, textColor=INK)
HEADER = style("header", 6.0, fontName=BOLD, alignment=TA_CENTER, textColor=INK)
PRODUCT_NAME = style("product", 6.4, fontName=BOLD, textColor=INK)
SUBPRODUCT_NAME = style("subproduct", 6.4, leftIndent=6.0, textColor=INK)
FIGURE_SIZE = 6.3


def text(value: str, paragraph_style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: user text is escaped, never read as markup."""
    return Paragraph(escape(value), paragraph_style)


def paragraph_height(paragraph: Paragraph, width: float) -> float:
    return paragraph.wrap(width, 10_000)[1]


@dataclass
class Pair:
    """A row of the report: its two lines (Física, Financiera), their cells, styles and heights."""

    cells: list[list]
    styles: list[tuple]
    hatched: list[tuple[int, int]]  # (column, line) of the months without execution
    heights: tuple[float, float]


class TableLayout:
    """The report's column widths, header and line heights for one document width."""

    def __init__(self, report: SiplanReport, width: float):
        register_fonts()
        months = len(report.month_names)
        fractions = (*LEADING_WIDTHS, *([MONTH_WIDTH] * months), TOTAL_WIDTH, *TRAILING_WIDTHS)
        self.widths = [width * fraction for fraction in fractions]
        self.columns = len(fractions)
        self.header = self._header(report, months)
        # The labels "Ejecución física" and "Ejecución financiera", wrapped once to their column (as
        # text with line breaks, far cheaper to draw than a paragraph per cell); both lines are as
        # tall as the longer label.
        label_width = self.widths[LABEL_COLUMN] - 2 * PAD_X
        self.labels = {
            name: simpleSplit(f"Ejecución {name}", FONT, BODY.fontSize, label_width) for name in MEASURES
        }
        lines = max(len(label) for label in self.labels.values())
        self.line_height = lines * BODY.leading + 2 * PAD_Y
        self._unit_heights: dict[str, float] = {}

    def _header(self, report: SiplanReport, months: int) -> tuple[list[list], list[float]]:
        titles = [
            _breakable(title) for title in siplan_titles("Producto/Subproducto", (), report.period_short)
        ]
        leading, trailing = titles[: len(LEADING_WIDTHS)], titles[len(LEADING_WIDTHS) + 1 :]
        period = f"Ejecución {report.period_short} cuatrimestre"
        first = [*leading, period, *[""] * months, *trailing]
        second = [""] * len(leading) + [*report.month_names, "Total"] + [""] * len(trailing)
        cells = [[text(title, HEADER) if title else "" for title in row] for row in (first, second)]
        # As the HTML lays it out: the period's title row one line tall, the months' row taking what
        # the tallest title spanning both rows needs beyond it.
        tallest = max(
            paragraph_height(cell, width - 2 * PAD_X)
            for cell, width in zip(cells[0], self.widths, strict=True)
            if cell
        )
        one_line = HEADER.leading + 2 * PAD_Y
        return cells, [one_line, max(one_line, tallest + 2 * PAD_Y - one_line)]

    def header_style(self, months: int) -> list[tuple]:
        spans = [("SPAN", (column, 0), (column, 1)) for column in range(len(LEADING_WIDTHS))]
        period_end = len(LEADING_WIDTHS) + months
        spans.append(("SPAN", (len(LEADING_WIDTHS), 0), (period_end, 0)))
        spans += [("SPAN", (column, 0), (column, 1)) for column in range(period_end + 1, self.columns)]
        return [*spans, ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL)]

    def pair(self, row: ReportRow) -> Pair:
        name_style = PRODUCT_NAME if row.kind == "product" else SUBPRODUCT_NAME
        name, unit = text(row.name, name_style), text(row.unit, BODY)
        name_height = paragraph_height(name, self.widths[0] - 2 * PAD_X)
        if row.unit not in self._unit_heights:
            self._unit_heights[row.unit] = paragraph_height(unit, self.widths[1] - 2 * PAD_X)
        tallest = max(name_height, self._unit_heights[row.unit]) + 2 * PAD_Y
        extra = max(0.0, tallest - 2 * self.line_height) / 2
        cells, styles, hatched = [], [], []
        for index, (measure, line) in enumerate(((row.physical, "física"), (row.financial, "financiera"))):
            leading = [name, unit] if index == 0 else ["", ""]
            line_cells, line_styles, line_hatched = self._line(measure, line, index)
            cells.append([*leading, *line_cells])
            styles += line_styles
            hatched += line_hatched
        if row.kind == "product":
            styles.append(("BACKGROUND", (0, 0), (-1, 1), PRODUCT_FILL))
        height = self.line_height + extra
        return Pair(cells, styles, hatched, (height, height))

    def _line(self, line: MeasureLine, label: str, index: int) -> tuple[list, list[tuple], list[tuple]]:
        """One line's cells after the name and the unit, the styles of its marked cells and the
        columns of its months without execution."""
        cells = [
            MEASURES[label],
            figure(line.initial),
            str(line.reprogrammings),
            figure(line.current),
            "\n".join(self.labels[label]),
        ]
        styles, hatched = [], []
        for value, reported in zip(line.months, line.months_reported, strict=True):
            if not reported:
                column = len(cells) + 2
                hatched.append((column, index))
                styles += [
                    ("FONTNAME", (column, index), (column, index), ITALIC),
                    ("TEXTCOLOR", (column, index), (column, index), NO_EXECUTION_TEXT),
                ]
            cells.append(figure(value))
        accumulated_pct = figure(line.accumulated_pct)
        if line.over_executed:
            accumulated_pct += " ▲"
            first = len(cells) + 2 + 2
            styles += [
                ("FONTNAME", (first, index), (first + 1, index), BOLD),
                ("TEXTCOLOR", (first, index), (first + 1, index), OVER),
            ]
        cells += [
            figure(line.period_total),
            figure(line.period_pct),
            figure(line.accumulated),
            accumulated_pct,
            figure(line.accumulated_initial_pct),
        ]
        return cells, styles, hatched

    def table(self, pairs: Sequence[Pair]) -> Table:
        """The header and ``pairs`` as one table, every row height given."""
        header_cells, header_heights = self.header
        cells, heights, hatched = [*header_cells], [*header_heights], []
        months = self.columns - len(LEADING_WIDTHS) - 1 - len(TRAILING_WIDTHS)
        styles = [
            *self.header_style(months),
            ("FONT", (2, 2), (-1, -1), FONT, FIGURE_SIZE),
            ("FONT", (2, 2), (2, -1), FONT, BODY.fontSize, BODY.leading),
            ("FONT", (LABEL_COLUMN, 2), (LABEL_COLUMN, -1), FONT, BODY.fontSize, BODY.leading),
            ("ALIGN", (FIRST_FIGURE_COLUMN, 2), (-1, -1), "RIGHT"),
            ("ALIGN", (LABEL_COLUMN, 2), (LABEL_COLUMN, -1), "LEFT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.5, BORDER),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ]
        for pair in pairs:  # after the table-wide styles, which they override
            top = len(cells)
            cells += pair.cells
            heights += pair.heights
            styles += [("SPAN", (0, top), (0, top + 1)), ("SPAN", (1, top), (1, top + 1))]
            styles += [_shifted(command, top) for command in pair.styles]
            hatched += [(column, top + line) for column, line in pair.hatched]
        return Table(
            cells,
            colWidths=self.widths,
            rowHeights=heights,
            style=TableStyle(styles),
            renderCB=Stripes(hatched) if hatched else None,
        )


MEASURES = {"física": "Física", "financiera": "Financiera"}

# Where the header's long words may break in its narrow columns, with a hyphen, as in the HTML.
SOFT_HYPHENS = {
    "cuatrimestre": "cuatri\xadmestre",
    "Reprogramaciones": "Re\xadpro\xadgra\xadma\xadcio\xadnes",
    "Metas física/financiera": "Metas física/ financiera",
    "Ejecución física/financiera": "Ejecución fí\xadsica/ finan\xadciera",
}


def _breakable(title: str) -> str:
    for word, breakable in SOFT_HYPHENS.items():
        title = title.replace(word, breakable)
    return title


def _shifted(command: tuple, top: int) -> tuple:
    """A pair's style command (rows 0 and 1) moved to the pair's rows in the table."""
    name, (column_start, row_start), (column_end, row_end), *values = command
    return (name, (column_start, row_start + top), (column_end, row_end + top), *values)


class Stripes:
    """Draws document.css's diagonal stripes behind the given (column, row) cells, months without
    execution or the legend's swatch, once the table's backgrounds are drawn (ReportLab's
    ``renderCB`` hook)."""

    def __init__(self, cells: list[tuple[int, int]]):
        self.cells = cells

    def __call__(self, table: Table, event: str, *args) -> None:
        if event == "endBG":
            for column, row in self.cells:
                stripes(table.canv, *_cell_box(table, column, row))


def _cell_box(table: Table, column: int, row: int) -> tuple[float, float, float, float]:
    columns, rows = table._colpositions, table._rowpositions  # noqa: SLF001 - laid-out positions
    return columns[column], rows[row + 1], columns[column + 1] - columns[column], rows[row] - rows[row + 1]


def stripes(canvas, x: float, y: float, width: float, height: float) -> None:
    """Stripes 2 pt wide every 4 pt at 135°, clipped to the box."""
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y, width, height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.setStrokeColor(STRIPE)
    canvas.setLineWidth(2.0 / 1.4142)
    step = 4.0 * 1.4142  # 4 pt across the stripes is this much along a side
    offset = -height
    while offset < width:
        canvas.line(x + offset, y + height, x + offset + height, y)
        offset += step
    canvas.restoreState()


class BlockRows(Flowable):
    """A result block: its heading (unless it continues from the page before) and its rows, laid out
    a page at a time. ReportLab asks for the block's height; when the page has less room it splits
    the block into a table of the rows that fit, with the header, and the block's remaining rows."""

    def __init__(self, layout: TableLayout, heading: list[Flowable], pairs: list[Pair], page_height: float):
        super().__init__()
        self.layout, self.heading, self.pairs, self.page_height = layout, heading, pairs, page_height
        self.rows_height = sum(layout.header[1]) + sum(sum(pair.heights) for pair in pairs)

    def _heading_height(self, width: float) -> float:
        return sum(part.wrap(width, self.page_height)[1] for part in self.heading)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self._heading_height(available_width) + self.rows_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height - self._heading_height(available_width) - sum(self.layout.header[1])
        fitting = 0
        for pair in self.pairs:
            room -= sum(pair.heights)
            if room < 0:
                break
            fitting += 1
        if fitting == 0:
            # Not even one row fits: the block starts on the next page, or on an empty page the
            # row goes alone (a name longer than a page is cut rather than never printed).
            if available_height < self.page_height:
                return []
            fitting = 1
        table = self.layout.table(self.pairs[:fitting])
        rest = BlockRows(self.layout, [], self.pairs[fitting:], self.page_height)
        return [*self.heading, table, rest] if self.pairs[fitting:] else [*self.heading, table]

    def draw(self) -> None:
        y = self.height
        for part in [*self.heading, self.layout.table(self.pairs)]:
            _, height = part.wrap(self.width, y)
            y -= height
            part.drawOn(self.canv, 0, y)


AXIS = style("axis", 6.6, textColor=MUTED)
RESULT_TITLE = style("result", 7.4, fontName=BOLD, textColor=INK)


def block_heading(title: str) -> list[Flowable]:
    """ "Eje estratégico: - acción estratégica:", "Resultado institucional" and the result's title."""
    return [
        Paragraph("Eje estratégico: - &nbsp;&nbsp;&nbsp;&nbsp;acción estratégica:", AXIS),
        Paragraph("<b>Resultado institucional</b>", AXIS),
        text(title, RESULT_TITLE),
        Spacer(0, 2.25),
    ]
