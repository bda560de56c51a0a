"""Institutions and their programmatic categories (programa / subprograma / proyecto / actividad)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

budget_code_validator = RegexValidator(r"^\d{4}-\d{4}-\d{3}-\d{3}$", _("Use el formato 1120-0069-000-000."))


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
