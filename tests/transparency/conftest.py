"""IGM published in part: an approved and a draft plan (the seed's POA 2024 and POM 2026-2030),
approved months (January–August 2024) beside open ones (September–December), a signed report
(2024, third period) beside one still awaiting approval (2024, second period)."""

import threading
from dataclasses import dataclass

import pytest
from django.db import connection

from accounts.models import Role
from budget.models import CostCentre
from budget.services.months import execution_month_approve, execution_month_submit
from reporting.models import PeriodReport
from reporting.services.jobs import report_job_run
from reporting.services.workflow import period_report_approve, period_report_sign, period_report_submit
from tests.reporting.conftest import (  # noqa: F401 - the reporting tests' fixtures: certificate, eager jobs
    explained,
    reporting_settings,
    signing_p12,
)

APPROVED_MONTHS = tuple(range(1, 9))
OPEN_MONTHS = (9, 10, 11, 12)


@dataclass
class Published:
    signed: PeriodReport
    unsigned: PeriodReport


def months_approve(igm, submitter, approver, months) -> None:
    """Sent by one person, approved by another (separation of duties)."""
    centre = CostCentre.objects.get(institution=igm, code="CC-01")
    for month in months:
        execution_month_submit(cost_centre=centre, year=2024, month=month, user=submitter)
        execution_month_approve(cost_centre=centre, year=2024, month=month, user=approver)


def report_sign(igm, igm_user, *, in_thread: bool = False) -> PeriodReport:
    """Submit, approve and sign 2024's third period. ``in_thread`` (browser tests, on a committed
    database) runs the signing job in a thread of its own, as a worker would: pyHanko's sync API
    wants no running event loop, and Playwright's is running."""
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    report = period_report_submit(
        institution=igm, year=2024, period=3, user=lead, addressee_name="Licenciado Carlos"
    )
    report = period_report_approve(period_report=report, user=director)
    errors = []

    def sign():
        try:
            job = period_report_sign(period_report=report, user=director)
            report_job_run(job_id=job.pk)
        except Exception as error:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(error)
        finally:
            if in_thread:
                connection.close()

    if in_thread:
        thread = threading.Thread(target=sign)
        thread.start()
        thread.join()
    else:
        sign()
    if errors:
        raise errors[0]
    report.refresh_from_db()
    assert report.status == PeriodReport.Status.SIGNED
    return report


def publish(igm, igm_user, *, in_thread: bool = False) -> Published:
    months_approve(igm, igm_user(Role.PLANNING_LEAD), igm_user(Role.PLANNER), APPROVED_MONTHS)
    signed = report_sign(igm, igm_user, in_thread=in_thread)
    unsigned = PeriodReport.objects.create(
        institution=igm, year=2024, period=2, status=PeriodReport.Status.SUBMITTED
    )
    return Published(signed=signed, unsigned=unsigned)


@pytest.fixture
def published(igm, igm_user, explained) -> Published:  # noqa: F811
    return publish(igm, igm_user)
