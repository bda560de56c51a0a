"""Cost centres and monthly execution."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from common.calendar import month_validators, period_validators, year_validators
from common.figures import MONEY, ZERO
from planning.models import Institution, Subproduct


class CostCentre(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("En funcionamiento")
        PLANNED = "planned", _("Por abrir")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="cost_centres",
    )
    code = models.CharField(_("código"), max_length=20)
    name = models.CharField(_("nombre"), max_length=200)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    department = models.ForeignKey(
        "planning.Department",
        verbose_name=_("departamento"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "planning.Municipality",
        verbose_name=_("municipio"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    source_note = models.CharField(_("fuente"), max_length=300, blank=True)
    subproducts = models.ManyToManyField(
        Subproduct,
        verbose_name=_("subproductos que produce"),
        blank=True,
        related_name="cost_centres",
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("encargados"),
        blank=True,
        related_name="cost_centres",
    )
    # Also dates the API's Last-Modified for execution rows, which carry the centre's code.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("centro de costo")
        verbose_name_plural = _("centros de costo")
        ordering = ["institution__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "code"], name="cost_centre_unique_code"),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class ExecutionUpload(models.Model):
    """An execution file as it was received, kept with its digest and outcome for audit."""

    class Outcome(models.TextChoices):
        PREVIEWED = "previewed", _("Vista previa")
        APPLIED = "applied", _("Aplicada")
        REJECTED = "rejected", _("Rechazada")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(_("archivo"), upload_to="uploads/execution/%Y/%m/")
    original_name = models.CharField(_("nombre original"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("tamaño (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subido por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("subido el"), auto_now_add=True)
    outcome = models.CharField(
        _("resultado"), max_length=10, choices=Outcome.choices, default=Outcome.PREVIEWED
    )
    summary = models.JSONField(_("resumen"), default=dict, blank=True)
    errors = models.JSONField(_("errores"), default=list, blank=True)

    class Meta:
        verbose_name = _("carga de ejecución")
        verbose_name_plural = _("cargas de ejecución")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self):
        return f"{self.original_name} ({self.get_outcome_display()})"


class Execution(models.Model):
    """Monthly execution of one subproduct by one cost centre."""

    cost_centre = models.ForeignKey(
        CostCentre,
        verbose_name=_("centro de costo"),
        on_delete=models.PROTECT,
        related_name="executions",
        db_index=False,  # led by execution_centre_month and the unique constraint
    )
    subproduct = models.ForeignKey(
        Subproduct,
        verbose_name=_("subproducto"),
        on_delete=models.PROTECT,
        related_name="executions",
        db_index=False,  # led by execution_subproduct_month
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    month = models.PositiveSmallIntegerField(_("mes"), validators=month_validators)
    physical = models.PositiveBigIntegerField(_("ejecución física"), default=0)
    financial = models.DecimalField(_("ejecución financiera"), default=ZERO, **MONEY)
    notes = models.TextField(_("observaciones"), blank=True)
    is_derived = models.BooleanField(
        _("derivado"),
        default=False,
        help_text=_("Cifra calculada a partir de otras, no reportada por el centro de costo."),
    )
    source_note = models.CharField(_("fuente"), max_length=300, blank=True)
    source_upload = models.ForeignKey(
        ExecutionUpload,
        verbose_name=_("carga de origen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(_("versión"), default=1)
    updated_at = models.DateTimeField(_("modificado"), auto_now=True, db_index=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ejecución mensual")
        verbose_name_plural = _("ejecución mensual")
        ordering = ["year", "month", "cost_centre_id", "subproduct_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cost_centre", "subproduct", "year", "month"], name="execution_unique_month"
            ),
            models.CheckConstraint(condition=Q(month__gte=1) & Q(month__lte=12), name="execution_month_1_12"),
            models.CheckConstraint(condition=Q(financial__gte=0), name="execution_financial_not_negative"),
        ]
        indexes = [
            models.Index(fields=["subproduct", "year", "month"], name="execution_subproduct_month"),
            # An institution's year: its centres' rows without reading their other years.
            models.Index(fields=["cost_centre", "year", "month"], name="execution_centre_month"),
        ]

    def __str__(self):
        return f"{self.cost_centre.code} {self.subproduct.code} {self.year}-{self.month:02d}"


class ExecutionMonth(models.Model):
    """Reporting status of one cost centre's month: open → submitted → approved / returned."""

    class Status(models.TextChoices):
        OPEN = "open", _("Abierto")
        SUBMITTED = "submitted", _("Enviado")
        APPROVED = "approved", _("Aprobado")
        RETURNED = "returned", _("Devuelto para revisión")

    cost_centre = models.ForeignKey(
        CostCentre,
        verbose_name=_("centro de costo"),
        on_delete=models.CASCADE,
        related_name="months",
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    month = models.PositiveSmallIntegerField(_("mes"), validators=month_validators)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.OPEN)
    comment = models.TextField(_("comentario de revisión"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modificado por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("modificado el"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mes de reporte")
        verbose_name_plural = _("meses de reporte")
        ordering = ["year", "month", "cost_centre_id"]
        constraints = [
            models.UniqueConstraint(fields=["cost_centre", "year", "month"], name="execution_month_unique"),
        ]

    def __str__(self):
        return f"{self.cost_centre.code} {self.year}-{self.month:02d} {self.get_status_display()}"


class PeriodLock(models.Model):
    """A four-month period closed to changes, normally when its report is signed."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="period_locks",
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    period = models.PositiveSmallIntegerField(_("cuatrimestre"), validators=period_validators)
    locked_at = models.DateTimeField(_("bloqueado el"))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bloqueado por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("motivo"), max_length=300)
    unlocked_at = models.DateTimeField(_("desbloqueado el"), null=True, blank=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("desbloqueado por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    unlock_reason = models.CharField(_("motivo del desbloqueo"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bloqueo de cuatrimestre")
        verbose_name_plural = _("bloqueos de cuatrimestre")
        ordering = ["institution__code", "year", "period", "-locked_at"]
        constraints = [
            # At most one lock in force per period; unlocked ones remain as the record.
            models.UniqueConstraint(
                fields=["institution", "year", "period"],
                condition=Q(unlocked_at__isnull=True),
                name="period_lock_one_active",
            ),
            models.CheckConstraint(condition=Q(period__gte=1) & Q(period__lte=3), name="period_lock_1_3"),
        ]

    def __str__(self):
        return f"{self.institution.code} {self.year} C{self.period}"
