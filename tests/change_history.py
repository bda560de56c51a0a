"""Reading the «Historial de cambios» section of a rendered page, shared by the page tests."""

import html
import re

SECTION = re.compile(r'<section id="historial".*?</section>', re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
TAG = re.compile(r"<[^>]+>")


def history_rows(page: str) -> list[str]:
    """Each body row of the history table as its text: «date user reason changes», spaces collapsed."""
    (section,) = SECTION.findall(page)
    body = section.split("<tbody>", 1)[1] if "<tbody>" in section else ""
    return [" ".join(html.unescape(TAG.sub(" ", row)).split()) for row in ROW.findall(body)]
