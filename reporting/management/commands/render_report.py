from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planning.models import Institution
from reporting.models import ReportJob
from reporting.selectors.documents import period_report_approved
from reporting.selectors.siplan import ReportUnavailable, siplan_report
from reporting.services.jobs import report_job_render_now


class Command(BaseCommand):
    help = (
        "Genera el reporte SIPLAN «Avance de Metas Físicas y Financieras» de un cuatrimestre, con el mismo "
        "trabajo (consulta, generación, firma, almacenamiento) que la página de reportes. Ejemplo: "
        "render_report siplan --institution IGM --year 2024 --period 3 --format pdf --output r.pdf --signed"
    )

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["siplan"], help="Tipo de reporte (siplan).")
        parser.add_argument("--institution", required=True, help="Siglas de la institución, p. ej. IGM.")
        parser.add_argument("--year", type=int, required=True, help="Año del ejercicio fiscal.")
        parser.add_argument(
            "--period", type=int, required=True, choices=[1, 2, 3], help="Cuatrimestre (1, 2 o 3)."
        )
        parser.add_argument(
            "--format",
            default="json",
            choices=ReportJob.Format.values,
            help="Formato de salida (json por omisión).",
        )
        parser.add_argument(
            "--output", type=Path, required=True, help="Archivo de salida ('-' para la salida estándar)."
        )
        parser.add_argument(
            "--signed",
            action="store_true",
            help=(
                "PDF con firma digital PAdES de un cuatrimestre aprobado por el director (si ya fue "
                "firmado, entrega ese documento)."
            ),
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Con --signed, firma también un borrador no aprobado (prueba del certificado); "
            "el documento lleva la marca BORRADOR.",
        )

    def handle(self, *args, institution: str, year: int, period: int, output: Path, **options):
        try:
            owner = Institution.objects.get(code=institution)
        except Institution.DoesNotExist as exc:
            raise CommandError(f"No existe la institución «{institution}».") from exc
        if options["signed"] and options["format"] != ReportJob.Format.PDF:
            raise CommandError("Solo el formato pdf puede firmarse (use --format pdf).")
        if (
            options["signed"]
            and not options["draft"]
            and not period_report_approved(institution=owner, year=year, period=period)
        ):
            raise CommandError(
                "El cuatrimestre no está aprobado: el director lo aprueba en la página del reporte antes "
                "de firmarlo. Para firmar un borrador de prueba use --draft."
            )
        try:
            siplan_report(institution=owner, year=year, period=period)
        except ReportUnavailable as exc:
            raise CommandError(str(exc)) from exc
        job = report_job_render_now(
            institution=owner, year=year, period=period, format=options["format"], signed=options["signed"]
        )
        if job.status != ReportJob.Status.DONE:
            raise CommandError(f"No se pudo generar el reporte: {job.error}")
        with job.file.open("rb") as stored:
            content = stored.read()
        if str(output) == "-":
            self.stdout.write(content.decode())
            return
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"No se pudo escribir {output}: {exc.strerror}.") from exc
        self.stdout.write(self.style.SUCCESS(f"Reporte escrito en {output} (SHA-256 {job.sha256})."))
