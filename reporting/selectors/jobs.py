"""Report jobs and the documents they stored, as each user may see them."""

from __future__ import annotations

from django.db.models import OuterRef, Q, QuerySet, Subquery

from planning.models import Institution
from planning.selectors.plans import institution_list_for_user
from reporting.models import PeriodReport, ReportJob
from reporting.permissions import reads_reports


def report_jobs_for_user(*, user) -> QuerySet[ReportJob]:
    """Jobs of the institutions the user may read reports of (SEGEPLAN: every institution)."""
    if not reads_reports(user=user):
        return ReportJob.objects.none()
    # Documents of no single institution (the national report) are rendered for their requester.
    return ReportJob.objects.filter(
        Q(institution__in=institution_list_for_user(user=user))
        | Q(institution__isnull=True, requested_by=user)
    ).select_related("institution", "requested_by", "period_report")


def report_documents_for_user(*, user) -> QuerySet[ReportJob]:
    """Finished documents the user may download, newest first (what the API lists)."""
    return report_jobs_for_user(user=user).filter(status=ReportJob.Status.DONE)


def signed_documents_with_digest(*, sha256: str) -> QuerySet[ReportJob]:
    return ReportJob.objects.filter(sha256=sha256, status=ReportJob.Status.DONE).select_related(
        "institution", "period_report"
    )


def _signed_documents() -> QuerySet[ReportJob]:
    return ReportJob.objects.filter(
        signed=True,
        status=ReportJob.Status.DONE,
        format=ReportJob.Format.PDF,
        period_report__status=PeriodReport.Status.SIGNED,
    )


def signed_period_reports(*, institution: Institution) -> QuerySet[PeriodReport]:
    """The institution's signed reports, newest period first, each with its signed PDF's job id
    and SHA-256 (``document_id``, ``document_sha256``); one query."""
    document = _signed_documents().filter(period_report=OuterRef("pk")).order_by("-finished_at", "-pk")
    return (
        PeriodReport.objects.filter(institution=institution, status=PeriodReport.Status.SIGNED)
        .annotate(
            document_id=Subquery(document.values("pk")[:1]),
            document_sha256=Subquery(document.values("sha256")[:1]),
        )
        .filter(document_id__isnull=False)
        .order_by("-year", "-period")
    )


def signed_report_document(*, institution: Institution, year: int, period: int) -> ReportJob | None:
    """The signed PDF of the institution's signed report of a period, or None."""
    return (
        _signed_documents()
        .filter(institution=institution, year=year, period=period)
        .select_related("institution", "period_report")
        .order_by("-finished_at", "-pk")
        .first()
    )


def signed_report_documents_with_digest(*, sha256: str) -> QuerySet[ReportJob]:
    """Signed PDFs of signed reports whose bytes have this SHA-256 (what the public may match)."""
    return _signed_documents().filter(sha256=sha256).select_related("institution")
