"""SIPLAN report workflow (submit → approve → sign), report jobs, deviation notes, letter numbers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.calendar import period_validators, year_validators
from planning.models import Institution, Measure, Plan, Subproduct


def acting_user(verbose_name) -> models.ForeignKey:
    """Who took a step of a report's life (sent, approved, returned, signed, requested), if anyone."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )


class PeriodReport(models.Model):
    """The four-monthly report of one institution and period, from submission to signature.

    Once signed, ``snapshot`` (the report data, letter and notes as JSON) is the document: later
    changes to execution or goals never alter it, they only show up in "what changed".
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("En preparación")
        SUBMITTED = "submitted", _("Enviado para aprobación")
        APPROVED = "approved", _("Aprobado")
        SIGNED = "signed", _("Firmado")

    institution = models.ForeignKey(
        Institution, verbose_name=_("institución"), on_delete=models.PROTECT, related_name="period_reports"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    period = models.PositiveSmallIntegerField(_("cuatrimestre"), validators=period_validators)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    addressee_name = models.CharField(
        _("destinatario"), max_length=150, blank=True, help_text=_("Por ejemplo «Licenciado …».")
    )
    addressee_title = models.CharField(
        _("cargo del destinatario"), max_length=200, default="Secretario General de Planificación"
    )
    request_reference = models.CharField(
        _("oficio circular que lo solicita"),
        max_length=120,
        blank=True,
        help_text=_("Por ejemplo «OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo»."),
    )
    letter_number = models.PositiveIntegerField(_("número de oficio"), null=True, blank=True)
    letter_year = models.PositiveSmallIntegerField(_("año del oficio"), null=True, blank=True)
    letter_date = models.DateField(_("fecha del oficio"), null=True, blank=True)
    submitted_by = acting_user(_("enviado por"))
    submitted_at = models.DateTimeField(_("enviado el"), null=True, blank=True)
    approved_by = acting_user(_("aprobado por"))
    approved_at = models.DateTimeField(_("aprobado el"), null=True, blank=True)
    returned_by = acting_user(_("devuelto por"))
    returned_at = models.DateTimeField(_("devuelto el"), null=True, blank=True)
    return_reason = models.TextField(
        _("motivo de la devolución"), blank=True, help_text=_("Qué debe corregir planificación.")
    )
    signed_by = acting_user(_("firmado por"))
    signed_at = models.DateTimeField(_("firmado el"), null=True, blank=True)
    snapshot = models.JSONField(_("datos firmados"), null=True, blank=True, editable=False)
    snapshot_sha256 = models.CharField(_("SHA-256 de los datos"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("reporte cuatrimestral")
        verbose_name_plural = _("reportes cuatrimestrales")
        ordering = ["institution__code", "-year", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "year", "period"], name="period_report_unique"),
            models.UniqueConstraint(
                fields=["institution", "letter_year", "letter_number"],
                condition=Q(letter_number__isnull=False),
                name="period_report_unique_letter",
            ),
            models.CheckConstraint(condition=Q(period__gte=1) & Q(period__lte=3), name="period_report_1_3"),
        ]

    def __str__(self):
        return f"{self.institution.code} {self.year} C{self.period} ({self.get_status_display()})"

    @property
    def letter_code(self) -> str:
        if self.letter_number is None:
            return ""
        return f"OFICIO-{self.institution.code}-DG-{self.letter_number:03d}-{self.letter_year}"


class LetterSequence(models.Model):
    """Last cover-letter number used by an institution in a year (oficios are numbered per year)."""

    institution = models.ForeignKey(
        Institution, verbose_name=_("institución"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    last_number = models.PositiveIntegerField(
        _("último número usado"),
        default=0,
        help_text=_("El siguiente oficio tomará este número más uno."),
    )

    class Meta:
        verbose_name = _("correlativo de oficios")
        verbose_name_plural = _("correlativos de oficios")
        ordering = ["institution__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "year"], name="letter_sequence_unique"),
        ]

    def __str__(self):
        return f"{self.institution.code} {self.year}: {self.last_number}"


class DeviationNote(models.Model):
    """Why one measure (physical or financial) of a subproduct is outside the expected band for the
    period: each measure has its own explanation."""

    subproduct = models.ForeignKey(
        Subproduct, verbose_name=_("subproducto"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    period = models.PositiveSmallIntegerField(_("cuatrimestre"), validators=period_validators)
    measure = models.CharField(_("meta física/financiera"), max_length=10, choices=Measure.choices)
    text = models.TextField(_("explicación"), max_length=1000)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("escrita por"), on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(_("escrita el"), auto_now=True)

    class Meta:
        verbose_name = _("explicación de desviación")
        verbose_name_plural = _("explicaciones de desviación")
        ordering = ["year", "period", "subproduct_id", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["subproduct", "year", "period", "measure"], name="deviation_note_measure_unique"
            ),
        ]

    def __str__(self):
        return f"{self.subproduct} {self.year} C{self.period} {self.get_measure_display()}"


class ReportJob(models.Model):
    """One request for a rendered report; the UI, the API and the reconciler read this row."""

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"
        XLSX = "xlsx", "XLSX"
        JSON = "json", "JSON"

    class Status(models.TextChoices):
        QUEUED = "queued", _("En cola")
        RUNNING = "running", _("En proceso")
        DONE = "done", _("Listo")
        FAILED = "failed", _("Falló")

    class Kind(models.TextChoices):
        SIPLAN = "siplan", _("Reporte SIPLAN")
        INDICATOR_SHEETS = "sheets", _("Fichas técnicas de indicadores")

    class Stage(models.TextChoices):
        QUERY = "query", _("Consultando datos")
        RENDER = "render", _("Generando documento")
        SIGN = "sign", _("Firmando")
        STORE = "store", _("Guardando")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        related_name="report_jobs",
        null=True,
        blank=True,
    )
    # ``Kind``'s documents live here; any other kind is one a higher app registers
    # (reporting/kinds.py), such as the national consolidated report, of no single institution.
    kind = models.CharField(_("documento"), max_length=20, default=Kind.SIPLAN)
    # The plan of a plan-wide document (its indicator sheets); such a document has no period.
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("año"), validators=year_validators)
    period = models.PositiveSmallIntegerField(
        _("cuatrimestre"), validators=period_validators, null=True, blank=True
    )
    format = models.CharField(_("formato"), max_length=4, choices=Format.choices)
    signed = models.BooleanField(_("firmado"), default=False)
    period_report = models.ForeignKey(
        PeriodReport,
        verbose_name=_("reporte cuatrimestral"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="jobs",
    )
    status = models.CharField(_("estado"), max_length=8, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("etapa"), max_length=8, choices=Stage.choices, blank=True)
    percent = models.PositiveSmallIntegerField(_("avance (%)"), default=0)
    parameters = models.JSONField(_("parámetros"), default=dict)
    fingerprint = models.CharField(_("huella de los datos"), max_length=64, blank=True, db_index=True)
    file = models.FileField(_("archivo"), upload_to="reports/", blank=True, max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    size = models.PositiveBigIntegerField(_("tamaño (bytes)"), default=0)
    reused_from = models.ForeignKey(
        "self",
        verbose_name=_("reutiliza el resultado de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    error = models.TextField(_("motivo del error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    worker = models.CharField(_("proceso"), max_length=120, blank=True)
    requested_by = acting_user(_("solicitado por"))
    created_at = models.DateTimeField(_("solicitado el"), auto_now_add=True)
    started_at = models.DateTimeField(_("iniciado el"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("última señal"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("trabajo de reporte")
        verbose_name_plural = _("trabajos de reporte")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="report_job_percent_0_100"),
            models.CheckConstraint(
                condition=Q(period__gte=1) & Q(period__lte=3), name="report_job_period_1_3"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind="sheets", plan__isnull=False, period__isnull=True, format="pdf", signed=False
                )
                | Q(kind="siplan", plan__isnull=True, period__isnull=False)
                | (~Q(kind__in=["siplan", "sheets"]) & Q(plan__isnull=True, period__isnull=False)),
                name="report_job_kind_fields",
            ),
            models.CheckConstraint(
                condition=Q(signed=False) | Q(format="pdf"), name="report_job_signed_is_pdf"
            ),
            models.CheckConstraint(
                condition=~Q(kind="siplan") | Q(institution__isnull=False),
                name="report_job_siplan_has_institution",
            ),
        ]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="report_job_status_beat")]

    def __str__(self):
        return f"{self.title} {self.format} #{self.pk}"

    @property
    def title(self) -> str:
        """What the document is, as pages name it: ``IGM 2024 C3`` or ``Fichas técnicas IGM 2024-2028``."""
        if self.kind == self.Kind.INDICATOR_SHEETS:
            return f"Fichas técnicas {self.institution.code} {self.plan.start_year}-{self.plan.end_year}"
        return f"{self.owner_label} {self.year} C{self.period}"

    @property
    def owner_label(self) -> str:
        """The institution's code, or the kind of a document of no single institution."""
        return self.institution.code if self.institution_id else self.kind

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def stage_label(self) -> str:
        """The step under way; a finished job has none (a failed one names where it stopped)."""
        if not self.stage or self.status == self.Status.DONE:
            return ""
        return self.get_stage_display()

    @property
    def stages(self) -> list[tuple[str, str]]:
        """The steps this job goes through: only a signed document is signed."""
        return [(v, label) for v, label in self.Stage.choices if v != self.Stage.SIGN or self.signed]

    @property
    def filename(self) -> str:
        if self.kind == self.Kind.INDICATOR_SHEETS:
            return (
                f"fichas-indicadores-{self.institution.code}-{self.plan.start_year}-{self.plan.end_year}.pdf"
            )
        suffix = "-firmado" if self.signed else ""
        if not self.institution_id:
            return f"{self.kind}-{self.year}-c{self.period}.{self.format}"
        return f"siplan-{self.institution.code}-{self.year}-c{self.period}{suffix}.{self.format}"
