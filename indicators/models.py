"""Indicator sheets (fichas técnicas, MINFIN DTP format) and the multiannual product-indicator table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators
from common.figures import MONEY
from planning.models import Plan, Product

# The fields of a MINFIN DTP indicator sheet, in the order the sheet prints them.
SHEET_FIELDS = (
    "code",
    "name",
    "category",
    "associated_objective",
    "public_policy",
    "description",
    "pertinence",
    "interpretation",
    "formula_text",
    "numerator",
    "denominator",
    "frequency",
    "baseline_year",
    "baseline_value",
    "trend_explanation",
    "how_goal_is_reached",
    "data_source",
    "responsible_unit",
    "collection_method",
    "associated_production",
    "technical_notes",
    "report_code",
    "report_date",
)


class IndicatorSheet(models.Model):
    class Category(models.TextChoices):
        PRODUCT = "PRODUCTO", _("Producto")
        RESULT = "RESULTADO", _("Resultado")

    class Frequency(models.TextChoices):
        MONTHLY = "Mensual", _("Mensual")
        FOUR_MONTHLY = "Cuatrimestral", _("Cuatrimestral")
        ANNUAL = "Anual", _("Anual")

    class Numerator(models.TextChoices):
        PHYSICAL_EXECUTED = "physical_executed", _("Ejecución física del producto")
        FINANCIAL_EXECUTED = "financial_executed", _("Ejecución financiera del producto")

    class Denominator(models.TextChoices):
        PHYSICAL_CURRENT = "physical_current", _("Meta física vigente del producto")
        PHYSICAL_INITIAL = "physical_initial", _("Meta física inicial del producto")
        FINANCIAL_CURRENT = "financial_current", _("Meta financiera vigente del producto")
        PHYSICAL_PROGRAMMED = "physical_programmed", _("Meta física programada a la fecha del producto")
        FINANCIAL_PROGRAMMED = "financial_programmed", _("Meta financiera programada a la fecha del producto")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="indicator_sheets"
    )
    product = models.ForeignKey(
        Product,
        verbose_name=_("producto"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_sheets",
    )
    position = models.PositiveSmallIntegerField(_("orden"), default=0)
    code = models.CharField(_("código"), max_length=20)
    name = models.CharField(_("nombre del indicador"), max_length=300)
    category = models.CharField(_("categoría del indicador"), max_length=10, choices=Category.choices)
    associated_objective = models.TextField(_("objetivo asociado"), blank=True)
    public_policy = models.TextField(_("política pública asociada"), blank=True)
    description = models.TextField(_("descripción"), blank=True)
    pertinence = models.TextField(_("pertinencia"), blank=True)
    interpretation = models.TextField(_("interpretación"), blank=True)
    formula_text = models.TextField(_("fórmula de cálculo"), blank=True)
    numerator = models.CharField(
        _("numerador"),
        max_length=20,
        choices=Numerator.choices,
        default=Numerator.PHYSICAL_EXECUTED,
    )
    denominator = models.CharField(
        _("denominador"),
        max_length=20,
        choices=Denominator.choices,
        default=Denominator.PHYSICAL_CURRENT,
    )
    frequency = models.CharField(_("frecuencia de medición"), max_length=15, choices=Frequency.choices)
    baseline_year = models.PositiveSmallIntegerField(_("año de línea base"), validators=year_validators)
    baseline_value = models.DecimalField(_("valor de línea base"), **MONEY)
    trend_explanation = models.TextField(_("explicación de la tendencia"), blank=True)
    how_goal_is_reached = models.TextField(_("cómo se va a lograr la meta"), blank=True)
    data_source = models.TextField(_("procedencia de los datos"), blank=True)
    responsible_unit = models.CharField(_("unidad responsable"), max_length=200, blank=True)
    collection_method = models.TextField(_("metodología de recopilación"), blank=True)
    associated_production = models.TextField(_("producción asociada"), blank=True)
    technical_notes = models.TextField(_("notas técnicas"), blank=True)
    report_code = models.CharField(_("reporte"), max_length=30, blank=True, help_text=_("p. ej. DTP5"))
    report_date = models.CharField(_("fecha del reporte"), max_length=30, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ficha técnica de indicador")
        verbose_name_plural = _("fichas técnicas de indicadores")
        ordering = ["plan", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="indicator_sheet_unique_position"),
        ]

    def __str__(self):
        return f"{self.code}. {self.name}"


class IndicatorSheetValue(models.Model):
    """A value of the sheet's "Tendencia y meta" row (percent)."""

    sheet = models.ForeignKey(
        IndicatorSheet, verbose_name=_("ficha"), on_delete=models.CASCADE, related_name="values"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    value = models.DecimalField(_("valor"), **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("valor de la ficha")
        verbose_name_plural = _("valores de la ficha")
        ordering = ["sheet", "year"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "year"], name="indicator_value_unique_year"),
        ]

    def __str__(self):
        return f"{self.sheet.code} {self.year}: {self.value}"


class ProductIndicatorTarget(models.Model):
    """A row of the POM 9.1 "ficha de indicadores de productos a nivel multianual", as written."""

    sheet = models.OneToOneField(
        IndicatorSheet,
        verbose_name=_("ficha"),
        on_delete=models.CASCADE,
        related_name="multiannual_target",
    )
    unit = models.CharField(_("unidad de medida del producto"), max_length=60)
    baseline_year = models.PositiveSmallIntegerField(_("año de línea base"), validators=year_validators)
    baseline_absolute = models.DecimalField(_("línea base (absoluto)"), **MONEY)
    baseline_relative = models.DecimalField(_("línea base (%)"), **MONEY)
    total_absolute = models.DecimalField(_("total meta multianual (absoluto)"), **MONEY)
    total_relative = models.DecimalField(_("total meta multianual (%)"), **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta multianual del indicador")
        verbose_name_plural = _("metas multianuales de indicadores")
        ordering = ["sheet"]

    def __str__(self):
        return str(self.sheet)


class ProductIndicatorYear(models.Model):
    target = models.ForeignKey(
        ProductIndicatorTarget,
        verbose_name=_("meta multianual"),
        on_delete=models.CASCADE,
        related_name="years",
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    absolute = models.DecimalField(_("meta (absoluto)"), **MONEY)
    relative = models.DecimalField(_("meta (%)"), **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meta anual del indicador")
        verbose_name_plural = _("metas anuales del indicador")
        ordering = ["target", "year"]
        constraints = [
            models.UniqueConstraint(fields=["target", "year"], name="indicator_year_unique"),
        ]

    def __str__(self):
        return f"{self.target} {self.year}: {self.absolute}"
