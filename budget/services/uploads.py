"""Execution files uploaded or imported: kept as received, previewed, then applied through the intake.

An upload's outcome is written in the same transaction as the rows it applies: an import stopped at
any moment (a killed process) leaves either the rows and "Aplicada", or neither. Rows are checked
before that transaction opens, so it stays as short as the write itself.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from budget.execution_files import execution_file_rows
from budget.models import ExecutionUpload
from budget.permissions import ensure_execution_writer, ensure_upload_confirmer
from budget.services.intake import IntakeOutcome, IntakeRefused, intake_apply, intake_check
from planning.models import Institution


def _upload_reason(upload: ExecutionUpload) -> str:
    return _("Carga n.º %(id)s «%(name)s»") % {"id": upload.pk, "name": upload.original_name}


def _upload_store(*, content: bytes, name: str, user, institution: Institution) -> ExecutionUpload:
    upload = ExecutionUpload(
        institution=institution,
        original_name=name[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        uploaded_by=user,
    )
    upload.file.save(name, ContentFile(content), save=False)
    upload.full_clean()
    upload.save()
    return upload


def _upload_record(upload: ExecutionUpload, outcome: IntakeOutcome, success: str) -> ExecutionUpload:
    upload.outcome = success if outcome.ok else ExecutionUpload.Outcome.REJECTED
    upload.errors = outcome.errors
    upload.summary = (
        outcome.summary() if outcome.ok else {"skipped": outcome.skipped, "error_count": outcome.error_count}
    )
    upload.save(update_fields=["outcome", "errors", "summary"])
    return upload


def execution_file_preview(*, content: bytes, name: str, user, institution: Institution) -> ExecutionUpload:
    """Validate the file, then keep it as received with what confirming it would do."""
    ensure_execution_writer(user=user)
    checked = intake_check(
        rows=execution_file_rows(content=content, name=name), institution=institution, user=user
    )
    outcome = intake_apply(checked=checked, write=False)
    with transaction.atomic():
        upload = _upload_store(content=content, name=name, user=user, institution=institution)
        return _upload_record(upload, outcome, ExecutionUpload.Outcome.PREVIEWED)


def execution_upload_apply(*, upload: ExecutionUpload, user) -> tuple[ExecutionUpload, IntakeOutcome]:
    """Confirm a previewed upload: validate the stored file again and write it in one transaction.

    When the rows it touches changed since the preview, nothing is written and the preview is
    refreshed (``outcome.stale``) so the user confirms what will really happen.
    """
    _ensure_previewed(upload)
    ensure_upload_confirmer(user=user, upload=upload)
    with upload.file.open("rb") as handle:
        content = handle.read()
    checked = intake_check(
        rows=execution_file_rows(content=content, name=upload.original_name),
        institution=upload.institution,
        user=user,
    )
    with transaction.atomic():
        # A second confirmation of the same upload waits here, then finds it applied.
        upload = ExecutionUpload.objects.select_for_update().get(pk=upload.pk)
        _ensure_previewed(upload)
        outcome = intake_apply(
            checked=checked,
            upload=upload,
            reason=_upload_reason(upload),
            write=True,
            expected_fingerprint=upload.summary.get("fingerprint", ""),
        )
        if outcome.stale:
            upload.summary = outcome.summary()
            upload.save(update_fields=["summary"])
            return upload, outcome
        return _upload_record(upload, outcome, ExecutionUpload.Outcome.APPLIED), outcome


def _ensure_previewed(upload: ExecutionUpload) -> None:
    if upload.outcome != ExecutionUpload.Outcome.PREVIEWED:
        raise IntakeRefused(
            _("La carga n.º %(id)s ya fue %(outcome)s; no se puede confirmar de nuevo.")
            % {"id": upload.pk, "outcome": upload.get_outcome_display().lower()}
        )


def execution_file_import(
    *, content: bytes, name: str, user, institution: Institution, dry_run: bool = False
) -> tuple[ExecutionUpload | None, IntakeOutcome]:
    """Validate and apply a file in one pass (command line). ``dry_run`` stores and writes nothing."""
    ensure_execution_writer(user=user)
    checked = intake_check(
        rows=execution_file_rows(content=content, name=name), institution=institution, user=user
    )
    if dry_run:
        return None, intake_apply(checked=checked, write=False)
    with transaction.atomic():
        upload = _upload_store(content=content, name=name, user=user, institution=institution)
        outcome = intake_apply(checked=checked, upload=upload, reason=_upload_reason(upload), write=True)
        return _upload_record(upload, outcome, ExecutionUpload.Outcome.APPLIED), outcome
