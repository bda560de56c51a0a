"""The monthly activity report's own data: the achievements (logros) units report, with photos."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators


class Achievement(models.Model):
    """A qualitative achievement (logro) that an organisational unit reports for one month."""

    institution = models.ForeignKey(
        "planning.Institution",
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="achievements",
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    month = models.PositiveSmallIntegerField(
        _("mes"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    area_code = models.CharField(
        _("número del área"),
        max_length=2,
        validators=[RegexValidator(r"^\d{2}$", _("Dos dígitos, p. ej. 02."))],
    )
    area = models.CharField(_("área"), max_length=200, help_text=_("p. ej. «Control Migratorio»."))
    unit = models.CharField(
        _("unidad organizativa"),
        max_length=200,
        help_text=_("p. ej. «Subdirección de Extranjería»."),
    )
    text = models.TextField(_("logro"))
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registrado por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registrado el"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("logro del mes")
        verbose_name_plural = _("logros del mes")
        ordering = ["institution", "year", "month", "area_code", "unit", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(month__gte=1) & models.Q(month__lte=12), name="achievement_month_1_12"
            ),
        ]

    def __str__(self):
        return f"{self.year}-{self.month:02d} {self.unit}"


class AchievementPhoto(models.Model):
    """A photo that illustrates an achievement; checked by content (Pillow) before it is kept.

    Removing a photo, or its achievement, keeps the file: its history row names it, with who
    removed it and why."""

    achievement = models.ForeignKey(
        Achievement, verbose_name=_("logro"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("imagen"), upload_to="activity/%Y/%m/")
    caption = models.CharField(_("pie de foto"), max_length=300)
    image_format = models.CharField(_("formato"), max_length=10)
    size = models.PositiveIntegerField(_("tamaño (bytes)"))
    uploaded_at = models.DateTimeField(_("subida el"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("foto del logro")
        verbose_name_plural = _("fotos de los logros")
        ordering = ["achievement", "id"]

    def __str__(self):
        return self.caption
