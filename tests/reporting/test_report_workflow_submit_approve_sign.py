"""Planning submits, the director approves (numbered letter, frozen snapshot) and signs (PAdES,
period locked)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.models import Role
from budget.models import Execution, PeriodLock
from reporting.models import LetterSequence, PeriodReport, ReportJob
from reporting.selectors.documents import period_report_changes, report_document
from reporting.services import WorkflowError
from reporting.services.workflow import period_report_approve, period_report_sign, period_report_submit
from reporting.signing import signature_verify


def submit(igm, lead):
    return period_report_submit(
        institution=igm,
        year=2024,
        period=3,
        user=lead,
        addressee_name="Licenciado Carlos Mendoza Alvarado",
        request_reference="OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo",
    )


def test_submission_is_refused_while_a_deviation_lacks_its_explanation(igm, igm_user):
    lead = igm_user(Role.PLANNING_LEAD)
    with pytest.raises(WorkflowError, match="Falta la explicación de desviación de 6 subproducto"):
        submit(igm, lead)
    assert not PeriodReport.objects.filter(status=PeriodReport.Status.SUBMITTED).exists()


def test_only_the_director_approves(igm, igm_user, explained):
    lead = igm_user(Role.PLANNING_LEAD)
    report = submit(igm, lead)
    with pytest.raises(PermissionDenied):
        period_report_approve(period_report=report, user=lead)


def test_approval_numbers_the_letter_per_year_and_freezes_the_data(igm, igm_user, explained):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    LetterSequence.objects.create(institution=igm, year=timezone.localdate().year, last_number=25)
    report = period_report_approve(period_report=submit(igm, lead), user=director)
    assert report.status == PeriodReport.Status.APPROVED
    assert report.letter_code == f"OFICIO-IGM-DG-026-{timezone.localdate().year}"
    assert report.letter_date == timezone.localdate()
    document = report_document(institution=igm, year=2024, period=3)
    assert not document.draft
    assert document.letter.code == report.letter_code
    assert all(d.text for d in document.deviations)


def test_signing_produces_a_valid_pades_pdf_and_locks_the_period(
    igm, igm_user, explained, django_capture_on_commit_callbacks
):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    report = period_report_approve(period_report=submit(igm, lead), user=director)
    with django_capture_on_commit_callbacks(execute=True):
        job = period_report_sign(period_report=report, user=director)
    job.refresh_from_db()
    assert job.status == ReportJob.Status.DONE and job.signed and job.percent == 100
    content = job.file.read()
    check = signature_verify(content)
    assert check.valid, check.message
    assert check.signer == "Lic. Alfredo Danilo Rivera (demostración)"
    report.refresh_from_db()
    assert report.status == PeriodReport.Status.SIGNED and report.signed_by == director
    lock = PeriodLock.objects.get(institution=igm, year=2024, period=3, unlocked_at__isnull=True)
    assert report.letter_code in lock.reason
    # Signing again returns the same signed document, it does not sign twice.
    assert period_report_sign(period_report=report, user=director) == job


def test_signed_document_is_a_snapshot_and_changes_are_listed(igm, igm_user, explained):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    report = period_report_approve(period_report=submit(igm, lead), user=director)
    before = report_document(institution=igm, year=2024, period=3)
    row = Execution.objects.filter(subproduct__product__plan__institution=igm, year=2024, month=12).first()
    Execution.objects.filter(pk=row.pk).update(physical=row.physical + 1000)
    after = report_document(institution=igm, year=2024, period=3)
    assert after == before
    changes = period_report_changes(period_report=report)
    assert {change.field for change in changes} >= {"Total del cuatrimestre", "Acumulado"}
    assert any(change.row == row.subproduct.name and change.measure == "Física" for change in changes)
