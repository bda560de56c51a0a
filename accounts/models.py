from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PLANNER = "planner", _("Personal de planificación")
    PLANNING_LEAD = "planning_lead", _("Jefatura de planificación")
    OFFICER = "officer", _("Encargado de centro de costo")
    DIRECTOR = "director", _("Director (máxima autoridad)")
    AUDITOR = "auditor", _("Auditor")
    SEGEPLAN = "segeplan", _("SEGEPLAN (lectura)")
    INTEGRATION = "integration", _("Sistema de la institución (API)")


PLANNING_ROLES = frozenset({Role.PLANNER, Role.PLANNING_LEAD})
# Roles that may read every cost centre and every institution's plan they belong to.
READ_ALL_ROLES = frozenset({Role.PLANNER, Role.PLANNING_LEAD, Role.DIRECTOR, Role.AUDITOR})
# Roles that approve and sign: with IGM_REQUIRE_2FA they verify a code from an authenticator app.
SECOND_FACTOR_ROLES = frozenset({Role.DIRECTOR, Role.PLANNING_LEAD})


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
    def is_integration(self) -> bool:
        """An API client's service user; the token's scope bounds which institution it writes."""
        return self.role == Role.INTEGRATION

    @property
    def is_director(self) -> bool:
        return self.role == Role.DIRECTOR

    @property
    def requires_second_factor(self) -> bool:
        """Approvers, signers and admin staff, when the deployment requires a second factor."""
        required = self.role in SECOND_FACTOR_ROLES or self.is_staff or self.is_superuser
        return required and settings.IGM_REQUIRE_2FA

    @property
    def follows_every_institution(self) -> bool:
        """SEGEPLAN, and an auditor of no one institution (the comptroller's, say): they follow every
        institution's progress rather than run one, so the national view is their home. An
        institution's auditor starts at the latest changes to audit, the national view in the menu."""
        return self.role == Role.SEGEPLAN or (self.role == Role.AUDITOR and self.institution_id is None)

    @property
    def reads_everything(self) -> bool:
        return self.is_superuser or self.role in READ_ALL_ROLES or self.role == Role.SEGEPLAN


class ApiClient(models.Model):
    """A consumer of the REST API (SEGEPLAN, an institution's system), acting as its own user."""

    name = models.CharField(_("nombre"), max_length=100, unique=True)
    user = models.OneToOneField(
        User,
        verbose_name=_("usuario de servicio"),
        on_delete=models.PROTECT,
        related_name="api_client",
        help_text=_("Usuario que figura en el historial de cambios hechos por este cliente."),
    )
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("cliente de la API")
        verbose_name_plural = _("clientes de la API")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 digest is stored, the key is shown once at creation."""

    READ_SCOPE = "read"
    INSTITUTION_PREFIX = "institution:"

    client = models.ForeignKey(
        ApiClient, verbose_name=_("cliente"), on_delete=models.CASCADE, related_name="tokens"
    )
    key_digest = models.CharField(_("huella SHA-256"), max_length=64, unique=True)
    prefix = models.CharField(
        _("prefijo"), max_length=8, help_text=_("Primeros caracteres, para reconocerlo.")
    )
    scope = models.CharField(
        _("alcance"),
        max_length=40,
        help_text=_("«read» (todas las instituciones, solo lectura) o «institution:<siglas>»."),
    )
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revocado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("token de la API")
        verbose_name_plural = _("tokens de la API")
        ordering = ["client__name", "created_at", "id"]

    def __str__(self):
        return f"{self.client.name} {self.prefix}… ({self.scope})"

    @property
    def is_read_only(self) -> bool:
        return self.scope == self.READ_SCOPE

    @property
    def institution_code(self) -> str | None:
        """The institution the token is bound to, or None for the national ``read`` scope."""
        if self.scope.startswith(self.INSTITUTION_PREFIX):
            return self.scope.removeprefix(self.INSTITUTION_PREFIX)
        return None


class ApiRequestLog(models.Model):
    client = models.ForeignKey(
        ApiClient,
        verbose_name=_("cliente"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    token = models.ForeignKey(
        ApiToken,
        verbose_name=_("token"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("usuario"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    method = models.CharField(_("método"), max_length=10)
    endpoint = models.CharField(_("ruta"), max_length=300)
    query = models.CharField(_("parámetros"), max_length=500, blank=True)
    status = models.PositiveSmallIntegerField(_("estado HTTP"))
    # The request's instant, not the write's: rows are written in batches (accounts.services).
    created_at = models.DateTimeField(_("fecha"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        verbose_name = _("solicitud a la API")
        verbose_name_plural = _("solicitudes a la API")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.method} {self.endpoint} {self.status}"
