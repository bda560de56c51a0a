"""Report jobs and the documents they stored, as each user may see them."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from planning.selectors.plans import institution_list_for_user
from reporting.models import ReportJob
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
