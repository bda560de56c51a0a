"""The results chain below a plan: results with their yearly targets, products and subproducts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators
from common.figures import MONEY

from .geography import Department, Municipality
from .institutions import ProgrammaticCategory
from .plans import Plan


class Result(models.Model):
    """Institutional result (resultado institucional) with its cumulative yearly targets."""

    class Level(models.TextChoices):
        FINAL = "final", _("Final")
        INTERMEDIATE = "intermediate", _("Intermedio")
        IMMEDIATE = "immediate", _("Inmediato")

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="results")
    code = models.CharField(_("código"), max_length=20)
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    description = models.TextField(_("descripción del resultado"))
    level = models.CharField(_("nivel"), max_length=12, choices=Level.choices, default=Level.INTERMEDIATE)
    unit = models.CharField(_("unidad de medida"), max_length=60)
    baseline_year = models.PositiveSmallIntegerField(_("año de línea base"), validators=year_validators)
    baseline_value = models.DecimalField(_("valor de línea base"), **MONEY)
    pgg_axis = models.CharField(_("eje estratégico PGG"), max_length=200, blank=True)
    pgg_objective = models.TextField(_("objetivo PGG"), blank=True)
    pgg_statement = models.TextField(
        _("descripción en la matriz PGG"),
        blank=True,
        help_text=_("Texto del resultado tal como aparece en la matriz de vinculación con la PGG."),
    )
    ods_targets = models.CharField(_("metas ODS"), max_length=200, blank=True)
    pnd_priorities = models.CharField(_("prioridades nacionales de desarrollo"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("resultado institucional")
        verbose_name_plural = _("resultados institucionales")
        ordering = ["plan", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="result_unique_code"),
        ]

    def __str__(self):
        return self.description


class ResultTarget(models.Model):
    """Cumulative target of a result for one year, with the sentence the plan states for it."""

    result = models.ForeignKey(
        Result, verbose_name=_("resultado"), on_delete=models.CASCADE, related_name="targets"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    value = models.DecimalField(_("meta acumulada"), **MONEY)
    statement = models.TextField(_("enunciado"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta anual del resultado")
        verbose_name_plural = _("metas anuales del resultado")
        ordering = ["result", "year"]
        constraints = [
            models.UniqueConstraint(fields=["result", "year"], name="result_target_unique_year"),
        ]

    def __str__(self):
        return f"{self.result.code} {self.year}: {self.value}"


class Coverage(models.Model):
    """Where a product or subproduct is delivered: national, or a list of places."""

    is_national = models.BooleanField(_("cobertura nacional"), default=False)
    departments = models.ManyToManyField(Department, verbose_name=_("departamentos"), blank=True)
    municipalities = models.ManyToManyField(Municipality, verbose_name=_("municipios"), blank=True)

    class Meta:
        abstract = True


class Product(Coverage):
    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="products")
    result = models.ForeignKey(
        Result,
        verbose_name=_("resultado institucional"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        help_text=_("Vacío para productos «Sin Resultado»."),
    )
    category = models.ForeignKey(
        ProgrammaticCategory,
        verbose_name=_("categoría programática"),
        on_delete=models.PROTECT,
        related_name="products",
    )
    code = models.CharField(_("código"), max_length=30)
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    name = models.CharField(_("nombre"), max_length=300)
    unit = models.CharField(_("unidad de medida"), max_length=60)
    responsible_units = models.TextField(_("unidades responsables"), blank=True)
    pgg_major_contribution = models.BooleanField(
        _("mayor contribución a la PGG"),
        default=False,
        help_text=_("Producto de mayor contribución a la Política General de Gobierno (1/0)."),
    )
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        verbose_name = _("producto")
        verbose_name_plural = _("productos")
        ordering = ["plan", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="product_unique_code"),
        ]

    def __str__(self):
        return self.name


class Subproduct(Coverage):
    product = models.ForeignKey(
        Product, verbose_name=_("producto"), on_delete=models.CASCADE, related_name="subproducts"
    )
    code = models.CharField(_("código"), max_length=30)
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    name = models.CharField(_("nombre"), max_length=300)
    unit = models.CharField(_("unidad de medida"), max_length=60)
    responsible_unit = models.CharField(_("unidad responsable"), max_length=300, blank=True)
    history = HistoricalRecords(m2m_fields=[])

    class Meta:
        verbose_name = _("subproducto")
        verbose_name_plural = _("subproductos")
        ordering = ["product__plan", "product__position", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["product", "code"], name="subproduct_unique_code"),
        ]

    def __str__(self):
        return self.name
