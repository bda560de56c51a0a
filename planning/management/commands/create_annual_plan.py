from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from planning.management.arguments import command_user
from planning.models import Plan
from planning.services.annual_plans import annual_plan_create


class Command(BaseCommand):
    help = (
        "Crea el POA de un año desde el POM que lo cubre: resultados, productos, subproductos, "
        "categorías, cobertura y las metas del año como metas iniciales, en formulación. "
        "Rechaza (sale con 1) si ese POA ya existe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--institution", required=True, help="siglas de la institución, p. ej. IGM")
        parser.add_argument("--year", type=int, required=True, help="año del POA")
        parser.add_argument(
            "--user",
            help="usuario de planificación que lo crea (queda en el historial); por omisión, el sistema",
        )

    def handle(self, *args, **options):
        code, year = options["institution"], options["year"]
        pom = (
            Plan.objects.filter(
                institution__code=code, kind=Plan.Kind.POM, start_year__lte=year, end_year__gte=year
            )
            .select_related("institution")
            .first()
        )
        if pom is None:
            raise CommandError(f"{code} no tiene un POM que cubra el año {year}.")
        user = command_user(options["user"])
        try:
            poa = annual_plan_create(pom=pom, year=year, user=user)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error
        self.stdout.write(
            f"Creado «{poa.name}» (id {poa.pk}) desde «{pom.name}», en formulación: "
            f"{poa.products.count()} productos, {poa.results.count()} resultados."
        )
