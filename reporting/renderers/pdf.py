"""PDF rendering with ReportLab: the cover letter (letter, portrait) followed by the report (legal,
landscape), one page sequence "Página N de M", as ``document.css`` lays out the HTML download.

The report is drawn with ReportLab rather than laid out from the HTML by WeasyPrint (which draws
the indicator sheets and the plan matrices): WeasyPrint spent about a millisecond of CPU per table
cell, 22–27 s for 500 subproducts; ReportLab draws the same pages in about 1.3 s, at a steady cost
per page (README, "SIPLAN report to PDF benchmark").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import landscape, legal, letter
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from common.formats import figure, long_date
from reporting.documents import SEGEPLAN_NAME, ReportDocument

from . import wording
from .pdf_table import (
    BOLD,
    BORDER,
    FONT,
    INK,
    OVER,
    OVER_HEX,
    BlockRows,
    Stripes,
    TableLayout,
    block_heading,
    register_fonts,
    style,
)

# The named destination at the top-left corner of the empty box the report leaves under "Firma y
# sello de la máxima autoridad", where reporting.signing draws the signature's stamp, and the box's
# size in points (8 cm × 2.2 cm).
ANCHOR = "firma"
BOX_WIDTH, BOX_HEIGHT = 228.0, 63.0

LETTER_BLUE = "#0b4f8a"
PAGE_NUMBER_GREY = "#444444"
REPORT_PAGE = landscape(legal)
REPORT_MARGINS = {"top": 3.1 * cm, "right": 1 * cm, "bottom": 1.3 * cm, "left": 1 * cm}
LETTER_MARGINS = {"top": 1.8 * cm, "right": 2.2 * cm, "bottom": 1.5 * cm, "left": 2.2 * cm}

LETTER_TEXT = style("letter", 9.6, leading=9.6 * 1.4, alignment=TA_JUSTIFY, spaceAfter=6, textColor=INK)
LETTER_RIGHT = style("letter-right", 9.6, leading=9.6 * 1.4, alignment=TA_RIGHT, spaceAfter=6, textColor=INK)
LETTER_CENTRE = style("letter-centre", 9.6, leading=9.6 * 1.4, alignment=TA_CENTER, textColor=INK)
LETTER_BULLET = style("letter-bullet", 9.6, leading=9.6 * 1.4, leftIndent=36, bulletIndent=24, spaceAfter=6)
LETTER_SMALL = style("letter-small", 8, leading=8 * 1.4, spaceAfter=6, textColor=INK)
LETTERHEAD = style("letterhead", 12, fontName=BOLD, textColor=LETTER_BLUE)
REPORT_TEXT = style("report", 6.6, textColor=INK)
REPORT_BOLD = style("report-bold", 6.6, fontName=BOLD, textColor=INK, spaceBefore=2, spaceAfter=3)
RE_HEADING = style("re", 6.6, fontName=BOLD, textColor=INK, spaceBefore=8)
SIGNATURE = style("signature", 8, alignment=TA_CENTER, textColor=INK, spaceAfter=1)


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int


def render_pdf_document(document: ReportDocument) -> RenderedPdf:
    """The letter and the report, numbered as one sequence."""
    register_fonts()
    output = BytesIO()
    template = _DocumentTemplate(output, document)
    story = [*_letter(document), NextPageTemplate("report"), PageBreak()]
    story += _report(document, template.report_frame)
    canvas = partial(_NumberedCanvas, initialFontName=FONT)
    template.build(story, canvasmaker=canvas)
    return RenderedPdf(content=output.getvalue(), pages=template.page)


def render_pdf(document: ReportDocument) -> bytes:
    return render_pdf_document(document).content


class _DocumentTemplate(BaseDocTemplate):
    """Two kinds of page: the letter's, and the report's with SIPLAN's heading on each."""

    def __init__(self, output: BytesIO, document: ReportDocument):
        report = document.report
        super().__init__(
            output,
            pagesize=REPORT_PAGE,
            title=f"SIPLAN {report.institution_code} {report.year} — {report.period_ordinal} Cuatrimestre",
            author=report.institution_name,
            creator="IGM Plan",
        )
        self.report_frame = _frame(REPORT_PAGE, REPORT_MARGINS, "report")
        heading = partial(_report_heading, document=document)
        self.addPageTemplates(
            [  # the first is the first page's
                PageTemplate("letter", [_frame(letter, LETTER_MARGINS, "letter")], pagesize=letter),
                PageTemplate("report", [self.report_frame], onPage=heading, pagesize=REPORT_PAGE),
            ]
        )


