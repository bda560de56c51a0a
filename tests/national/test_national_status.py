"""A line's report status: not started, in preparation, in approval, signed, and late with its days."""

from datetime import date

from django.utils import timezone

from national.selectors import national_lines
from planning.models import Institution
from reporting.models import PeriodReport

DUE = date(2025, 1, 15)  # 2024's third period: December 31 + 15 days


def _line(institution, today):
    [line] = national_lines(
        institutions=Institution.objects.filter(pk=institution.pk), year=2024, period=3, today=today
    )
    return line


def test_a_late_institution_shows_its_days_late_against_the_due_date(small_world):
    inp = small_world.institution
    line = _line(inp, date(2025, 2, 1))
    assert (line.status, line.status_label, line.due_date, line.days_late) == ("late", "Atrasado", DUE, 17)
    # A draft does not stop the clock either.
    PeriodReport.objects.create(institution=inp, year=2024, period=3)
    assert _line(inp, date(2025, 1, 16)).days_late == 1


def test_statuses_before_the_due_date_and_the_signature_date(small_world):
    inp = small_world.institution
    before = date(2025, 1, 10)
    assert (_line(inp, before).status, _line(inp, before).days_late) == ("not_started", None)
    report = PeriodReport.objects.create(institution=inp, year=2024, period=3)
    assert _line(inp, before).status_label == "En preparación"
    report.status = PeriodReport.Status.SUBMITTED
    report.save()
    assert _line(inp, before).status_label == "En aprobación"
    signed_at = timezone.now()
    PeriodReport.objects.filter(pk=report.pk).update(status=PeriodReport.Status.SIGNED, signed_at=signed_at)
    # Signed: neither late after the due date nor without its date.
    line = _line(inp, date(2025, 3, 1))
    assert (line.status_label, line.days_late, line.signed_at) == ("Firmado", None, signed_at)
