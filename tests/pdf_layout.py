"""What a reader of a WeasyPrint PDF would see as text running out of its table cell.

WeasyPrint lays a long unbreakable figure out past the cell's border instead of wrapping it; the
PDF then shows it over the border or over the next cell's figure. The laid-out pages are the ones
``write_pdf`` writes, so checking them checks the downloaded file."""

from weasyprint.formatting_structure import boxes

TOLERANCE_PT = 0.01


def text_outside_cells(document) -> list[str]:
    """Every piece of text that crosses the border of its table cell, on any page."""
    found = []
    for page in document.pages:
        for cell in page._page_box.descendants():  # WeasyPrint has no public box API
            if not isinstance(cell, boxes.TableCellBox):
                continue
            left = cell.border_box_x() - TOLERANCE_PT
            right = cell.border_box_x() + cell.border_width() + TOLERANCE_PT
            found += [
                text.text
                for text in cell.descendants()
                if isinstance(text, boxes.TextBox)
                and (text.position_x < left or text.position_x + text.width > right)
            ]
    return found


def tables_past_the_page(document) -> list[int]:
    """Numbers (1-based) of the pages where a table is wider than the page's printable width."""
    found = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        right = page_box.content_box_x() + page_box.width + TOLERANCE_PT
        tables = (box for box in page_box.descendants() if isinstance(box, boxes.TableBox))
        if any(table.border_box_x() + table.border_width() > right for table in tables):
            found.append(number)
    return found
