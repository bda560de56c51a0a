from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import second_factor_reset


class Command(BaseCommand):
    help = (
        "Quita la aplicación de autenticación y los códigos de respaldo de un usuario (teléfono perdido). "
        "En su próximo ingreso deberá activar la verificación en dos pasos de nuevo."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Usuario cuya verificación en dos pasos se restablece.")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No existe el usuario «{username}».")
        removed = second_factor_reset(user=user)
        if not removed:
            raise CommandError(
                f"«{username}» no tiene verificación en dos pasos activada; no se cambió nada."
            )
        self.stdout.write(
            f"Verificación en dos pasos de «{username}» restablecida: al ingresar deberá activarla de nuevo."
        )
