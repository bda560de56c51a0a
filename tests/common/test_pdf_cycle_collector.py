"""A document is laid out with Python's cycle collector paused, and the collector is back after."""

import gc

import pytest

from common.pdf import cycle_collector_paused, html_to_pdf_pages


@pytest.fixture
def collector_enabled():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def test_the_collector_is_paused_inside_and_back_after(collector_enabled):
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_back_after_a_failure(collector_enabled):
    with pytest.raises(ValueError), cycle_collector_paused():
        raise ValueError("layout failed")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused(collector_enabled):
    gc.disable()
    with cycle_collector_paused():
        pass
    assert not gc.isenabled()


def test_a_document_is_written_and_the_collector_resumes(collector_enabled):
    content, pages = html_to_pdf_pages("<p>uno</p><p style='break-before: page'>dos</p>")

    assert content.startswith(b"%PDF")
    assert pages == 2
    assert gc.isenabled()
