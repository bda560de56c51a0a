"""Celery tasks: thin wrappers that take ids and call the services."""

from celery import shared_task

from reporting.services.jobs import report_job_run, report_jobs_reconcile


# acks_late + reject_on_worker_lost: a worker killed mid-job gives the message back to the broker,
# and the service makes running it again safe.
@shared_task(acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_report_job(job_id: int) -> None:
    report_job_run(job_id=job_id)


@shared_task(ignore_result=True)
def reconcile_report_jobs() -> None:
    report_jobs_reconcile()
