"""Text that a spreadsheet would run as a formula is written as text."""

from common.spreadsheets import neutralise


def test_text_that_a_spreadsheet_would_run_is_neutralised():
    assert [neutralise(text) for text in ("=1+1", "+502", "-x", "@a", "Pasaportes", 12)] == [
        "'=1+1",
        "'+502",
        "'-x",
        "'@a",
        "Pasaportes",
        12,
    ]
