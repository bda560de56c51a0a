"""The dashboard on IGM's 2024 execution shows the SIPLAN figures with the right lights."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Role
from common.pdf import pdf_layout
from monitoring.selectors import Light
from tests.pdf_layout import text_outside_cells


def test_igm_2024_dashboard_figures_and_lights(client, igm_user, django_assert_max_num_queries):
    client.force_login(igm_user(Role.DIRECTOR))

    with django_assert_max_num_queries(12):
        response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    products = {p.product.name: p.product for p in response.context["progress"].products}
    expected = {
        # name: (physical % acumulado, light, financial % acumulado, light) — siplan-cuatrimestre-3-2024.txt
        "Asistencia y Protección a las Personas Migrantes": ("76.96", Light.YELLOW, "86.61", Light.YELLOW),
        "Emision de Documentos Migratorios": ("95.81", Light.GREEN, "56.64", Light.RED),
        "Registro Control y Emisión de Visas y Residencias": ("93.24", Light.GREEN, "79.60", Light.YELLOW),
        "Control Registro de Nacionales y Extranjeros en el Territorio Nacional": (
            "91.20",
            Light.GREEN,
            "73.72",
            Light.YELLOW,
        ),
        "Dirección y Coordinación": ("100.00", Light.GREEN, "43.63", Light.RED),
        "Aportes a Instituciones Nacionales e Internacionales": ("100.00", Light.GREEN, "99.28", Light.GREEN),
    }
    assert {
        name: (
            str(row.physical.accumulated_pct),
            row.physical.light,
            str(row.financial.accumulated_pct),
            row.financial.light,
        )
        for name, row in products.items()
    } == expected


def test_igm_2024_flags_over_and_under_execution(client, igm_user):
    client.force_login(igm_user(Role.PLANNER))
    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    rows = {s.name: s for p in response.context["progress"].products for s in p.subproducts}
    shelters = rows["Migrantes Atendidos en Albergues y Centros de Retornados"]
    assert str(shelters.financial.accumulated_pct) == "103.98"
    assert shelters.financial.over_executed
    assert rows["Prorroga de Documentos Migratorios"].financial.over_executed  # executed without a goal
    assert rows["Dirección y Coordinación"].financial.under_executed
    html = response.content.decode()
    assert html.count("Sobre-ejecución") >= 2
    assert "<svg" in html and "Meta vigente" in html


def test_igm_2024_period_2_projects_the_year_end(client, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    response = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 2})

    progress = response.context["progress"]
    control = next(p.product for p in progress.products if p.product.name.startswith("Control"))
    # Jan–Aug: 11,766,120 − 4,017,960 = 7,748,160; at that pace 11,622,240 by December.
    assert progress.months_so_far == 8
    assert control.physical.accumulated == 7748160
    assert str(control.physical.projected) == "11622240.00"
    assert str(control.physical.projected_pct) == "90.09"


def test_dashboard_pdf_carries_the_charts_and_figures(client, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    response = client.get(reverse("monitoring:dashboard_pdf"), {"year": 2024, "period": 3})

    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert response["Content-Type"] == "application/pdf"
    assert "76.96 %" in text and "Q 68,325,981.47" in text
    assert "Meta vigente" in text  # from the SVG line charts


def test_dashboard_pdf_text_stays_inside_its_cells(client, igm_user):
    """The PDF is laid out from the same context as the page; «% cuatrimestre» is hyphenated in its
    narrow header instead of running into «% avance acumulado»."""
    client.force_login(igm_user(Role.DIRECTOR))
    page = client.get(reverse("monitoring:dashboard"), {"year": 2024, "period": 3})

    layout = pdf_layout("monitoring/pdf/dashboard.html", page.context[0].flatten())

    assert text_outside_cells(layout) == []
