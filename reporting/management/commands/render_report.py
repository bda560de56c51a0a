import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from budget.selectors import ReportUnavailable, siplan_report
from planning.models import Institution


class Command(BaseCommand):
    help = (
        "Genera el reporte SIPLAN «Avance de Metas Físicas y Financieras» de un cuatrimestre. "
        "Ejemplo: render_report siplan --institution IGM --year 2024 --period 3 --format json --output r.json"
    )

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["siplan"], help="Tipo de reporte (siplan).")
        parser.add_argument("--institution", required=True, help="Siglas de la institución, p. ej. IGM.")
        parser.add_argument("--year", type=int, required=True, help="Año del ejercicio fiscal.")
        parser.add_argument(
            "--period", type=int, required=True, choices=[1, 2, 3], help="Cuatrimestre (1, 2 o 3)."
        )
        parser.add_argument("--format", default="json", choices=["json"], help="Formato de salida.")
        parser.add_argument(
            "--output", type=Path, required=True, help="Archivo de salida ('-' para la salida estándar)."
        )

    def handle(self, *args, institution: str, year: int, period: int, output: Path, **options):
        try:
            owner = Institution.objects.get(code=institution)
        except Institution.DoesNotExist as exc:
            raise CommandError(f"No existe la institución «{institution}».") from exc
        try:
            report = siplan_report(institution=owner, year=year, period=period)
        except ReportUnavailable as exc:
            raise CommandError(str(exc)) from exc
        content = json.dumps(report.to_json_data(), ensure_ascii=False, indent=2)
        if str(output) == "-":
            self.stdout.write(content)
            return
        try:
            output.write_text(content + "\n", encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"No se pudo escribir {output}: {exc.strerror}.") from exc
        self.stdout.write(self.style.SUCCESS(f"Reporte escrito en {output}."))
