from datetime import timedelta

from django.core.management.base import BaseCommand

from reporting.services.jobs import report_jobs_reconcile


class Command(BaseCommand):
    help = (
        "Vuelve a encolar los trabajos de reporte detenidos: «en proceso» sin señal de vida o «en cola» "
        "desde hace más del plazo (IGM_REPORT_JOB_STALE_SECONDS o --seconds). Celery beat lo hace cada 5 min."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, help="Plazo sin señal de vida, en segundos.")

    def handle(self, *args, **options):
        stale_after = timedelta(seconds=options["seconds"]) if options["seconds"] is not None else None
        requeued = report_jobs_reconcile(stale_after=stale_after)
        self.stdout.write(f"Trabajos re-encolados: {len(requeued)}" + (f" ({requeued})" if requeued else ""))
