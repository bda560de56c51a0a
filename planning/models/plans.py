"""Plans (PEI, POM, POA) and the figures a plan states beside its chain: its printed totals and its
budget projection (POM section 8)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators
from common.figures import MONEY

from .institutions import Institution, Program


class Plan(models.Model):
    class Kind(models.TextChoices):
        PEI = "PEI", _("Plan Estratégico Institucional")
        POM = "POM", _("Plan Operativo Multianual")
        POA = "POA", _("Plan Operativo Anual")

    class Status(models.TextChoices):
        DRAFT = "draft", _("En formulación")
        SUBMITTED = "submitted", _("Presentado")
        APPROVED = "approved", _("Aprobado")

    institution = models.ForeignKey(
        Institution, verbose_name=_("institución"), on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField(_("tipo"), max_length=3, choices=Kind.choices)
    name = models.CharField(_("nombre"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("año inicial"), validators=year_validators)
    end_year = models.PositiveSmallIntegerField(_("año final"), validators=year_validators)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    approval_act = models.CharField(
        _("acto de aprobación"),
        max_length=200,
        blank=True,
        help_text=_("Por ejemplo «Acuerdo AMN 006-2023»."),
    )
    approval_date = models.DateField(_("fecha de aprobación"), null=True, blank=True)
    source_plan = models.ForeignKey(
        "self",
        verbose_name=_("plan de origen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="annual_plans",
        help_text=_("El POM del que se creó este POA."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("planes")
        ordering = ["institution__code", "kind", "start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "kind", "start_year"], name="plan_unique_kind_start"
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="plan_years_ordered"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


class DeclaredTotal(models.Model):
    """A total row exactly as a plan document prints it, kept to cross-check it against its rows."""

    class Matrix(models.TextChoices):
        BUDGET_PROJECTION = "budget_projection", _("Sección 8 — Proyección del presupuesto")
        GOALS = "goals", _("Matriz 9.5 — Productos, subproductos y metas multianuales")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="declared_totals"
    )
    matrix = models.CharField(_("matriz"), max_length=20, choices=Matrix.choices)
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    amount = models.DecimalField(_("total consignado"), **MONEY)

    class Meta:
        verbose_name = _("total consignado")
        verbose_name_plural = _("totales consignados")
        ordering = ["plan", "matrix", "year"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "matrix", "year"], name="declared_total_unique"),
        ]

    def __str__(self):
        return f"{self.get_matrix_display()} {self.year}: {self.amount}"


class BudgetProjection(models.Model):
    """Section 8 of the POM: the budget per program and year."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="budget_projections"
    )
    program = models.ForeignKey(
        Program, verbose_name=_("programa"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    amount = models.DecimalField(_("monto"), **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proyección del presupuesto")
        verbose_name_plural = _("proyección del presupuesto")
        ordering = ["plan", "year", "program__code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "program", "year"], name="budget_projection_unique"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_projection_not_negative"),
        ]

    def __str__(self):
        return f"{self.program.code} {self.year}: {self.amount}"
