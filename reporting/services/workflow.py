"""The four-monthly report's approval workflow (submit, return, approve, sign) and the deviation
notes and letter data written while it is prepared."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.versions import ensure_current
from planning.models import Institution
from reporting.models import DeviationNote, LetterSequence, PeriodReport, ReportJob
from reporting.permissions import (
    deviation_notes_ensure_writable,
    ensure_report_approver,
    ensure_report_director,
    ensure_report_planner,
)
from reporting.selectors.deviations import deviation_notes_open, note_key
from reporting.selectors.documents import live_report_document, period_report_for
from reporting.selectors.siplan import MEASURE_LABELS
from reporting.services import WorkflowError
from reporting.services.jobs import job_create


def _period_report(*, institution: Institution, year: int, period: int) -> PeriodReport:
    report, _created = PeriodReport.objects.select_for_update().get_or_create(
        institution=institution, year=year, period=period
    )
    return report


@transaction.atomic
def period_report_submit(
    *,
    institution: Institution,
    year: int,
    period: int,
    user,
    addressee_name: str = "",
    addressee_title: str = "",
    request_reference: str = "",
) -> PeriodReport:
    """Planning staff send the period's report to the director; every deviation needs its note."""
    ensure_report_planner(user=user, institution=institution)
    report = _period_report(institution=institution, year=year, period=period)
    if report.status != PeriodReport.Status.DRAFT:
        raise WorkflowError(_("El reporte ya fue enviado (estado: %s).") % report.get_status_display())
    document = live_report_document(institution=institution, year=year, period=period)
    missing = [d for d in document.deviations if not d.text]
    if missing:
        names = "; ".join(sorted({f"{d.name} ({d.measure})" for d in missing}))
        raise WorkflowError(
            _("Falta la explicación de desviación de %(count)d subproducto(s): %(names)s.")
            % {"count": len({d.subproduct_id for d in missing}), "names": names}
        )
    report.addressee_name = addressee_name.strip()
    report.addressee_title = addressee_title.strip() or report.addressee_title
    report.request_reference = request_reference.strip()
    report.status = PeriodReport.Status.SUBMITTED
    report.submitted_by, report.submitted_at = user, timezone.now()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def period_report_return(*, period_report: PeriodReport, user, reason: str) -> PeriodReport:
    """The director sends a submitted report back to planning, saying what to correct."""
    report = PeriodReport.objects.select_for_update().get(pk=period_report.pk)
    ensure_report_director(user=user, institution=report.institution)
    if report.status != PeriodReport.Status.SUBMITTED:
        raise WorkflowError(_("Solo un reporte enviado para aprobación puede devolverse."))
    reason = reason.strip()
    if not reason:
        raise WorkflowError(_("Escriba qué debe corregir planificación para devolver el reporte."))
    report.status = PeriodReport.Status.DRAFT
    report.returned_by, report.returned_at, report.return_reason = user, timezone.now(), reason
    report.save(update_fields=["status", "returned_by", "returned_at", "return_reason"])
    return report


@transaction.atomic
def period_report_approve(*, period_report: PeriodReport, user) -> PeriodReport:
    """The director approves what they reviewed: the letter is numbered and dated, and the data
    frozen as the snapshot that the signed document (and every later rendering) shows."""
    report = PeriodReport.objects.select_for_update().select_related("institution").get(pk=period_report.pk)
    ensure_report_approver(user=user, institution=report.institution, submitted_by_id=report.submitted_by_id)
    if report.status != PeriodReport.Status.SUBMITTED:
        raise WorkflowError(_("Solo un reporte enviado para aprobación puede aprobarse."))
    today = timezone.localdate()
    sequence, _created = LetterSequence.objects.select_for_update().get_or_create(
        institution=report.institution, year=today.year
    )
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    report.letter_number, report.letter_year, report.letter_date = sequence.last_number, today.year, today
    report.status = PeriodReport.Status.APPROVED
    report.approved_by, report.approved_at = user, timezone.now()
    document = live_report_document(
        institution=report.institution, year=report.year, period=report.period, period_report=report
    )
    report.snapshot = document.to_json_data()
    report.snapshot_sha256 = document.fingerprint(format="json", signed=False)
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def period_report_sign(*, period_report: PeriodReport, user) -> ReportJob:
    """Start the signing job of an approved report (one signing job per report, retried if failed)."""
    report = PeriodReport.objects.select_for_update().select_related("institution").get(pk=period_report.pk)
    ensure_report_director(user=user, institution=report.institution)
    existing = report.jobs.filter(signed=True).exclude(status=ReportJob.Status.FAILED).first()
    if existing is not None:
        return existing
    if report.status != PeriodReport.Status.APPROVED:
        raise WorkflowError(_("Solo un reporte aprobado puede firmarse."))
    return job_create(
        institution=report.institution,
        year=report.year,
        period=report.period,
        format=ReportJob.Format.PDF,
        user=user,
        signed=True,
        period_report=report,
    )


