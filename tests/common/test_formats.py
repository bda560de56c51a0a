"""Figures and dates are written as the reference documents write them."""

import re
from datetime import UTC, date, datetime
from decimal import Decimal

from django.conf import settings
from django.template import Context, Template

from common.formats import day, long_date, moment
from common.formats import figure as money


def test_money_is_formatted_like_the_reference():
    assert money(Decimal("292649151")) == "292,649,151.00"
    assert money(Decimal("8438072.00")) == "8,438,072.00"
    assert money(Decimal("0")) == "0.00"


def test_letter_date_is_written_like_the_reference():
    assert long_date(date(2025, 1, 14)) == "14 de enero 2025"


def test_dates_and_moments_have_one_format_in_guatemala_time():
    # 18:45 UTC is 12:45 in Guatemala (UTC−6); 03:00 UTC on 1 December is still 30 November there.
    assert day(date(2026, 11, 30)) == "30/11/2026"
    assert moment(datetime(2026, 11, 30, 18, 45, tzinfo=UTC)) == "30/11/2026 12:45"
    assert day(datetime(2026, 12, 1, 3, 0, tzinfo=UTC)) == "30/11/2026"
    assert moment(datetime(2027, 1, 1, 3, 5, tzinfo=UTC)) == "31/12/2026 21:05"
    assert day(None) == moment(None) == ""


def test_templates_use_the_date_filters_only():
    """No page writes a date with its own format: ``fecha`` and ``fecha_hora`` write them all."""
    pages = [
        path
        for root in ("templates", "reporting/templates")
        for path in (settings.BASE_DIR / root).rglob("*.html")
        if "pdf" not in path.parts and "document" not in path.parts
    ]
    assert len(pages) > 60
    assert [str(p) for p in pages if re.search(r"\|\s*(date|time)\b", p.read_text())] == []
    rendered = Template("{% load formats %}{{ when|fecha_hora }} · {{ when|fecha }}").render(
        Context({"when": datetime(2026, 11, 30, 18, 45, tzinfo=UTC)})
    )
    assert rendered == "30/11/2026 12:45 · 30/11/2026"
