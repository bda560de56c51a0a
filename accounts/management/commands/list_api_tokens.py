from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.selectors import api_token_list


class Command(BaseCommand):
    help = "Lista los tokens de la API (prefijo, cliente, alcance, creación, último uso). No muestra claves."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Incluir también los tokens revocados.")

    def handle(self, *args, **options):
        self.stdout.write("prefijo\tcliente\talcance\tcreado\túltimo uso\tsolicitudes\testado")
        for token in api_token_list(include_revoked=options["all"]):
            state = f"revocado {_local(token.revoked_at)}" if token.revoked_at else "vigente"
            last_used = _local(token.last_used_at) if token.last_used_at else "-"
            self.stdout.write(
                f"{token.prefix}\t{token.client.name}\t{token.scope}\t{_local(token.created_at)}\t"
                f"{last_used}\t{token.request_count}\t{state}"
            )


def _local(instant) -> str:
    """Instants in the project's time zone (America/Guatemala), as every page shows them."""
    return f"{timezone.localtime(instant):%Y-%m-%d %H:%M}"
