"""The signed PDF: one page sequence from the cover letter to the last report page, and a stamp
drawn in the document's font with the date as people write it."""

import re
from datetime import timedelta

from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from reporting.signing import FIELD_NAME


def _stamp_page(reader: PdfReader):
    """A blank page that draws the signature widget's appearance, so its text can be extracted."""
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/T") == FIELD_NAME:
                appearance = widget["/AP"]["/N"].get_object()
                writer = PdfWriter()
                holder = writer.add_blank_page(width=300, height=100)
                stamp = writer._add_object(appearance)  # noqa: SLF001 - copies the form into the writer
                holder[NameObject("/Resources")] = DictionaryObject(
                    {NameObject("/XObject"): DictionaryObject({NameObject("/Stamp"): stamp})}
                )
                drawing = DecodedStreamObject()
                drawing.set_data(b"q /Stamp Do Q")
                holder.replace_contents(drawing)
                return holder, appearance
    raise AssertionError("the signed PDF has no signature widget")


def _font_names(holder) -> set[str]:
    """Base font names (without the subset prefix) used by a page or form, down nested forms."""
    resources = holder["/Resources"].get_object()
    names = {
        str(font.get_object()["/BaseFont"]).split("+")[-1] for font in resources.get("/Font", {}).values()
    }
    for xobject in resources.get("/XObject", {}).values():
        if xobject.get_object().get("/Subtype") == "/Form" and "/Resources" in xobject.get_object():
            names |= _font_names(xobject.get_object())
    return names


def test_page_numbers_run_from_the_cover_letter_to_the_last_page(signed_pdf):
    pages = [page.extract_text() for page in PdfReader(signed_pdf).pages]
    total = len(pages)
    assert total >= 3
    assert "Señor Secretario" in pages[0] and f"Página 1 de {total}" in pages[0]
    assert f"Página 2 de {total}" in pages[1] and "Reporte de Avance de Metas" in pages[1]
    assert f"Página {total} de {total}" in pages[-1]
    assert all(set(re.findall(r"Página \d+ de (\d+)", text)) == {str(total)} for text in pages)


def test_stamp_is_in_the_document_font_with_a_day_month_year_date(signed_pdf):
    before = timezone.localtime() - timedelta(minutes=1)
    reader = PdfReader(signed_pdf)
    holder, appearance = _stamp_page(reader)
    stamp_fonts = _font_names(appearance)
    page_fonts = _font_names(reader.pages[-1])
    assert stamp_fonts and stamp_fonts <= page_fonts, (stamp_fonts, page_fonts)
    assert not any("Courier" in name or "Mono" in name for name in stamp_fonts)
    text = " ".join(holder.extract_text().split())
    assert "Firmado digitalmente por" in text
    stamped = re.search(r"(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2})", text)
    assert stamped, text
    day, month, year, hour, minute = (int(part) for part in stamped.groups())
    signed_at = before.replace(year=year, month=month, day=day, hour=hour, minute=minute, second=0)
    assert before.replace(second=0, microsecond=0) <= signed_at <= timezone.localtime()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
