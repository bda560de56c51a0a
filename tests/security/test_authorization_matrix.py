"""Every page and every API path, asked by every role, for its own institution's objects, another
cost centre's and another institution's: each answer is the one ``RULES`` declares.

The pages come from the URL conf, the API paths and methods from the OpenAPI schema; a URL or path
without a rule fails the test by name, so a new one is declared here with one line. A read is a GET;
a write is a POST (pages) or POST/PUT/PATCH/DELETE (API) with a harmless body, sent by the roles
that may not write, which must be refused (401/403/404/405, the login page, or a redirect with an
error message) and change no row. Machinery (requesters, objects, reading answers): ``matrix.py``.
"""

import logging

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.security.matrix import (
    ANONYMOUS,
    API_ROLES,
    AUDITOR,
    DIRECTOR,
    INTEGRATION,
    LEAD,
    OFFICER,
    PLANNER,
    READ_TOKEN,
    SEGEPLAN,
    SUPERUSER,
    WEB_ROLES,
    admin_args,
    admin_kwargs,
    api_clients,
    ask,
    data_fingerprint,
    expected_allowed,
    public,
    refused,
    route_url,
    rule,
    web_clients,
    web_routes,
    world_objects,
)

SIGNED_IN = (OFFICER, PLANNER, LEAD, DIRECTOR, AUDITOR, SEGEPLAN, SUPERUSER)
EVERYONE = (ANONYMOUS, *SIGNED_IN)
READERS = (PLANNER, LEAD, DIRECTOR, AUDITOR, SEGEPLAN, SUPERUSER)  # ``reads_everything``
PLANNING = (PLANNER, LEAD, SUPERUSER)
EXECUTION = (*READERS, OFFICER)
ENTRY = (*PLANNING, OFFICER)
TOKENS = (INTEGRATION, READ_TOKEN)
ADMIN = (SUPERUSER,)

