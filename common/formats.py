"""How figures and dates are written everywhere, in pages, PDF and XLSX text: ``Q 292,649,151.00``,
``14,466,570.00``, ``91.20 %``, ``30/11/2026``, ``30/11/2026 12:45``."""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from common.calendar import MONTH_NAMES


def figure(value, places: int = 2) -> str:
    """Thousands with commas and a decimal point, as SIPLAN and the POM print them."""
    if value is None or value == "":
        return ""
    quantum = Decimal(1).scaleb(-places)
    return f"{Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"


def quetzales(value) -> str:
    return "" if value is None or value == "" else f"Q {figure(value)}"


def units(value) -> str:
    return figure(value, places=0)


def quantity(value) -> str:
    """Whole figures without decimals (686,372), anything else with two places (83.77)."""
    if value is None or value == "":
        return ""
    return units(value) if Decimal(value) == Decimal(value).to_integral_value() else figure(value)


def percent(value) -> str:
    return "—" if value is None else f"{figure(value)} %"


def long_date(value: date | None) -> str:
    """``14 de enero 2025``, as the reference letter is dated."""
    if value is None:
        return ""
    return f"{value.day} de {MONTH_NAMES[value.month - 1].lower()} {value.year}"


def file_size(size: int) -> str:
    """A file's size as people read it: ``6.2 MB``, ``300.0 KB``, ``120 bytes``."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:,.1f} MB"
    if size >= 1024:
        return f"{size / 1024:,.1f} KB"
    return f"{size:,} bytes"


def day(value: date | datetime | None) -> str:
    """``30/11/2026``; a moment is first read in Guatemala's time."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return value.strftime("%d/%m/%Y")


def moment(value: datetime | None) -> str:
    """``30/11/2026 12:45`` in Guatemala's time."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return local.strftime("%d/%m/%Y %H:%M")
