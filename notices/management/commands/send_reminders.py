"""Send the day's reminders (Celery beat does it daily), or print what would be sent."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notices.selectors import reminders_due
from notices.services import reminders_send


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Fecha no válida «{value}»: escríbala como AAAA-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "Envía los recordatorios del día (meses sin enviar, desviaciones sin explicar, informes por "
        "aprobar) por correo y como avisos; con --dry-run solo muestra qué se enviaría."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Mostrar qué se enviaría, sin enviar.")
        parser.add_argument("--date", help="Día de la corrida (AAAA-MM-DD); por omisión, hoy.")

    def handle(self, *args, dry_run=False, date=None, **options):
        day = _day(date) if date else timezone.localdate()
        if dry_run:
            reminders = reminders_due(today=day)
            for r in reminders:
                address = r.recipient.email or "sin correo: solo aviso"
                self.stdout.write(f"{r.recipient.username} <{address}> · {r.subject}")
            self.stdout.write(f"{len(reminders)} recordatorio(s) para el {day:%d/%m/%Y}; no se envió nada.")
            return
        run = reminders_send(day=day)
        for notice in run.new:
            self.stdout.write(f"{notice.recipient.username} · {notice.subject}")
        self.stdout.write(f"{len(run.new)} aviso(s) nuevo(s) el {day:%d/%m/%Y}, {run.emailed} por correo.")