# One line per URL name (pages) or API path: who reads it and who writes it. Other institutions'
# objects and officers' other cost centres follow from ``matrix.Rule``.
RULES = {
    # accounts
    "home": rule(SIGNED_IN),
    "account": rule(SIGNED_IN, SIGNED_IN),
    "login": public(write=EVERYONE),
    "logout": rule((), EVERYONE),
    "password_change": rule(SIGNED_IN, SIGNED_IN),
    "password_change_done": rule(SIGNED_IN),
    "second_factor_verify": rule(SIGNED_IN, SIGNED_IN),
    "second_factor_enrol": rule(SIGNED_IN, SIGNED_IN),
    "second_factor_qr": rule(SIGNED_IN),
    "second_factor_codes": rule(SIGNED_IN, SIGNED_IN),
    # planning
    "planning:index": rule(READERS),
    "planning:institution_create": rule(ADMIN, ADMIN),
    "planning:institution_detail": rule(READERS, kind="institution"),
    "planning:institution_edit": rule(PLANNING, PLANNING, kind="institution"),
    "planning:plan_create": rule(PLANNING, PLANNING),
    "planning:plan_detail": rule(READERS, kind="plan"),
    "planning:plan_edit": rule(PLANNING, PLANNING, kind="plan"),
    "planning:result_create": rule(PLANNING, PLANNING),
    "planning:result_detail": rule(READERS, kind="result"),
    "planning:result_edit": rule(PLANNING, PLANNING, kind="result"),
    "planning:product_create": rule(PLANNING, PLANNING),
    "planning:product_detail": rule(READERS, kind="product"),
    "planning:product_edit": rule(PLANNING, PLANNING, kind="product"),
    "planning:subproduct_create": rule(PLANNING, PLANNING),
    "planning:subproduct_detail": rule(READERS, kind="subproduct"),
    "planning:subproduct_edit": rule(PLANNING, PLANNING, kind="subproduct"),
    "planning:goal_detail": rule(READERS, PLANNING, kind="goal"),
    "planning:reprogramming_index": rule(READERS),
    "planning:reprogramming_detail": rule(READERS, (LEAD,), kind="reprogramming"),
    "planning:goals_plans": rule(READERS),
    "planning:goals_grid": rule(READERS, PLANNING, objects={"plan_id": "pom"}),
    "planning:goals_row_save": rule((), PLANNING, objects={"plan_id": "pom", "subproduct_id": "pom_sub"}),
    "planning:plan_matrices": rule(READERS, objects={"plan_id": "pom"}),
    "planning:annual_plan_create": rule((), PLANNING, kind="pom", objects={"year": "pom_year"}),
    "planning:programming": rule(READERS, PLANNING, kind="plan"),
    "planning:programming_spread": rule((), PLANNING, kind="plan"),
    "planning:programming_xlsx": rule(READERS, kind="plan"),
    "planning:strategic_frame": rule(READERS, kind="institution"),
    "planning:strategic_frame_edit": rule(PLANNING, PLANNING, kind="institution"),
    "planning:reprogramming_new": rule((PLANNER, LEAD), (PLANNER, LEAD)),
    # budget
    "budget:index": rule(EXECUTION),
    "budget:dashboard": rule((PLANNER, LEAD, DIRECTOR, AUDITOR)),
    "budget:period_lock": rule((), PLANNING),
    "budget:month": rule(EXECUTION, cost_centre=True),
    "budget:month_entry": rule(ENTRY, ENTRY, cost_centre=True),
    "budget:month_review": rule((), ENTRY, cost_centre=True),
    "budget:month_template": rule(EXECUTION, cost_centre=True),
    "budget:uploads": rule(EXECUTION),
    "budget:upload_create": rule((PLANNER, LEAD, OFFICER), (PLANNER, LEAD, OFFICER)),
    "budget:upload": rule(EXECUTION, cost_centre=True),
    "budget:upload_confirm": rule((), ENTRY, cost_centre=True),
    "budget:upload_file": rule((PLANNER, LEAD, AUDITOR, SUPERUSER, OFFICER), cost_centre=True),
    # monitoring
    "monitoring:dashboard": rule(EXECUTION),
    "monitoring:dashboard_pdf": rule(EXECUTION),
    "monitoring:activity": rule(EXECUTION),
    "monitoring:activity_pdf": rule(EXECUTION),
    "monitoring:achievement_create": rule(ENTRY, ENTRY),
    "monitoring:achievement_edit": rule(ENTRY, ENTRY, kind="achievement", cost_centre=True),
    "monitoring:achievement_remove": rule((), ENTRY, kind="achievement", cost_centre=True),
    "monitoring:achievement_photo": rule(EXECUTION, kind="photo"),
    # indicators
    "indicators:index": rule(READERS),
    "indicators:sheet_detail": rule(READERS, kind="sheet"),
    "indicators:sheet_edit": rule(PLANNING, PLANNING, kind="sheet"),
    "indicators:sheet_remove": rule((), PLANNING, kind="sheet"),
    "indicators:sheet_pdf": rule(READERS, kind="sheet"),
    "indicators:sheet_xlsx": rule(READERS, kind="sheet"),
    "indicators:sheet_create": rule(PLANNING, PLANNING, objects={"plan_id": "pom"}),
    "indicators:multiannual_table": rule(READERS, objects={"plan_id": "pom"}),
    "indicators:plan_sheets_pdf": rule(READERS, objects={"plan_id": "pom"}),
    "indicators:plan_sheets_xlsx": rule(READERS, objects={"plan_id": "pom"}),
    # reporting
    "reporting:index": rule(READERS),
    "reporting:verify": rule(SIGNED_IN, SIGNED_IN),
    "reporting:officer_deviations": rule((OFFICER,)),
    "reporting:officer_deviation_note": rule((), (OFFICER,)),
    "reporting:job": rule(READERS, kind="job"),
    "reporting:job_status": rule(READERS, kind="job"),
    "reporting:job_download": rule(READERS, kind="job"),
    "reporting:job_retry": rule((), (PLANNER, LEAD), kind="job"),
    "reporting:period": rule(READERS),
    "reporting:preview": rule(READERS),
    "reporting:job_request": rule((), READERS),
    "reporting:submit": rule((), (PLANNER, LEAD)),
    "reporting:approve": rule((), (DIRECTOR,)),
    "reporting:return": rule((), (DIRECTOR,)),
    "reporting:sign": rule((), (DIRECTOR,)),
    "reporting:deviation_note": rule((), (PLANNER, LEAD)),
    "reporting:changes": rule(READERS),
    "reporting:plan_sheets_job": rule((), READERS, objects={"plan_id": "pom"}, renders=True),
    # national view: every institution for SEGEPLAN, its own line for an institution's people
    "national:index": rule(EXECUTION),
    "national:export": rule((), READERS),
    # each person's notices
    "notices:list": rule(SIGNED_IN),
    "notices:read": rule((), (), kind="notice"),  # no notice of theirs: every id is someone else's
    "notices:read_all": rule((), SIGNED_IN),
    "notices:silence": rule((), SIGNED_IN),
    # the public transparency portal: no login, nothing to write
    "transparency:index": public(),
    "transparency:verify": public(write=EVERYONE),
    "transparency:institution": public(),
    "transparency:execution": public(),
    "transparency:report_download": public(maybe=EVERYONE),  # 404 until the period's report is signed
    "transparency:report_verification": public(maybe=EVERYONE),
    "transparency:open_data": public(),
    "transparency:open_data_file": public(),
    # the API's documents and its benchmark-only view (off unless IGM_API_BENCHMARK_VIEWS)
    "api-schema": public(),
    "api-docs": public(),
    "budget-api:benchmark-ceiling": rule(()),
    "^api/(?P<path>.*/)$": rule(()),  # any other address under /api/: a JSON 404
    # old addresses answer a redirect to the new one, whose own rule applies
    "admin/login/": rule(()),
    "indicadores/tablero/": public(),
    "indicadores/tablero/tablero.pdf": public(),
    "indicadores/informe-actividades/": public(),
    "indicadores/informe-actividades/informe.pdf": public(),
    "indicadores/informe-actividades/logros/nuevo/": public(),
    "indicadores/informe-actividades/logros/<int:pk>/": public(kind="achievement"),
    "indicadores/informe-actividades/fotos/<int:pk>/": public(kind="photo"),
    "indicadores/metas/": public(),
    "indicadores/planes/<int:plan_id>/metas/": public(),
    "indicadores/planes/<int:plan_id>/matrices.<str:fmt>": public(),
    # the administration: superusers only (every admin URL; the login page sends to ours)
    "admin:*": rule((), ADMIN, maybe=ADMIN),
    "admin:login": rule(()),
    "admin:logout": rule((), EVERYONE, maybe=EVERYONE),  # sends everyone to a page with its own rule
    # API
    "/api/v1/institutions/": rule((*READERS, *TOKENS)),
    "/api/v1/institutions/{id}/": rule((*READERS, *TOKENS), kind="institution"),
    "/api/v1/plans/": rule((*READERS, *TOKENS)),
    "/api/v1/plans/{id}/": rule((*READERS, *TOKENS), kind="plan"),
    "/api/v1/results/": rule((*READERS, *TOKENS)),
    "/api/v1/results/{id}/": rule((*READERS, *TOKENS), kind="result"),
    "/api/v1/programs/": rule((*READERS, *TOKENS)),
    "/api/v1/programs/{id}/": rule((*READERS, *TOKENS), kind="program"),
    "/api/v1/categories/": rule((*READERS, *TOKENS)),
    "/api/v1/categories/{id}/": rule((*READERS, *TOKENS), kind="category"),
    "/api/v1/products/": rule((*READERS, *TOKENS)),
    "/api/v1/products/{id}/": rule((*READERS, *TOKENS), kind="product"),
    "/api/v1/subproducts/": rule((*READERS, *TOKENS)),
    "/api/v1/subproducts/{id}/": rule((*READERS, *TOKENS), kind="subproduct"),
    "/api/v1/goals/": rule((*READERS, *TOKENS)),
    "/api/v1/goals/{id}/": rule((*READERS, *TOKENS), kind="goal"),
    "/api/v1/reprogrammings/": rule((*READERS, *TOKENS)),
    "/api/v1/reprogrammings/{id}/": rule((*READERS, *TOKENS), kind="reprogramming"),
    "/api/v1/programming/": rule((*READERS, *TOKENS), (PLANNER, LEAD, SUPERUSER, INTEGRATION)),
    "/api/v1/programming/{id}/": rule((*READERS, *TOKENS), kind="programming"),
    "/api/v1/budget-projections/": rule((*READERS, *TOKENS)),
    "/api/v1/budget-projections/{id}/": rule((*READERS, *TOKENS), kind="budget_projection"),
    "/api/v1/cost-centres/": rule((*EXECUTION, *TOKENS)),
    "/api/v1/cost-centres/{id}/": rule((*EXECUTION, *TOKENS), kind="cost_centre", cost_centre=True),
    "/api/v1/executions/": rule((*EXECUTION, *TOKENS), (*ENTRY, INTEGRATION)),
    "/api/v1/executions/{id}/": rule((*EXECUTION, *TOKENS), kind="execution", cost_centre=True),
    "/api/v1/execution-totals/": rule((*EXECUTION, *TOKENS)),
    "/api/v1/plan-progress/": rule((*EXECUTION, *TOKENS), query="institution={code}&year=2024&period=1"),
    "/api/v1/indicator-sheets/": rule((*READERS, *TOKENS)),
    "/api/v1/indicator-sheets/{id}/": rule((*READERS, *TOKENS), kind="sheet"),
    "/api/v1/indicator-values/": rule((*READERS, *TOKENS), query="institution={code}&year=2026&period=1"),
    "/api/v1/report-documents/": rule((*READERS, *TOKENS)),
    "/api/v1/report-documents/{id}/": rule((*READERS, *TOKENS), kind="job"),
    "/api/v1/report-documents/{id}/download/": rule((*READERS, *TOKENS), kind="job"),
    "/api/v1/report-periods/": rule((*READERS, *TOKENS), query="institution={code}&year=2024"),
    "/api/v1/national-progress/": rule((*EXECUTION, *TOKENS)),
    "/api/v1/siplan-report/": rule((*READERS, *TOKENS), query="institution={code}&year=2024&period=1"),
}
WRITE_METHODS = ("post", "put", "patch", "delete")


