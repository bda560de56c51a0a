"""The institution's strategic frame as it publishes it (Ley de Acceso a la Información Pública,
art. 10, numeral 5): the header naming who answers for it, then mission, vision, values and the
objectives of each area."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .institutions import Institution


class StrategicFrame(models.Model):
    institution = models.OneToOneField(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="strategic_frame",
    )
    head_of_planning = models.CharField(
        _("jefatura de planificación"),
        max_length=150,
        help_text=_("Nombre como lo publica el encabezado, p. ej. «Licda. Jessica Margaret Orellana Díaz»."),
    )
    head_of_planning_title = models.CharField(
        _("cargo de la jefatura de planificación"), max_length=150, default="Subdirector de Planificación"
    )
    information_officer = models.CharField(_("responsable de actualizar la información"), max_length=150)
    issue_date = models.DateField(_("fecha de emisión"))
    mission = models.TextField(_("misión"))
    vision = models.TextField(_("visión"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("marco estratégico")
        verbose_name_plural = _("marcos estratégicos")
        ordering = ["institution__code"]

    def __str__(self):
        return f"{self.institution.code} — marco estratégico"


class StrategicValue(models.Model):
    frame = models.ForeignKey(
        StrategicFrame, verbose_name=_("marco estratégico"), on_delete=models.CASCADE, related_name="values"
    )
    position = models.PositiveSmallIntegerField(_("orden"))
    name = models.CharField(_("valor"), max_length=120)
    description = models.TextField(_("descripción"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("valor")
        verbose_name_plural = _("valores")
        ordering = ["frame", "position"]
        constraints = [
            models.UniqueConstraint(fields=["frame", "position"], name="strategic_value_unique_position"),
        ]

    def __str__(self):
        return self.name


class StrategicObjective(models.Model):
    frame = models.ForeignKey(
        StrategicFrame,
        verbose_name=_("marco estratégico"),
        on_delete=models.CASCADE,
        related_name="objectives",
    )
    area = models.CharField(_("área"), max_length=150, help_text=_("P. ej. «Control Migratorio»."))
    position = models.PositiveSmallIntegerField(_("orden"))
    text = models.TextField(_("objetivo"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("objetivo estratégico")
        verbose_name_plural = _("objetivos estratégicos")
        ordering = ["frame", "position"]
        constraints = [
            models.UniqueConstraint(fields=["frame", "position"], name="strategic_objective_unique_position"),
        ]

    def __str__(self):
        return f"{self.area}: {self.text[:60]}"
