"""Rules for every spreadsheet the product writes (openpyxl): number formats, formula-safe text and
printing one page wide."""

MONEY_FORMAT = "#,##0.00"
QUETZALES_FORMAT = '"Q" #,##0.00'
UNITS_FORMAT = "#,##0"
FORMULA_PREFIXES = ("=", "+", "-", "@")


def neutralise(value):
    """Text that a spreadsheet would run as a formula is written with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def print_to_page_width(sheet, *, title_rows: str | None = None, landscape: bool = True) -> None:
    """Printed, the sheet is one page wide (as many pages down as it needs), landscape when wide,
    with its header rows repeated on every page."""
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows
