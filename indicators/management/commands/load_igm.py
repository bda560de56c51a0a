from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.fixture_loader import FIXTURES_DIR, FixtureError, institution_load_igm


class Command(BaseCommand):
    help = (
        "Carga (o actualiza) los datos reales del IGM: POM 2026-2030, POA 2024 con su ejecución mensual, "
        "centros de costo, fichas de indicadores, geografía y usuarios de demostración. Es idempotente: "
        "volver a ejecutarla no cambia nada. Si un archivo está dañado no escribe nada y termina con error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures-dir",
            type=Path,
            default=FIXTURES_DIR,
            help="Carpeta con geography/ e igm/ (por defecto, fixtures/ del proyecto).",
        )

    def handle(self, *args, fixtures_dir: Path, **options):
        try:
            summary = institution_load_igm(directory=fixtures_dir)
        except FixtureError as exc:
            raise CommandError(f"No se cargó nada: {exc}") from exc
        if options["verbosity"] == 0:
            return
        for label, count in sorted(summary.created.items()):
            self.stdout.write(f"  creados   {count:6d}  {label}")
        for label, count in sorted(summary.updated.items()):
            self.stdout.write(f"  cambiados {count:6d}  {label}")
        if not summary.changed:
            self.stdout.write("Sin cambios: los datos ya estaban cargados.")
        self.stdout.write(self.style.SUCCESS("Datos del IGM cargados."))
        self.stdout.write("Usuarios de demostración (cambie las contraseñas en un despliegue real):")
        for username, password, role in summary.demo_users:
            self.stdout.write(f"  {username:20s} {password:24s} {role}")
