"""The period page's one form: a refused submission keeps the letter data typed, every input is named."""

from django.urls import reverse

from reporting.models import PeriodReport
from tests.accessibility import unnamed_controls

PERIOD = ("IGM", 2024, 3)
LETTER = {
    "addressee_name": "Licenciado Carlos Mendoza",
    "addressee_title": "Secretario General de Planificación",
    "request_reference": "OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo",
}


def test_refused_submission_keeps_what_was_typed(lead_client, igm):
    # No deviation is explained yet: the sending is refused, the letter typed is saved and shown.
    response = lead_client.post(reverse("reporting:submit", args=PERIOD), LETTER, follow=True)
    page = response.content.decode()
    assert "Falta la explicación de desviación" in page
    assert 'value="Licenciado Carlos Mendoza"' in page
    assert 'value="OFICIO CIRCULAR-SPPD-DASP-01-2024/rdlo"' in page
    report = PeriodReport.objects.get(institution=igm, year=2024, period=3)
    assert (report.status, report.addressee_name) == (PeriodReport.Status.DRAFT, "Licenciado Carlos Mendoza")


def test_invalid_letter_shows_the_field_error_and_keeps_the_rest(lead_client, explained):
    response = lead_client.post(reverse("reporting:submit", args=PERIOD), {**LETTER, "addressee_title": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Revise los datos señalados: no se guardó nada." in page
    assert "Este campo es requerido." in page
    assert 'value="Licenciado Carlos Mendoza"' in page


def test_accepted_submission_goes_back_to_the_period_page(lead_client, igm, explained):
    response = lead_client.post(reverse("reporting:submit", args=PERIOD), LETTER)
    assert response.status_code == 302
    report = PeriodReport.objects.get(institution=igm, year=2024, period=3)
    assert report.addressee_name == "Licenciado Carlos Mendoza"


def test_every_input_of_the_period_page_has_an_accessible_name(lead_client):
    page = lead_client.get(reverse("reporting:period", args=PERIOD)).content.decode()
    assert unnamed_controls(page) == []
    assert 'aria-label="Explicación: Dirección y Coordinación (Financiera)"' in page
