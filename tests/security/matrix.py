"""The machinery of the authorization matrix (tests/security/test_authorization_matrix.py): who the
requesters are, which objects each URL's arguments point to, and how an answer is read.

The objects come from the small world (tests/cast/) plus what it lacks (an officer's own execution,
uploads, achievements with photos, finished report jobs). «own» is the small world's institution
(INP) seen by its people; «foreign» another institution (VEC, or IGM where VEC has no such thing);
«other_cc» a cost centre of INP that is not the officer's (Delegación Quetzaltenango).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib import admin
from django.contrib.messages import constants, get_messages
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from budget.models import ExecutionUpload
from indicators.models import IndicatorSheet
from monitoring.models import Achievement, AchievementPhoto
from planning.models import MonthlyProgramming, Plan, Reprogramming
from reporting.models import ReportJob
from tests import factories
from tests.api_clients import token_client

ANONYMOUS, OFFICER, SUPERUSER = "anonymous", Role.OFFICER.value, "superuser"
PLANNER, LEAD, DIRECTOR = Role.PLANNER.value, Role.PLANNING_LEAD.value, Role.DIRECTOR.value
AUDITOR, SEGEPLAN = Role.AUDITOR.value, Role.SEGEPLAN.value
# API only: an institution's system (token ``institution:INP``) and SEGEPLAN's (token ``read``).
INTEGRATION, READ_TOKEN = "integration", "read_token"
WEB_ROLES = (ANONYMOUS, OFFICER, PLANNER, LEAD, DIRECTOR, AUDITOR, SEGEPLAN, SUPERUSER)
API_ROLES = (*WEB_ROLES, INTEGRATION, READ_TOKEN)
# Roles that see every institution (they belong to none).
CROSS_INSTITUTION = frozenset({SEGEPLAN, SUPERUSER, READ_TOKEN})
SCOPES = ("own", "other_cc", "foreign")
LOGIN_PATHS = ("/cuenta/ingresar/", "/admin/login/")
# Tables that any request writes (sessions, the API's request log, sign-in records): not data.
NOT_DATA = {"sessions", "axes"}
NOT_DATA_MODELS = {"apirequestlog"}


@dataclass(frozen=True)
class Rule:
    """Who may open a URL (GET) and who may send it data (POST…) for their own institution's objects.

    Roles of one institution are refused another's objects; SEGEPLAN, superusers and ``read`` tokens
    read every institution's; only superusers write another's. ``cost_centre``: the object belongs to
    a cost centre, and an officer is refused the centres not in their charge. ``kind`` names what
    ``pk`` is; ``objects`` overrides the kind of other arguments (``{"plan_id": "pom"}``).
    """

    read: frozenset = frozenset()
    write: frozenset = frozenset()
    kind: str | None = None
    cost_centre: bool = False
    objects: dict = field(default_factory=dict)
    query: str = ""  # API: the query string, with {code} for the institution's code
    # A POST that renders what the role may read (a report job): it crosses institutions as reads do.
    renders: bool = False
    # Roles whose reads another rule decides page by page (the admin's own permissions for
    # superusers): their answers are checked for errors only.
    maybe: frozenset = frozenset()

    @property
    def public(self) -> bool:
        """Anonymous users read it (the login page, a public portal)."""
        return ANONYMOUS in self.read


def rule(read=(), write=(), maybe=(), **options) -> Rule:
    return Rule(read=frozenset(read), write=frozenset(write), maybe=frozenset(maybe), **options)


def public(**options) -> Rule:
    """A page for everyone, signed in or not (a transparency portal, an old address that redirects)."""
    return rule(WEB_ROLES, **options)


def expected_allowed(rule: Rule, role: str, scope: str, *, writing: bool) -> bool | None:
    """True: served; False: refused; None: not declared (``Rule.maybe``)."""
    if not writing and role in rule.maybe:
        return None
    roles = rule.write if writing else rule.read
    if role not in roles:
        return False
    if rule.public and not writing:
        return True
    if scope == "foreign":
        return role in CROSS_INSTITUTION if not writing or rule.renders else role == SUPERUSER
    return not (scope == "other_cc" and role == OFFICER and rule.cost_centre)


# --- the URL conf ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the route itself for unnamed patterns
    route: str
    pattern: URLPattern

    @property
    def kwargs(self) -> list[str]:
        pattern = self.pattern.pattern
        return list(getattr(pattern, "converters", None) or pattern.regex.groupindex)


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner or namespace)
        else:
            yield entry, prefix + str(entry.pattern), namespace


def web_routes() -> list[Route]:
    """Every pattern of the URL conf except the API's DRF views (the OpenAPI schema lists those)."""
    routes = {}
    for pattern, route, namespace in _walk(get_resolver().url_patterns):
        if namespace.endswith("-api") and hasattr(pattern.callback, "cls"):
            continue
        key = f"{namespace}:{pattern.name or route}" if namespace else (pattern.name or route)
        routes.setdefault(key, Route(key, route, pattern))
    return list(routes.values())