def rule_of(key: str):
    namespace = key.split(":", 1)[0] if ":" in key else None
    return RULES.get(key) or (RULES.get(f"{namespace}:*") if namespace else None)


class Matrix:
    """Sends every check and keeps the ones whose answer is not the declared one."""

    def __init__(self):
        self.checks = 0
        self.wrong: list[str] = []
        self.endpoints: set[str] = set()

    def expect(self, key, role, scope, method, response, allowed):
        self.checks += 1
        self.endpoints.add(key)
        status = response.status_code
        if status >= 500:
            self.wrong.append(f"ERROR {status}: {method} {key} as {role} ({scope})")
        elif allowed is False and not refused(response):
            self.wrong.append(f"LEAK {status}: {method} {key} as {role} ({scope})")
        elif allowed is True and refused(response):
            self.wrong.append(f"REFUSED {status}: {method} {key} as {role} ({scope}), declared allowed")

    def report(self, what: str, roles) -> None:
        print(f"\n{what}: {self.checks} checks, {len(roles)} roles, {len(self.endpoints)} endpoints")
        assert not self.wrong, f"{len(self.wrong)} answers differ from RULES:\n" + "\n".join(self.wrong)


def test_every_url_and_api_path_has_a_rule(db):
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    missing = [route.key for route in web_routes() if rule_of(route.key) is None]
    missing += [path for path in paths if path not in RULES]

    assert not missing, "Sin regla en RULES (tests/security/test_authorization_matrix.py): " + ", ".join(
        missing
    )


