"""PDF from our own HTML templates (WeasyPrint). Images arrive as data: URIs; nothing is fetched.

Long documents (a plan's indicator sheets, the national consolidated report) go through
``render_pdf_chunks``: each chunk is laid out on its own, in parallel processes when allowed, and the
parts are merged into one PDF numbered "Página N de M" over the whole document, with bookmarks.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from io import BytesIO

from django.conf import settings
from django.template.loader import render_to_string

# The font every document is set in (DejaVu Sans, in the CSS); the SIPLAN report's PDF and the signature
# stamp register this file and the bold and oblique faces beside it (reporting/renderers/pdf_table.py).
DOCUMENT_FONT_FILE = getattr(settings, "IGM_PDF_FONT_FILE", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Where the merged document's numbers go: bottom right, as the SIPLAN report prints them.
PAGE_NUMBER_CSS = """
@page { margin: 0 1cm 1.3cm 0;
  @bottom-right { content: "Página " counter(page) " de " counter(pages);
    font: 7pt "DejaVu Sans", sans-serif; color: #444; } }
"""


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """WeasyPrint's boxes all live until the PDF is written, hundreds of thousands for a long
    report, and Python's cycle collector walked them again and again as they grew (about a tenth
    of a 500-row report's time). Layout and writing run without it; it resumes after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pdf_layout(template: str, context: dict):
    """WeasyPrint's laid-out pages of one of our templates."""
    from weasyprint import HTML  # a heavy import, paid only when a PDF is made

    html = render_to_string(template, context)
    with cycle_collector_paused():
        return HTML(string=html, base_url=None).render()


def pdf_from_template(template: str, context: dict) -> bytes:
    layout = pdf_layout(template, context)
    with cycle_collector_paused():
        return layout.write_pdf()


@dataclass(frozen=True)
class PdfChunk:
    """One part of a long document: a template and its context, and the bookmark path that points at
    the part's first page, outermost first (``("IGM", "Producto 3")``; ``()`` for none). Parts
    sharing a leading title share that bookmark."""

    template: str
    context: dict
    bookmark: tuple[str, ...] = ()


@dataclass(frozen=True)
class MergedPdf:
    content: bytes
    pages: int
    chunk_pages: tuple[int, ...]


ProgressCallback = Callable[[int, int], None]


def render_pdf_chunks(
    chunks: Sequence[PdfChunk],
    *,
    stylesheets: Sequence[str] = (),
    page_number_css: str = PAGE_NUMBER_CSS,
    progress: ProgressCallback | None = None,
    processes: int | None = None,
) -> MergedPdf:
    """One PDF of every chunk, in order, numbered "Página N de M" over the whole document.

    - ``chunks``: the parts; each starts on a new page. Templates are rendered here (they may read
      the database); only the HTML goes to the layout processes.
    - ``stylesheets``: CSS texts applied to every chunk (compiled once per process).
    - ``page_number_css``: where and how numbers are drawn on the merged pages; the chunks' own
      templates must print no page numbers. ``""`` leaves the pages unnumbered.
    - ``progress(done, total)``: called in this process after each chunk is laid out.
    - ``processes``: layout processes; by default ``settings.IGM_PDF_PROCESSES``, and 1 (in this
      process, one chunk after another) when tasks run eagerly, as in tests and development.
    """
    htmls = [render_to_string(chunk.template, chunk.context) for chunk in chunks]
    parts = _laid_out_parts(htmls, tuple(stylesheets), progress, layout_processes(processes, len(htmls)))
    return pdf_merge(parts, bookmarks=[chunk.bookmark for chunk in chunks], page_number_css=page_number_css)


def layout_processes(asked: int | None = None, chunks: int | None = None) -> int:
    """How many processes lay out PDF chunks: ``asked``, else ``settings.IGM_PDF_PROCESSES`` (1 when
    tasks run eagerly, as in tests and development), never more than the ``chunks``."""
    if asked is None:
        from celery import current_app

        eager = current_app.conf.task_always_eager
        asked = 1 if eager else settings.IGM_PDF_PROCESSES
    return max(1, asked if chunks is None else min(asked, chunks))


def _laid_out_parts(
    htmls: list[str], stylesheets: tuple[str, ...], progress: ProgressCallback | None, processes: int
) -> list[bytes]:
    total = len(htmls)
    if processes == 1:
        parts = []
        for html in htmls:
            parts.append(html_to_pdf(html, stylesheets))
            if progress:
                progress(len(parts), total)
        return parts
    # Forked children only lay out HTML: they never touch the database connections they inherit.
    # billiard (Celery's multiprocessing) because a Celery worker's child is a daemonic process, and
    # the standard library refuses children to those.
    import billiard

    results: list[bytes | None] = [None] * total
    with billiard.get_context("fork").Pool(processes) as pool:
        tasks = [(index, html, stylesheets) for index, html in enumerate(htmls)]
        for done, (index, pdf) in enumerate(pool.imap_unordered(_indexed_pdf, tasks), start=1):
            results[index] = pdf
            if progress:
                progress(done, total)
    return results


def _indexed_pdf(task: tuple[int, str, tuple[str, ...]]) -> tuple[int, bytes]:
    index, html, stylesheets = task
    return index, html_to_pdf(html, stylesheets)


@cache
def _font_configuration():
    """Fonts are looked up once per process, not once per document."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _stylesheet(css: str):
    """Parsed once per process: compiling the selectors is a good part of a small document's time."""
    from weasyprint import CSS

    return CSS(string=css, font_config=_font_configuration())


def html_to_pdf_pages(html: str, stylesheets: Sequence[str] = ()) -> tuple[bytes, int]:
    """The PDF of ``html`` with the ``stylesheets`` (CSS texts) and its number of pages."""
    from weasyprint import HTML

    sheets = [_stylesheet(css) for css in stylesheets]
    with cycle_collector_paused():
        layout = HTML(string=html, base_url=None).render(
            stylesheets=sheets, font_config=_font_configuration()
        )
        return layout.write_pdf(), len(layout.pages)


def html_to_pdf(html: str, stylesheets: Sequence[str] = ()) -> bytes:
    """One chunk's PDF; fonts and stylesheets are prepared once per process."""
    return html_to_pdf_pages(html, stylesheets)[0]


def pdf_merge(
    parts: Sequence[bytes],
    *,
    bookmarks: Sequence[tuple[str, ...]] = (),
    page_number_css: str = PAGE_NUMBER_CSS,
) -> MergedPdf:
    """The parts one after another, with the bookmarks (one path per part) and page numbers."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    outline: dict[tuple[str, ...], object] = {}
    counts = []
    for index, part in enumerate(parts):
        start = len(writer.pages)
        writer.append(PdfReader(BytesIO(part)), import_outline=False)
        counts.append(len(writer.pages) - start)
        path = tuple(bookmarks[index]) if index < len(bookmarks) else ()
        for depth in range(len(path)):
            if path[: depth + 1] not in outline:
                parent = outline.get(path[:depth])
                outline[path[: depth + 1]] = writer.add_outline_item(path[depth], start, parent=parent)
    if page_number_css and writer.pages:
        sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in writer.pages]
        numbers = PdfReader(BytesIO(_page_numbers(sizes, page_number_css)))
        for page, number in zip(writer.pages, numbers.pages, strict=True):
            page.merge_page(number)
    output = BytesIO()
    writer.write(output)
    return MergedPdf(content=output.getvalue(), pages=len(writer.pages), chunk_pages=tuple(counts))


def _page_numbers(sizes: list[tuple[float, float]], page_number_css: str) -> bytes:
    """Transparent pages of the given sizes carrying only their number, laid over the merged pages."""
    names = {size: f"s{index}" for index, size in enumerate(dict.fromkeys(sizes))}
    css = page_number_css + "div + div { break-before: page; }"
    css += "".join(
        f"@page {name} {{ size: {width}pt {height}pt; }} .{name} {{ page: {name}; height: 1px; }}"
        for (width, height), name in names.items()
    )
    body = "".join(f'<div class="{names[size]}"></div>' for size in sizes)
    return html_to_pdf(f"<!doctype html><html><body>{body}</body></html>", (css,))
