from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PLANNER = "planner", _("Personal de planificación")
    PLANNING_LEAD = "planning_lead", _("Jefatura de planificación")
    OFFICER = "officer", _("Encargado de centro de costo")
    DIRECTOR = "director", _("Director (máxima autoridad)")
    AUDITOR = "auditor", _("Auditor")
    SEGEPLAN = "segeplan", _("SEGEPLAN (lectura)")


PLANNING_ROLES = frozenset({Role.PLANNER, Role.PLANNING_LEAD})
# Roles that may read every cost centre and every institution's plan they belong to.
READ_ALL_ROLES = frozenset({Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR})


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices, blank=True)
    institution = models.ForeignKey(
        "planning.Institution",
        verbose_name=_("institución"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Vacío solo para SEGEPLAN, que lee todas las instituciones."),
    )
    job_title = models.CharField(_("cargo"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_planning_staff(self) -> bool:
        return self.role in PLANNING_ROLES

    @property
    def is_planning_lead(self) -> bool:
        return self.role == Role.PLANNING_LEAD

    @property
    def is_officer(self) -> bool:
        return self.role == Role.OFFICER

    @property
    def is_director(self) -> bool:
        return self.role == Role.DIRECTOR

    @property
    def reads_everything(self) -> bool:
        return self.is_superuser or self.role in READ_ALL_ROLES or self.role == Role.SEGEPLAN
