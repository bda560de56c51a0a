"""The results chain: institution → plans → results → products → subproducts, with goals, and the
figures a plan states beside them: its printed totals and its budget projection (POM section 8).

Figures are exact: money is ``Decimal`` with two places, physical units are whole numbers.
"""

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import year_validators
from common.figures import MONEY, ZERO

budget_code_validator = RegexValidator(r"^\d{4}-\d{4}-\d{3}-\d{3}$", _("Use el formato 1120-0069-000-000."))


class Department(models.Model):
    """One of Guatemala's 22 departments (INE codes)."""

    code = models.CharField(_("código"), max_length=2, unique=True)
    name = models.CharField(_("nombre"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("departamento")
        verbose_name_plural = _("departamentos")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    department = models.ForeignKey(
        Department,
        verbose_name=_("departamento"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    code = models.CharField(_("código"), max_length=4, unique=True)
    name = models.CharField(_("nombre"), max_length=80)

    class Meta:
        verbose_name = _("municipio")
        verbose_name_plural = _("municipios")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="municipality_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.department.name})"


class Institution(models.Model):
    code = models.CharField(
        _("siglas"), max_length=20, unique=True, help_text=_("Identificador corto, p. ej. IGM.")
    )
    budget_code = models.CharField(
        _("código presupuestario"), max_length=17, unique=True, validators=[budget_code_validator]
    )
    name = models.CharField(_("nombre"), max_length=200)
    head_name = models.CharField(_("máxima autoridad"), max_length=120, blank=True)
    head_title = models.CharField(_("cargo de la máxima autoridad"), max_length=120, blank=True)
    address = models.CharField(_("dirección"), max_length=200, blank=True)
    phone = models.CharField(_("teléfono"), max_length=40, blank=True)
    email = models.EmailField(_("correo electrónico"), blank=True)

    class Meta:
        verbose_name = _("institución")
        verbose_name_plural = _("instituciones")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} — {self.name}"


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


class Program(models.Model):
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="programs",
    )
    code = models.CharField(
        _("programa"),
        max_length=2,
        validators=[RegexValidator(r"^\d{2}$", _("Dos dígitos, p. ej. 11."))],
    )
    name = models.CharField(_("descripción"), max_length=200)

    class Meta:
        verbose_name = _("programa")
        verbose_name_plural = _("programas")
        ordering = ["institution__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "code"], name="program_unique_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class ProgrammaticCategory(models.Model):
    """Programa / subprograma / proyecto / actividad, written ``11-00-000-002``."""

    program = models.ForeignKey(
        Program, verbose_name=_("programa"), on_delete=models.PROTECT, related_name="categories"
    )
    subprogram = models.CharField(
        _("subprograma"),
        max_length=2,
        default="00",
        validators=[RegexValidator(r"^\d{2}$", _("Dos dígitos."))],
    )
    project = models.CharField(
        _("proyecto"),
        max_length=3,
        default="000",
        validators=[RegexValidator(r"^\d{3}$", _("Tres dígitos."))],
    )
    activity = models.CharField(
        _("actividad"), max_length=3, validators=[RegexValidator(r"^\d{3}$", _("Tres dígitos."))]
    )
    name = models.CharField(_("descripción de la actividad"), max_length=200)

    class Meta:
        verbose_name = _("categoría programática")
        verbose_name_plural = _("categorías programáticas")
        ordering = [
            "program__institution__code",
            "program__code",
            "subprogram",
            "project",
            "activity",
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "subprogram", "project", "activity"], name="category_unique_code"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def code(self) -> str:
        return f"{self.program.code}-{self.subprogram}-{self.project}-{self.activity}"


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
