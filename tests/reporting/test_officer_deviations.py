"""The officer's page: explanations of the deviations of the subproducts their cost centres produce."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Role
from planning.models import Subproduct
from reporting.models import DeviationNote
from reporting.selectors.deadlines import period_being_reported
from reporting.selectors.documents import live_report_document
from reporting.services.workflow import period_report_submit
from tests.factories import CostCentreFactory, InstitutionFactory, UserFactory

PAGE = {"anio": 2024, "cuatrimestre": 3}
SAVE = reverse("reporting:officer_deviation_note", args=[2024, 3])
EMPTY = "No hay desviaciones que explicar en este cuatrimestre."


def subproduct_2024(igm, name: str) -> Subproduct:
    return Subproduct.objects.get(product__plan__institution=igm, product__plan__start_year=2024, name=name)


def officer_of(institution, *subproducts, username: str):
    """An officer in charge of a new cost centre of ``institution`` that produces ``subproducts``."""
    centre = CostCentreFactory(institution=institution)
    centre.subproducts.add(*subproducts)
    officer = UserFactory(username=username, role=Role.OFFICER, institution=institution)
    centre.officers.add(officer)
    return officer


@pytest.fixture
def extensions(igm):
    """Prórroga deviates on both lines (physical 56.79 %, financial: execution on a zero goal)."""
    return subproduct_2024(igm, "Prorroga de Documentos Migratorios")


@pytest.fixture
def extensions_officer(igm, extensions):
    # Shelters is inside the band on both lines: it must not be listed.
    shelters = subproduct_2024(igm, "Migrantes Atendidos en Albergues y Centros de Retornados")
    return officer_of(igm, extensions, shelters, username="encargada_prorrogas")


def test_officer_sees_only_the_deviations_of_their_subproducts(
    client, extensions_officer, django_assert_max_num_queries
):
    client.force_login(extensions_officer)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("reporting:officer_deviations"), PAGE).content.decode()
    assert "Prorroga de Documentos Migratorios" in page
    # Figures of the reference (siplan-cuatrimestre-3-2024.txt): goal 43,117 expected in full by
    # December, 24,485 accumulated = 56.79 %; a zero financial goal against 629,998.90 executed.
    # Physical figures in whole units, money in quetzales.
    for figure in ("43,117<", "24,485<", "56.79", "Q 629,998.90"):
        assert figure in page
    assert "43,117.00" not in page
    assert page.count("<textarea") == 2  # each line (physical, financial) its own note
    assert page.count('id="save-notes"') == 1  # one save for the whole page
    for other in (
        "Dirección y Coordinación",
        "Visas Guatemaltecas Emitidas",
        "Migrantes Atendidos en Albergues",
    ):
        assert other not in page
    assert EMPTY not in page


def _notes(subproduct, physical=None, financial=None) -> dict:
    data = {}
    if physical is not None:
        data[f"note-{subproduct.pk}-physical"] = physical
    if financial is not None:
        data[f"note-{subproduct.pk}-financial"] = financial
    return data


def test_both_measures_keep_their_own_note_saved_at_once(
    client, extensions_officer, extensions, django_assert_max_num_queries
):
    client.force_login(extensions_officer)
    with django_assert_max_num_queries(30):  # the page's document, then one write per note
        response = client.post(
            SAVE, _notes(extensions, "Prórrogas suspendidas en octubre.", "Pago de alquiler.")
        )
    assert response.url == f"{reverse('reporting:officer_deviations')}?anio=2024&cuatrimestre=3"
    notes = {n.measure: n for n in DeviationNote.objects.filter(subproduct=extensions, year=2024, period=3)}
    assert notes["physical"].text == "Prórrogas suspendidas en octubre."
    assert notes["financial"].text == "Pago de alquiler."
    assert notes["physical"].written_by == extensions_officer
    client.post(SAVE, _notes(extensions, "Texto corregido.", "Pago de alquiler."))
    # The report planning submits carries each line's own note.
    document = live_report_document(institution=extensions.product.plan.institution, year=2024, period=3)
    assert {(d.measure, d.text) for d in document.deviations if d.subproduct_id == extensions.pk} == {
        ("Física", "Texto corregido."),
        ("Financiera", "Pago de alquiler."),
    }


def test_officer_of_another_subproduct_gets_404(client, igm, extensions):
    issuance = subproduct_2024(igm, "Emision de Documentos Migratorios")
    client.force_login(officer_of(igm, issuance, username="encargado_emision"))
    page = client.get(reverse("reporting:officer_deviations"), PAGE).content.decode()
    assert "Emision de Documentos Migratorios" in page and "Prorroga" not in page
    response = client.post(SAVE, _notes(extensions, "No es mío.", "No es mío."))
    assert response.status_code == 302  # boxes not on the officer's page are ignored
    assert not DeviationNote.objects.filter(subproduct=extensions).exists()


def test_officer_of_another_institution_sees_and_edits_nothing_of_igm(client, igm, extensions):
    stranger = officer_of(InstitutionFactory(), username="encargado_ajeno")
    # Even put in charge of an IGM cost centre by mistake, IGM's subproducts stay out of reach.
    centre = CostCentreFactory(institution=igm)
    centre.subproducts.add(extensions)
    centre.officers.add(stranger)
    client.force_login(stranger)
    page = client.get(reverse("reporting:officer_deviations"), PAGE).content.decode()
    assert "Prorroga" not in page and "no tiene un plan que cubra el año 2024" in page
    assert client.post(SAVE, _notes(extensions, "x", "x")).status_code == 404
    assert not DeviationNote.objects.filter(subproduct=extensions).exists()


def test_notes_are_read_only_once_the_report_is_submitted(
    client, igm, igm_user, explained, extensions_officer, extensions
):
    lead = igm_user(Role.PLANNING_LEAD)
    period_report_submit(institution=igm, year=2024, period=3, user=lead)
    client.force_login(extensions_officer)
    page = client.get(reverse("reporting:officer_deviations"), PAGE).content.decode()
    assert "<textarea" not in page and 'id="notes-closed"' in page
    assert "Explicación de la unidad responsable." in page
    response = client.post(SAVE, _notes(extensions, "Tarde.", "Tarde."))
    assert "El reporte ya fue enviado" in response.content.decode()
    assert {n.text for n in DeviationNote.objects.filter(subproduct=extensions, year=2024, period=3)} == {
        "Explicación de la unidad responsable."
    }


def test_officer_without_deviations_sees_the_empty_state(client, igm):
    shelters = subproduct_2024(igm, "Migrantes Atendidos en Albergues y Centros de Retornados")
    client.force_login(officer_of(igm, shelters, username="encargado_albergues"))
    page = client.get(reverse("reporting:officer_deviations"), PAGE).content.decode()
    assert EMPTY in page and "<textarea" not in page


def test_planning_staff_still_see_every_deviation_on_the_period_page(
    client, igm_user, extensions_officer, igm
):
    lead = igm_user(Role.PLANNING_LEAD)
    client.force_login(lead)
    page = client.get(reverse("reporting:period", args=["IGM", 2024, 3])).content.decode()
    names = {d.name for d in live_report_document(institution=igm, year=2024, period=3).deviations}
    assert len(names) == 6
    for name in names:
        assert name in page
    assert client.get(reverse("reporting:officer_deviations"), PAGE).status_code == 403


def test_execution_home_links_officers_to_their_deviations(client, extensions_officer, igm_user):
    lead = igm_user(Role.PLANNING_LEAD)
    client.force_login(extensions_officer)
    page = client.get(reverse("budget:index"), {"anio": 2024}).content.decode()
    assert f'href="{reverse("reporting:officer_deviations")}?anio=2024"' in page
    client.force_login(lead)
    assert reverse("reporting:officer_deviations") not in client.get(reverse("budget:index")).content.decode()


@pytest.mark.parametrize(
    ("year", "today", "period"),
    [
        (2024, date(2026, 2, 1), 3),
        (2026, date(2026, 2, 1), 1),
        (2026, date(2026, 5, 1), 1),
        (2026, date(2026, 9, 1), 2),
    ],
)
def test_page_opens_on_the_last_period_that_has_ended(year, today, period):
    assert period_being_reported(year=year, today=today) == period


@pytest.mark.parametrize(
    "query, same_as", [({"anio": 99999}, {}), ({"anio": 2024, "cuatrimestre": 4}, {"anio": 2024})]
)
def test_a_period_that_cannot_exist_reads_as_the_default_period(client, extensions_officer, query, same_as):
    """As every page's parameters (common/forms.py): an impossible value is the page's default."""
    client.force_login(extensions_officer)
    default = client.get(reverse("reporting:officer_deviations"), same_as)
    asked = client.get(reverse("reporting:officer_deviations"), query)
    assert asked.status_code == 200
    assert asked.context["year"] == default.context["year"]
    assert asked.context["period"] == default.context["period"]