@pytest.fixture
def cast(small_world, igm):
    # Thousands of refusals: the request log's warnings would drown the report of the wrong ones.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    return {"world": small_world, "objects": world_objects(small_world, igm)}


def _web_url(route, rule, objects):
    if route.key.startswith("admin:"):
        return route_url(route, admin_kwargs(route), admin_args(route))
    kwargs = {}
    for name in route.kwargs:
        kind = rule.objects.get(name) or (rule.kind if name == "pk" else None) or KWARG_KINDS[name]
        kwargs[name] = objects[kind]
    return route_url(route, kwargs)


KWARG_KINDS = {
    "institution_pk": "institution",
    "plan_pk": "plan",
    "plan_id": "plan",
    "product_pk": "product",
    "subproduct_id": "subproduct",
    "cost_centre_id": "cost_centre",
    "upload_id": "upload",
    "code": "code",
    "year": "year",
    "month": "month",
    "period": "period",
    "fmt": "fmt",
    "kind": "bench",
    "dataset": "dataset",
    "path": "api_path",
}


def _scopes(rule, has_objects: bool):
    if not has_objects:
        return ("own",)
    return ("own", "other_cc", "foreign") if rule.cost_centre else ("own", "foreign")


def test_every_page_answers_every_role_as_declared(cast):
    clients = web_clients(cast["world"])
    matrix = Matrix()
    before = data_fingerprint()
    for route in web_routes():
        rule = rule_of(route.key)
        has_objects = bool(route.kwargs) and not route.key.startswith("admin:")
        for scope in _scopes(rule, has_objects):
            url = _web_url(route, rule, cast["objects"][scope])
            for role in WEB_ROLES:
                reads = expected_allowed(rule, role, scope, writing=False)
                matrix.expect(route.key, role, scope, "GET", ask(clients[role], "GET", url), reads)
                if expected_allowed(rule, role, scope, writing=True) is False:
                    # A read-only page may show itself again on a POST; it must not write.
                    response = ask(clients[role], "POST", url)
                    matrix.expect(route.key, role, scope, "POST", response, None if reads else False)
        after = data_fingerprint()
        if after != before:
            matrix.wrong.append(f"WRITE: a refused POST to {route.key} changed the database")
        before = after
    matrix.report("Páginas", WEB_ROLES)


def test_every_api_path_answers_every_role_as_declared(cast):
    clients = api_clients(web_clients(cast["world"]), cast["world"])
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    matrix = Matrix()
    before = data_fingerprint()
    for path, operations in paths.items():
        rule = RULES[path]
        has_objects = "{id}" in path or "{code}" in rule.query
        for scope in _scopes(rule, has_objects):
            objects = cast["objects"][scope]
            url = path.replace("{id}", str(objects.get(rule.kind, 0)))
            if rule.query:
                url += "?" + rule.query.format(code=objects["code"])
            for role in API_ROLES:
                client = clients[role]
                matrix.expect(
                    path,
                    role,
                    scope,
                    "GET",
                    client.get(url),
                    expected_allowed(rule, role, scope, writing=False),
                )
                for method in WRITE_METHODS:
                    if method in operations and expected_allowed(rule, role, scope, writing=True):
                        continue
                    response = getattr(client, method)(url, {}, format="json")
                    matrix.expect(path, role, scope, method.upper(), response, False)
        after = data_fingerprint()
        if after != before:
            matrix.wrong.append(f"WRITE: a refused write to {path} changed the database")
        before = after
    matrix.report("API", API_ROLES)
