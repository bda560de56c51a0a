"""Guatemala's departments and municipalities (INE codes), where products are delivered."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
