from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.services import api_token_create


class Command(BaseCommand):
    help = (
        "Crea un token de la API para un cliente (lo crea si no existe) y muestra la clave una sola vez. "
        "Ejemplo: create_api_token --client SEGEPLAN --scope read"
    )

    def add_arguments(self, parser):
        parser.add_argument("--client", required=True, help="Nombre del cliente, p. ej. SEGEPLAN.")
        parser.add_argument(
            "--scope",
            required=True,
            help=(
                "«read» (todas las instituciones, solo lectura) o «institution:<siglas>», "
                "p. ej. institution:IGM."
            ),
        )

    def handle(self, *args, client, scope, **options):
        try:
            issued = api_token_create(client_name=client, scope=scope)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(issued.key)
        self.stderr.write(
            f"Token {issued.token.prefix}… creado para {client} con alcance {scope}. "
            "Guarde la clave: no se puede volver a mostrar."
        )
