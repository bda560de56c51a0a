"""The main pages of each role in IGM's real data, and what a browser finds wrong on them: the
Content-Security-Policy violations it reports and axe-core's serious or critical findings."""

from axe_playwright_python.sync_playwright import Axe

from accounts.models import Role
from budget.models import CostCentre
from planning.models import Plan
from tests.browser import log_in
from tests.factories import TEST_PASSWORD

# Record every CSP violation the page reports; added before any page script runs.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => {
  const where = e.sourceFile + ":" + e.lineNumber;
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + where);
});
"""
SERIOUS = {"serious", "critical"}


def main_pages(igm) -> dict[str, list[str]]:
    """Per role, the pages it works on every day."""
    poa = Plan.objects.get(institution=igm, kind=Plan.Kind.POA, start_year=2024)
    cc = CostCentre.objects.filter(institution=igm).order_by("code").first()
    period = "/reportes/IGM/2024/3/"
    return {
        Role.OFFICER: [
            "/",
            "/ejecucion/",
            f"/ejecucion/centro/{cc.pk}/2024/11/",
            f"/ejecucion/centro/{cc.pk}/2024/11/capturar/",
            "/ejecucion/cargas/nueva/",
            "/seguimiento/tablero/?year=2024&period=3",
            "/seguimiento/informe-actividades/",
            "/reportes/desviaciones/",
        ],
        Role.PLANNER: [
            "/",
            "/planificacion/",
            f"/planificacion/planes/{poa.pk}/",
            f"/planificacion/planes/{poa.pk}/editar/",
            f"/planificacion/planes/{poa.pk}/metas/",
            f"/planificacion/planes/{poa.pk}/programacion/",
            "/planificacion/reprogramaciones/",
            "/ejecucion/tablero/?anio=2024",
            "/indicadores/",
            "/reportes/?anio=2024",
            period,
        ],
        Role.PLANNING_LEAD: ["/", "/planificacion/reprogramaciones/", period],
        Role.DIRECTOR: ["/", "/reportes/?anio=2024", period, "/seguimiento/tablero/?year=2024&period=3"],
        Role.AUDITOR: ["/", "/planificacion/", "/reportes/?anio=2024"],
        Role.SEGEPLAN: ["/", "/cuenta/"],
    }


def logged_in(browser, live_server, user, *, width=1366, height=900):
    """A fresh context that records CSP violations (the policy is enforced: no bypass)."""
    user.set_password(TEST_PASSWORD)
    user.save(update_fields=["password"])
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="es-GT", bypass_csp=False
    )
    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.console_messages = []
    page.on("console", lambda message: page.console_messages.append(message.text))
    return log_in(page, live_server, user)


def csp_problems(page) -> list[str]:
    """Violations seen by the page's listener and by the console since the last call."""
    found = page.evaluate("window.__cspViolations.splice(0)")
    found += [text for text in page.console_messages if "Content Security Policy" in text]
    page.console_messages.clear()
    return found


def serious_axe_findings(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} · {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]