NoteTexts = dict[tuple[int, str], str]  # (subproduct id, measure) → explanation
LETTER_FIELDS = ("addressee_name", "addressee_title", "request_reference")


def _notes_write(
    *, institution, year: int, period: int, notes: NoteTexts, read, user, letter=None, report=None
):
    """Write the explanations (and letter data) the user changed since ``read``, refusing a stale page.

    A box left as read is not written, so another person's explanation in it stays."""
    if not deviation_notes_open(
        period_report=report or period_report_for(institution=institution, year=year, period=period)
    ):
        raise WorkflowError(
            _("El reporte ya fue enviado; devuélvalo a planificación para cambiar las notas.")
        )
    subproducts = deviation_notes_ensure_writable(
        user=user, institution=institution, subproduct_ids={pk for pk, _measure in notes}
    )
    read_values = read or {}
    edited = {
        key: text.strip()
        for key, text in notes.items()
        if read_values.get(note_key(*key), "") != text.strip()
    }
    stored = {
        (note.subproduct_id, note.measure): note
        for note in DeviationNote.objects.select_for_update()
        .filter(subproduct__in=subproducts, year=year, period=period)
        .select_related("written_by")
    }
    current = {note_key(*key): stored[key].text for key in edited if key in stored}
    labels = {
        note_key(pk, measure): _("Explicación de %(code)s (%(measure)s)")
        % {"code": subproducts[pk].code, "measure": MEASURE_LABELS[measure]}
        for pk, measure in edited
    }
    edited_letter = {
        name: value.strip()
        for name, value in (letter or {}).items()
        if read_values.get(f"letter-{name}", "") != value.strip()
    }
    for name in edited_letter:
        current[f"letter-{name}"] = getattr(report, name)
        labels[f"letter-{name}"] = str(PeriodReport._meta.get_field(name).verbose_name)
    authors = [
        stored[key]
        for key in edited
        if key in stored and stored[key].text != read_values.get(note_key(*key), "")
    ]
    latest = max(authors, key=lambda note: note.written_at, default=None)
    ensure_current(
        read=read,
        current=current,
        labels=labels,
        author=(latest.written_by.get_full_name(), latest.written_at) if latest else None,
    )
    for key, text in edited.items():
        note = stored.get(key) or DeviationNote(
            subproduct=subproducts[key[0]], year=year, period=period, measure=key[1]
        )
        if not text:
            if note.pk:
                note.delete()
            continue
        note.text, note.written_by = text, user
        note.full_clean()
        note.save()
    if edited_letter:
        for name, value in edited_letter.items():
            setattr(report, name, value or PeriodReport._meta.get_field(name).get_default())
        report.full_clean()
        report.save(update_fields=list(edited_letter))
    return len(edited) + len(edited_letter)


@transaction.atomic
def deviation_notes_save(
    *, institution: Institution, year: int, period: int, notes: NoteTexts, read, user
) -> int:
    """A notes page saved at once: every explanation the user changed, refused when stale
    (``common.versions``); only while the period's report has not been sent. Returns how many changed."""
    return _notes_write(institution=institution, year=year, period=period, notes=notes, read=read, user=user)


def period_draft_save(
    *,
    institution: Institution,
    year: int,
    period: int,
    notes: NoteTexts,
    letter: dict,
    read,
    user,
    submit=False,
) -> PeriodReport:
    """The period page's one form: explanations and the letter's data saved together (planning
    staff, while in preparation), then, when asked, the report sent for approval. A refused
    sending keeps what was saved."""
    ensure_report_planner(user=user, institution=institution)
    with transaction.atomic():
        report = _period_report(institution=institution, year=year, period=period)
        _notes_write(
            institution=institution,
            year=year,
            period=period,
            notes=notes,
            read=read,
            user=user,
            letter={name: letter.get(name, "") for name in LETTER_FIELDS},
            report=report,
        )
    if submit:
        return period_report_submit(
            institution=institution,
            year=year,
            period=period,
            user=user,
            **{name: getattr(report, name) for name in LETTER_FIELDS},
        )
    return report
