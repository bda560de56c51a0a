"""Notices: reminders sent to a person (in the app, and by e-mail when they have an address)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    MONTHS_NOT_SUBMITTED = "months", _("Meses sin enviar")
    DEVIATIONS_UNEXPLAINED = "deviations", _("Desviaciones sin explicar")
    REPORT_AWAITING_APPROVAL = "report", _("Informe por aprobar o firmar")


class Notice(models.Model):
    """One reminder to one person. ``subject_key`` names what it is about (an institution's period),
    so the same reminder is never recorded, nor sent, twice on one day."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinatario"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind.choices)
    subject_key = models.CharField(_("sobre"), max_length=60)
    day = models.DateField(_("día"))
    subject = models.CharField(_("asunto"), max_length=200)
    body = models.TextField(_("texto"))
    link = models.CharField(_("enlace"), max_length=300)
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    emailed_at = models.DateTimeField(_("enviado por correo el"), null=True, blank=True)
    read_at = models.DateTimeField(_("leído el"), null=True, blank=True)

    class Meta:
        verbose_name = _("aviso")
        verbose_name_plural = _("avisos")
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "subject_key", "day"], name="notice_once_a_day"
            ),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.subject}"


class SilencedKind(models.Model):
    """A kind of reminder the person asked not to receive (neither listed nor e-mailed)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("usuario"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("tipo"), max_length=12, choices=Kind.choices)
    silenced_at = models.DateTimeField(_("silenciado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("aviso silenciado")
        verbose_name_plural = _("avisos silenciados")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="silenced_kind_unique")]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}"
