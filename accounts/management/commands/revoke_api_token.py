from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.services import api_token_revoke


class Command(BaseCommand):
    help = "Revoca un token de la API por su prefijo (ver list_api_tokens). La revocación es inmediata."

    def add_arguments(self, parser):
        parser.add_argument("prefix", help="Prefijo de 8 caracteres del token.")

    def handle(self, *args, prefix, **options):
        try:
            token = api_token_revoke(prefix=prefix)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Token {token.prefix}… de {token.client.name} revocado.")