def route_url(route: Route, kwargs: dict, args=()) -> str:
    """The path of a route with its arguments, named or not."""
    if route.pattern.name:
        return reverse(route.key, args=args) if args else reverse(route.key, kwargs=kwargs)
    # Regular-expression groups first: their ``<name>`` would otherwise read as a path converter.
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), route.route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "")


def _admin_model(route: Route):
    """The model an admin page is about: its ModelAdmin's, or, for a ModelAdmin's own extra views
    (django-otp's ``otp_totp_totpdevice_config``), the registered model its name starts with."""
    model_admin = getattr(route.pattern.callback, "model_admin", None)
    if model_admin is not None:
        return model_admin.model
    name = route.key.split(":", 1)[-1]
    return next(
        (m for m in admin.site._registry if name.startswith(f"{m._meta.app_label}_{m._meta.model_name}_")),
        None,
    )


def admin_args(route: Route) -> list:
    """Unnamed arguments (an object's history entry): the object, then its first history row."""
    pattern = route.pattern.pattern
    unnamed = pattern.regex.groups - len(pattern.regex.groupindex) if hasattr(pattern, "regex") else 0
    if not unnamed:
        return []
    model = _admin_model(route)
    first = model._base_manager.order_by("pk").first() if model else None
    return [first.pk if first else 1] + [1] * (unnamed - 1)


def admin_kwargs(route: Route) -> dict:
    """An admin page's arguments: a stored object of its model, or a made-up one (the page then
    answers 302/404 to superusers, which the matrix reads as served or refused like any other)."""
    model = _admin_model(route)
    first = model._base_manager.order_by("pk").first() if model else None
    values = {
        "object_id": first.pk if first else 1,
        "id": first.pk if first else 1,
        "pk": first.pk if first else 1,
        "app_label": "planning",
        "content_type_id": 1,
        "url": "no-existe/",
    }
    return {name: values[name] for name in route.kwargs}


# --- the world ---------------------------------------------------------------------------------


TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f9e0000000049454e44ae426082"
)


def _upload(institution, user) -> ExecutionUpload:
    upload = ExecutionUpload(
        institution=institution, original_name="ejecucion.csv", sha256="0" * 64, size=4, uploaded_by=user
    )
    upload.file.save("ejecucion.csv", ContentFile(b"a,b\n"), save=False)
    upload.save()
    return upload


def _achievement(institution, user) -> Achievement:
    achievement = Achievement.objects.create(
        institution=institution,
        year=2024,
        month=3,
        area_code="01",
        area="Control Migratorio",
        unit="Subdirección",
        text="Logro",
        created_by=user,
    )
    photo = AchievementPhoto(achievement=achievement, caption="Foto", image_format="PNG", size=len(TINY_PNG))
    photo.image.save("foto.png", ContentFile(TINY_PNG), save=False)
    photo.save()
    return achievement


def _job(institution) -> ReportJob:
    job = ReportJob(institution=institution, year=2024, period=1, format="json", status=ReportJob.Status.DONE)
    job.file.save("reporte.json", ContentFile(b"{}"), save=False)
    job.sha256, job.size = "0" * 64, 2
    job.save()
    return job


def _approved_report(institution) -> None:
    """An approved report of 2024's first period, with its snapshot (its changes page opens)."""
    from reporting.models import PeriodReport
    from reporting.selectors.documents import live_report_document

    document = live_report_document(institution=institution, year=2024, period=1)
    PeriodReport.objects.create(
        institution=institution,
        year=2024,
        period=1,
        status=PeriodReport.Status.APPROVED,
        snapshot=document.to_json_data(),
    )


def _programming(goal) -> MonthlyProgramming:
    return MonthlyProgramming.objects.create(goal=goal, measure="physical", month=1, value=Decimal("1.00"))


def igm_pom_subproduct(plan) -> int:
    from planning.models import Subproduct

    return Subproduct.objects.filter(product__plan=plan).order_by("pk").values_list("pk", flat=True)[0]