def _frame(size: tuple[float, float], margins: dict[str, float], name: str) -> Frame:
    width, height = size
    return Frame(
        margins["left"],
        margins["bottom"],
        width - margins["left"] - margins["right"],
        height - margins["top"] - margins["bottom"],
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _report_heading(canvas: Canvas, template: BaseDocTemplate, *, document: ReportDocument) -> None:
    """SIPLAN's four lines at the top of every report page."""
    report = document.report
    centre = REPORT_PAGE[0] / 2
    top = REPORT_PAGE[1] - 0.75 * cm
    canvas.saveState()
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 9)
    canvas.drawCentredString(centre, top - 9, wording.SYSTEM)
    canvas.drawCentredString(centre, top - 20.5, wording.TITLE)
    canvas.setFont(FONT, 6.6)
    canvas.drawCentredString(centre, top - 29.5, wording.period_line(report))
    name, code = f"{report.institution_name.upper()} ", report.institution_code
    width = stringWidth(name, BOLD, 6.6) + stringWidth(code, FONT, 6.6)
    line = canvas.beginText(centre - width / 2, top - 38)  # one line of text, as readers extract it
    line.setFont(BOLD, 6.6)
    line.textOut(name)
    line.setFont(FONT, 6.6)
    line.textOut(code)
    canvas.drawText(line)
    canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps each page until the document ends, then writes "Página N de M" on every one, and the
    signature box's named destination on its page (a destination needs its page written)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self.signature_box: tuple[int, float, float] | None = None  # page index, left, top

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total, box = len(self._pages), self.signature_box
        for index, page in enumerate(self._pages):
            self.__dict__.update(page)
            self._page_number(index + 1, total)
            if box and box[0] == index:
                destination = self.bookmarkPage(ANCHOR, fit="XYZ", left=box[1], top=box[2])
                names = PDFArray([PDFString(ANCHOR), destination])
                self._doc.Catalog.Names = PDFDictionary({"Dests": PDFDictionary({"Names": names})})
            super().showPage()
        super().save()

    def _page_number(self, number: int, total: int) -> None:
        width, height = self._pagesize
        margins = LETTER_MARGINS if height > width else REPORT_MARGINS
        self.saveState()
        self.setFont(FONT, 7)
        self.setFillColor(PAGE_NUMBER_GREY)
        self.drawRightString(
            width - margins["right"], margins["bottom"] / 2 - 2, f"Página {number} de {total}"
        )
        self.restoreState()


def _letter(document: ReportDocument) -> list[Flowable]:
    sent, report = document.letter, document.report
    pending = f'<font color="{OVER_HEX}">'
    date = escape(long_date(sent.date)) if sent.date else f"{pending}(fecha al aprobar)</font>"
    code = (
        f"<b>{escape(sent.code)}</b>"
        if sent.code
        else f"{pending}OFICIO-{escape(report.institution_code)}-DG-(número al aprobar)</font>"
    )
    institution = escape(sent.institution_name)
    addressee = [sent.addressee_name] if sent.addressee_name else []
    addressee += [sent.addressee_title, SEGEPLAN_NAME, "Su Despacho"]
    story = [
        Paragraph(institution, LETTERHEAD),
        HRFlowable(width="100%", thickness=1.5, color=LETTER_BLUE, spaceBefore=1, spaceAfter=4),
        Spacer(0, 8),
        Paragraph(f"{escape(sent.place)}, {date}<br/>{code}", LETTER_RIGHT),
        Paragraph("Señor Secretario:", LETTER_TEXT),
        *(Paragraph(escape(paragraph), LETTER_TEXT) for paragraph in document.letter_body),
        Paragraph(escape(document.letter_attachment), LETTER_BULLET, bulletText="•"),
        Paragraph("Sin otro particular me suscribo de usted", LETTER_TEXT),
        Paragraph("Atentamente,", LETTER_TEXT),
        Spacer(0, 1.4 * cm),
        Paragraph(
            f"<b>{escape(sent.signer_name)}</b><br/>{escape(sent.signer_title)}<br/>{institution}",
            LETTER_CENTRE,
        ),
        Spacer(0, 0.6 * cm),
        Paragraph("<br/>".join(escape(line) for line in addressee), LETTER_TEXT),
        Paragraph(
            f"ADJUNTO REPORTE EJECUCIÓN MENSUAL- {report.period_ordinal.upper()} CUATRIMESTRE<br/>"
            "C.C. ARCHIVO",
            LETTER_SMALL,
        ),
        Spacer(0, 0.4 * cm),
    ]
    footer = [
        (title, value)
        for title, value in (
            ("DIRECCIÓN", sent.address),
            ("TELÉFONO", sent.phone),
            ("CORREO ELECTRÓNICO", sent.email),
        )
        if value
    ]
    if footer:
        story.append(_letter_footer(footer))
    return story


