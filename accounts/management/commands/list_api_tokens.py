from django.core.management.base import BaseCommand

from accounts.selectors import api_token_list


class Command(BaseCommand):
    help = "Lista los tokens de la API (prefijo, cliente, alcance, creación, último uso). No muestra claves."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Incluir también los tokens revocados.")

    def handle(self, *args, **options):
        self.stdout.write("prefijo\tcliente\talcance\tcreado\túltimo uso\tsolicitudes\testado")
        for token in api_token_list(include_revoked=options["all"]):
            state = f"revocado {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "vigente"
            last_used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "-"
            self.stdout.write(
                f"{token.prefix}\t{token.client.name}\t{token.scope}\t{token.created_at:%Y-%m-%d %H:%M}\t"
                f"{last_used}\t{token.request_count}\t{state}"
            )
