from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from seeding.igm.loader import institution_load_igm
from seeding.igm.reading import FIXTURES_DIR, FixtureError


class Command(BaseCommand):
    help = (
        "Siembra los datos reales del IGM (POM 2026-2030, POA 2024 con su ejecución mensual, centros de "
        "costo, fichas de indicadores, geografía y usuarios de demostración) donde faltan. Nunca cambia ni "
        "borra lo que ya existe: un plan existente, con sus metas y su ejecución, pertenece a sus usuarios, "
        "y las contraseñas de los usuarios existentes no se tocan. Es seguro ejecutarla cada día sobre "
        "datos reales. Si un archivo está dañado no escribe nada y termina con error. --rebuild --confirm "
        "vacía la base de datos entera y la vuelve a cargar (solo para una base de demostración)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixtures-dir",
            type=Path,
            default=FIXTURES_DIR,
            help="Carpeta con geography/ e igm/ (por defecto, fixtures/ del proyecto).",
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help=(
                "Borra TODOS los datos de la base (instituciones, ejecución, usuarios, historial) y carga "
                "los documentos desde cero. Solo para bases de demostración; exige --confirm y se niega "
                "con DJANGO_ENV=production."
            ),
        )
        parser.add_argument(
            "--confirm", action="store_true", help="Confirma que --rebuild puede borrar todos los datos."
        )

    def handle(self, *args, fixtures_dir: Path, rebuild: bool, confirm: bool, **options):
        if rebuild and settings.PRODUCTION:
            raise CommandError("--rebuild no se permite con DJANGO_ENV=production: borraría datos reales.")
        if rebuild and not confirm:
            raise CommandError(
                "--rebuild borra todos los datos de la base (también lo que guardaron los usuarios). "
                "Si es una base de demostración, repita con --rebuild --confirm."
            )
        try:
            summary = institution_load_igm(directory=fixtures_dir, rebuild=rebuild)
        except FixtureError as exc:
            raise CommandError(f"No se cargó nada: {exc}") from exc
        if options["verbosity"] == 0:
            return
        for label, count in sorted(summary.created.items()):
            self.stdout.write(f"  añadidos        {count:6d}  {label}")
        for label, count in sorted(summary.existing.items()):
            self.stdout.write(f"  ya existían     {count:6d}  {label} (no se tocan)")
        for plan in summary.skipped_plans:
            self.stdout.write(f"  plan existente  {plan}: no se modifica (es de sus usuarios)")
        if not summary.changed:
            self.stdout.write("Sin cambios: los datos ya estaban cargados.")
        self.stdout.write(self.style.SUCCESS("Datos del IGM cargados."))
        if summary.demo_users:
            self.stdout.write(
                "Usuarios de demostración creados (cambie las contraseñas en un despliegue real):"
            )
            for username, password, role in summary.demo_users:
                self.stdout.write(f"  {username:20s} {password:24s} {role}")
        if summary.existing_demo_users:
            self.stdout.write(
                "Usuarios de demostración que ya existían (su contraseña no se cambia): "
                + ", ".join(summary.existing_demo_users)
            )