def world_objects(world, igm) -> dict[str, dict]:
    """{scope: {kind: value}}: what each URL argument points to, per scope."""
    vec = world.neighbour
    _approved_report(world.institution)
    _approved_report(vec.institution)
    own_execution = factories.ExecutionFactory(
        cost_centre=world.central, subproduct=world.passports, year=2024, month=2
    )
    igm_pom = Plan.objects.get(institution=igm, kind=Plan.Kind.POM, start_year=2026)
    achievement = _achievement(world.institution, world.officer)
    own = {
        "institution": world.institution.pk,
        "plan": world.poa.pk,
        "pom": world.pom.pk,
        "result": world.result.pk,
        "product": world.documents.pk,
        "subproduct": world.passports.pk,
        "goal": world.passports_goal.pk,
        "reprogramming": world.reprogramming.pk,
        "sheet": world.sheet.pk,
        "cost_centre": world.central.pk,
        "upload": _upload(world.institution, world.officer).pk,
        "achievement": achievement.pk,
        "photo": achievement.photos.get().pk,
        "job": _job(world.institution).pk,
        "execution": own_execution.pk,
        "programming": _programming(world.passports_goal).pk,
        "budget_projection": world.pom.budget_projections.first().pk,
        "category": world.documents.category_id,
        "program": world.documents.category.program_id,
        "code": world.institution.code,
        "pom_sub": world.issuance.pk,
    }
    other = _achievement(world.institution, world.xela_officer)
    other_cc = own | {
        "cost_centre": world.xela.pk,
        "upload": _upload(world.institution, world.xela_officer).pk,
        "achievement": other.pk,
        "photo": other.photos.get().pk,
        "execution": world.executions[0].pk,
    }
    foreign_achievement = _achievement(vec.institution, vec.officer)
    foreign = {
        "institution": vec.institution.pk,
        "plan": vec.poa.pk,
        "pom": igm_pom.pk,
        "result": vec.result.pk,
        "product": vec.product.pk,
        "subproduct": vec.people.pk,
        "goal": vec.goals[0].pk,
        "reprogramming": Reprogramming.objects.create(
            goal=vec.goals[0],
            measure="physical",
            old_value=1,
            new_value=2,
            effective_date="2024-05-02",
            justification="x",
            supporting_act="Oficio",
        ).pk,
        "sheet": IndicatorSheet.objects.filter(plan=igm_pom).first().pk,
        "cost_centre": vec.cost_centre.pk,
        "upload": _upload(vec.institution, vec.officer).pk,
        "achievement": foreign_achievement.pk,
        "photo": foreign_achievement.photos.get().pk,
        "job": _job(vec.institution).pk,
        "execution": vec.executions[0].pk,
        "programming": _programming(vec.goals[0]).pk,
        "budget_projection": igm_pom.budget_projections.first().pk,
        "category": vec.product.category_id,
        "program": vec.product.category.program_id,
        "code": vec.institution.code,
    }
    own["pom_sub"], foreign["pom_sub"] = world.issuance.pk, igm_pom_subproduct(igm_pom)
    fixed = {"year": 2024, "month": 3, "period": 1, "fmt": "xlsx", "pom_year": 2027, "bench": "rows"}
    fixed |= {"dataset": "metas", "api_path": "v1/nada/", "notice": 0}
    return {
        scope: fixed | kinds for scope, kinds in (("own", own), ("other_cc", other_cc), ("foreign", foreign))
    }


def web_clients(world) -> dict[str, Client]:
    superuser = factories.UserFactory(
        username="matriz-admin", role="", institution=None, is_superuser=True, is_staff=True
    )
    # An authenticator not yet confirmed: the admin's pages of authenticators have one to show.
    TOTPDevice.objects.create(user=superuser, name="matriz", confirmed=False)
    people = {
        OFFICER: world.officer,
        PLANNER: world.planner,
        LEAD: world.planning_lead,
        DIRECTOR: world.director,
        AUDITOR: world.auditor,
        SEGEPLAN: world.segeplan,
        SUPERUSER: superuser,
    }
    clients = {ANONYMOUS: Client()}
    for role, user in people.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def api_clients(web: dict[str, Client], world) -> dict:
    from rest_framework.test import APIClient

    clients = {}
    for role, client in web.items():
        api = APIClient()
        api.cookies = client.cookies
        clients[role] = api
    clients[INTEGRATION] = token_client(f"institution:{world.institution.code}", client_name="Sistema INP")
    clients[READ_TOKEN] = token_client("read")
    return clients


# --- reading answers ---------------------------------------------------------------------------


def ask(client, method: str, url: str):
    """One request with no message left over from the previous one: ``refused`` reads the
    messages this request added."""
    client.cookies.pop("messages", None)
    return client.get(url) if method == "GET" else client.post(url, {})


def refused(response) -> bool:
    """403/404/405/401/400, a redirect to the login page, or the page again with an error message
    (the workflow forms refuse so, keeping what was typed)."""
    if response.status_code in (400, 401, 403, 404, 405):
        return True
    if response.status_code in (301, 302) and response.get("Location", "").startswith(LOGIN_PATHS):
        return True
    request = getattr(response, "wsgi_request", None)
    return request is not None and any(m.level == constants.ERROR for m in get_messages(request))


def data_fingerprint() -> tuple:
    """The newest primary key of every data table, history tables included: a write adds a row (an
    edit or a deletion through the services adds a history row). Index reads only: it runs per URL."""
    from django.db.models import Max

    newest = []
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in NOT_DATA or meta.model_name in NOT_DATA_MODELS or not meta.managed:
            continue
        newest.append(model._base_manager.aggregate(newest=Max("pk"))["newest"])
    return tuple(newest)
