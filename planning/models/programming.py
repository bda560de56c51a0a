"""Monthly programming (calendarización): each subproduct goal's twelve programmed months per measure."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import month_validators
from common.figures import MONEY

from .goals import Goal, Measure


class MonthlyProgramming(models.Model):
    """The programmed figure of one month of a goal's measure: whole units for physical, quetzales for
    financial. A goal's twelve months of a measure add up exactly to its current value (the services
    refuse anything else); a goal without them is judged against the straight line."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("meta"), on_delete=models.CASCADE, related_name="programming"
    )
    measure = models.CharField(_("meta física/financiera"), max_length=10, choices=Measure.choices)
    month = models.PositiveSmallIntegerField(_("mes"), validators=month_validators)
    value = models.DecimalField(_("programado"), **MONEY)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programación mensual")
        verbose_name_plural = _("programación mensual")
        ordering = ["goal", "measure", "month"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "measure", "month"], name="programming_unique_month"),
            models.CheckConstraint(
                condition=Q(month__gte=1) & Q(month__lte=12), name="programming_month_1_12"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="programming_not_negative"),
        ]

    def __str__(self):
        return f"{self.goal} {self.get_measure_display()} {self.month:02d}: {self.value}"
