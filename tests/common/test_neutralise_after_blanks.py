"""Text whose first non-blank character starts a formula is neutralised on export, and read back as
it was; the intake's formula check looks past the same blanks."""

import pytest

from common.spreadsheets import is_formula_text, neutralise, written_text

HOSTILE = ["\t=cmd|' /C calc'!A0", ' =HYPERLINK("http://x","clic")', "\r\n+1+1", "  @SUMA(A1)", "-2+3"]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_starting_a_formula_after_blanks_is_neutralised_and_read_back(text):
    assert neutralise(text) == "'" + text
    assert written_text(neutralise(text)) == text


@pytest.mark.parametrize("text", ["Pasaportes", "  sin novedad", "", "5 personas"])
def test_other_text_is_written_as_it_is(text):
    assert neutralise(text) == text
    assert written_text(text) == text


def test_a_formula_typed_as_text_is_recognised_after_blanks():
    assert [is_formula_text(value) for value in ("\t=cmd|' /C calc'!A0", " =1+1", "=A1", "- 5", 5)] == [
        True,
        True,
        True,
        False,
        False,
    ]
