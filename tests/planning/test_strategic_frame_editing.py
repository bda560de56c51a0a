"""Planning staff of the institution edit its strategic frame on /planificacion/; every change is in
its history with who made it; other roles and other institutions' staff are refused."""

import pytest

from accounts.models import Role
from planning.models import StrategicObjective
from tests.accessibility import unnamed_controls
from tests.factories import UserFactory


def _form(client, igm) -> dict:
    """The edit form as the page fills it, ready to post back."""
    form = client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["issue_date"] = "2024-01-15"
    return data


def test_planner_edits_the_frame_and_the_history_names_them(client, igm, igm_user):
    planner = igm_user(Role.PLANNER)
    client.force_login(planner)
    data = _form(client, igm)
    assert data["objectives_text"].startswith("Política Migratoria\n- Formular")
    data["objectives_text"] += "\nTransparencia\n- Publicar cada cuatrimestre el avance de metas."
    data["mission"] = "Misión revisada."
    response = client.post(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/planificacion/instituciones/{igm.pk}/marco-estrategico/"
    added = StrategicObjective.objects.get(area="Transparencia")
    assert added.position == 15 and added.history.first().history_user == planner
    page = client.get(response["Location"]).content.decode()
    assert "Misión revisada." in page
    assert "Objetivo 15" in page and str(planner) in page  # the history section


def test_edit_form_names_every_field(client, igm, igm_user):
    client.force_login(igm_user(Role.PLANNER))
    page = client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/").content.decode()
    assert unnamed_controls(page) == []
    assert "Objetivos por área" in page and "Responsable de actualizar la información" in page


def test_objectives_need_an_area_first(client, igm, igm_user):
    client.force_login(igm_user(Role.PLANNER))
    data = {**_form(client, igm), "objectives_text": "- Sin área"}
    response = client.post(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/", data)
    assert response.status_code == 200
    assert "Escriba el nombre del área antes de sus objetivos." in response.content.decode()


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.AUDITOR, Role.OFFICER])
def test_other_roles_read_but_do_not_edit(client, igm, igm_user, role):
    user = igm_user(role)
    client.force_login(user)
    if role != Role.OFFICER:
        assert client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/").status_code == 200
    assert client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/").status_code == 403


def test_planner_of_another_institution_is_refused(client, igm, small_world):
    outsider = UserFactory(role=Role.PLANNER, institution=small_world.neighbour.institution)
    client.force_login(outsider)
    assert client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/editar/").status_code == 403
    assert client.get(f"/planificacion/instituciones/{igm.pk}/marco-estrategico/").status_code == 403
