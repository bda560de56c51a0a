"""Goals (metas) per subproduct and year, and the reprogrammings that change their current value.

Figures are exact: money is ``Decimal`` with two places, physical units are whole numbers.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators
from common.figures import MONEY, ZERO

from .chain import Product, Subproduct


class Goal(models.Model):
    """Physical and financial goal (meta) for one year, initial and current (vigente).

    Goals belong to a subproduct. A product may also carry the goal its plan declares for it
    (SIPLAN and the POM matrices state product rows of their own); when it does not, the
    product's goal is the roll-up of its subproducts. The consistency check compares both.
    """

    class Source(models.TextChoices):
        DOCUMENT = "document", _("Documento")
        DERIVED = "derived", _("Derivado")
        ENTERED = "entered", _("Capturado")

    product = models.ForeignKey(
        Product,
        verbose_name=_("producto"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
    )
    subproduct = models.ForeignKey(
        Subproduct,
        verbose_name=_("subproducto"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="goals",
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    physical_initial = models.PositiveBigIntegerField(_("meta física inicial"), default=0)
    physical_current = models.PositiveBigIntegerField(_("meta física vigente"), default=0)
    financial_initial = models.DecimalField(_("meta financiera inicial"), default=ZERO, **MONEY)
    financial_current = models.DecimalField(_("meta financiera vigente"), default=ZERO, **MONEY)
    source = models.CharField(_("origen"), max_length=10, choices=Source.choices, default=Source.ENTERED)
    source_note = models.TextField(_("nota de origen"), blank=True)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta")
        verbose_name_plural = _("metas")
        ordering = ["year", "product_id", "subproduct_id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(product__isnull=False) & Q(subproduct__isnull=True))
                | (Q(product__isnull=True) & Q(subproduct__isnull=False)),
                name="goal_product_xor_subproduct",
            ),
            models.UniqueConstraint(
                fields=["subproduct", "year"],
                condition=Q(subproduct__isnull=False),
                name="goal_unique_subproduct_year",
            ),
            models.UniqueConstraint(
                fields=["product", "year"],
                condition=Q(product__isnull=False),
                name="goal_unique_product_year",
            ),
            models.CheckConstraint(
                condition=Q(financial_initial__gte=0) & Q(financial_current__gte=0),
                name="goal_financial_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.owner} {self.year}"

    @property
    def physical_change(self) -> int:
        """What reprogrammings added to (or took from) the initial goal."""
        return self.physical_current - self.physical_initial

    @property
    def financial_change(self):
        return self.financial_current - self.financial_initial

    @property
    def owner(self):
        return self.subproduct if self.subproduct_id else self.product


class Measure(models.TextChoices):
    PHYSICAL = "physical", _("Física")
    FINANCIAL = "financial", _("Financiera")


class Reprogramming(models.Model):
    """A change to a goal's current value, requested and then approved by the planning lead."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Solicitada")
        APPROVED = "approved", _("Aprobada")
        REJECTED = "rejected", _("Rechazada")

    goal = models.ForeignKey(
        Goal, verbose_name=_("meta"), on_delete=models.CASCADE, related_name="reprogrammings"
    )
    measure = models.CharField(_("meta física/financiera"), max_length=10, choices=Measure.choices)
    old_value = models.DecimalField(_("valor anterior"), **MONEY)
    new_value = models.DecimalField(_("valor nuevo"), validators=[MinValueValidator(ZERO)], **MONEY)
    effective_date = models.DateField(_("fecha"))
    justification = models.TextField(_("justificación"))
    supporting_act = models.CharField(_("acto de respaldo"), max_length=200, blank=True)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("solicitada por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aprobada/rechazada por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decidida el"), null=True, blank=True)
    approver_name = models.CharField(
        _("aprobó"),
        max_length=120,
        blank=True,
        help_text=_("Nombre de quien aprobó, cuando la aprobación viene de un documento."),
    )
    decision_comment = models.TextField(_("comentario de la decisión"), blank=True)
    # The goal's twelve programmed months before and after (strings with two places; empty when the
    # goal has no programming): closed months keep their figures, the others are re-spread.
    old_months = models.JSONField(_("programación anterior"), default=list, blank=True)
    new_months = models.JSONField(_("programación nueva"), default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reprogramación")
        verbose_name_plural = _("reprogramaciones")
        ordering = ["goal", "measure", "effective_date", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(new_value__gte=0), name="reprogramming_not_negative"),
        ]

    def __str__(self):
        return f"{self.goal} {self.get_measure_display()}: {self.old_value} → {self.new_value}"