def _letter_footer(items: list[tuple[str, str]]) -> Table:
    """The institution's address, phone and e-mail spread across the page under a rule: each as wide
    as its text, the space left shared between them, the last flush right."""
    cells = [Paragraph(f"<b>{title}</b><br/>{escape(value)}", LETTER_SMALL) for title, value in items]
    natural = [
        max(stringWidth(title, BOLD, LETTER_SMALL.fontSize), stringWidth(value, FONT, LETTER_SMALL.fontSize))
        + 1
        for title, value in items
    ]
    room = letter[0] - LETTER_MARGINS["left"] - LETTER_MARGINS["right"]
    gap = max(0.0, room - sum(natural)) / max(1, len(items) - 1)
    widths = [width + gap for width in natural[:-1]] + [natural[-1]]
    return Table(
        [cells],
        colWidths=widths,
        hAlign="LEFT",
        style=[
            ("LINEABOVE", (0, 0), (-1, 0), 0.75, LETTER_BLUE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
        ],
    )


def _report(document: ReportDocument, frame: Frame) -> list[Flowable]:
    report = document.report
    layout = TableLayout(report, frame._width)  # noqa: SLF001 - the frame's width, as laid out
    story: list[Flowable] = []
    if document.draft:
        story.append(
            Table(
                [[wording.DRAFT_FLAG]],
                hAlign="LEFT",
                style=[
                    ("FONT", (0, 0), (0, 0), BOLD, 9),
                    ("TEXTCOLOR", (0, 0), (0, 0), OVER),
                    ("BOX", (0, 0), (0, 0), 0.75, OVER),
                    ("LEFTPADDING", (0, 0), (0, 0), 6),
                    ("RIGHTPADDING", (0, 0), (0, 0), 6),
                ],
                spaceAfter=4,
            )
        )
    story.append(Paragraph(wording.LINKED_TO_INSTITUTIONAL_RESULTS, REPORT_BOLD))
    for block in report.blocks:
        pairs = [layout.pair(row) for row in block.rows]
        story.append(Spacer(0, 4.5))
        story.append(BlockRows(layout, block_heading(block.title), pairs, frame._height))  # noqa: SLF001
    story += [Spacer(0, 3), _legend()]
    if document.deviations:
        story += _notes(document)
    story.append(Paragraph(wording.LINKED_TO_STRATEGIC_RESULTS, RE_HEADING))
    story.append(_signature(document))
    return story


def _legend() -> Table:
    """ "▲ Sobreejecución …" and a striped swatch for "Mes sin ejecución reportada", on one line."""
    over, missing = wording.OVER_EXECUTION, wording.NO_EXECUTION
    swatch, size = 11, REPORT_TEXT.fontSize
    widths = [swatch, stringWidth(over, FONT, size) + 16, swatch, stringWidth(missing, FONT, size) + 6]
    return Table(
        [["▲", over, "", missing]],
        colWidths=widths,
        hAlign="LEFT",
        style=[
            ("FONT", (0, 0), (-1, -1), FONT, size),
            ("FONT", (0, 0), (0, 0), BOLD, size),
            ("TEXTCOLOR", (0, 0), (0, 0), OVER),
            ("ALIGN", (0, 0), (0, 0), "CENTER"),
            ("BOX", (0, 0), (0, 0), 0.5, BORDER),
            ("BOX", (2, 0), (2, 0), 0.5, BORDER),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ],
        renderCB=Stripes([(2, 0)]),
    )


def _notes(document: ReportDocument) -> list[Flowable]:
    title = wording.deviation_notes_title(document.low_pct, document.high_pct)
    items = []
    for note in document.deviations:
        basis = "de lo programado" if note.programmed else "de la meta proporcional, sin programación"
        explanation = (
            escape(note.text)
            if note.text
            else f'<i><font color="{OVER_HEX}">{wording.MISSING_EXPLANATION}</font></i>'
        )
        items.append(
            ListItem(
                Paragraph(
                    f"<b>{escape(note.name)}</b> ({escape(note.measure)}: "
                    f"{figure(note.progress_pct)} % {basis}). {explanation}",
                    REPORT_TEXT,
                ),
                leftIndent=12,
            )
        )
    return [
        Paragraph(title, REPORT_BOLD),
        ListFlowable(
            items, bulletType="1", bulletFormat="%s.", leftIndent=12, bulletFontName=FONT, bulletFontSize=6.6
        ),
    ]


class _SignatureBox(Flowable):
    """The empty dashed box the digital signature's stamp is drawn in, centred, with the named
    destination ``reporting.signing`` finds it by (its top-left corner)."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.available_width = available_width
        return available_width, BOX_HEIGHT + 4

    def draw(self) -> None:
        left = (self.available_width - BOX_WIDTH) / 2
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor("#b8c1cc")
        canvas.setLineWidth(0.5)
        canvas.setDash(2, 2)
        canvas.rect(left, 2, BOX_WIDTH, BOX_HEIGHT, stroke=1, fill=0)
        canvas.restoreState()
        x, y = canvas.absolutePosition(left, 2 + BOX_HEIGHT)
        canvas.signature_box = (len(canvas._pages), x, y)  # noqa: SLF001 - pages laid out so far


def _signature(document: ReportDocument) -> Flowable:
    report = document.report
    lines = [
        Paragraph(f"<b>{wording.SIGNATURE_LABEL}</b>", SIGNATURE),
        _SignatureBox(),
        Paragraph("f. ______________________________", SIGNATURE),
        Paragraph(f"Nombre: <b>{escape(report.signer_name)}</b>", SIGNATURE),
        Paragraph(escape(report.signer_title), SIGNATURE),
        Paragraph(escape(document.letter.institution_name), SIGNATURE),
    ]
    return KeepTogether([Spacer(0, 10), *lines])


def signature_stamp_pdf(signer_name: str, signed_at: str) -> bytes:
    """The digital signature's visible stamp, the size of the signature box, in the document's font:
    "Firmado digitalmente por", the signer and when, centred in a frame."""
    register_fonts()
    output = BytesIO()
    canvas = Canvas(output, pagesize=(BOX_WIDTH, BOX_HEIGHT), initialFontName=FONT)
    canvas.setLineWidth(1)
    canvas.setStrokeColor(INK)
    canvas.rect(0.5, 0.5, BOX_WIDTH - 1, BOX_HEIGHT - 1, stroke=1, fill=0)
    canvas.setFillColor(INK)
    leading, centre = 7.5 * 1.35, BOX_WIDTH / 2
    baseline = BOX_HEIGHT / 2 + leading - 2.5
    for font, line in ((FONT, "Firmado digitalmente por"), (BOLD, signer_name), (FONT, signed_at)):
        # A long name is set smaller rather than past the frame.
        canvas.setFont(font, min(7.5, 7.5 * (BOX_WIDTH - 16) / stringWidth(line, font, 7.5)))
        canvas.drawCentredString(centre, baseline, line)
        baseline -= leading
    canvas.showPage()
    canvas.save()
    return output.getvalue()
