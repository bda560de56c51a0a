"""Every page that ends a step links to the next one."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budget.models import ExecutionUpload
from budget.services.months import execution_month_submit
from reporting.models import PeriodReport
from tests.execution_files import csv_bytes


def test_after_an_upload_the_page_links_to_sending_each_month(small_world, client):
    world = small_world
    client.force_login(world.xela_officer)
    rows = [("CC-02", "S03", 2024, 6, 70, "701.75", ""), ("CC-02", "S04", 2024, 7, 2, "200.00", "")]
    client.post(reverse("budget:upload_create"), {"file": SimpleUploadedFile("junio.csv", csv_bytes(rows))})
    upload = ExecutionUpload.objects.get()
    preview = client.get(reverse("budget:upload", args=[upload.pk])).content.decode()
    assert 'id="siguiente-paso"' not in preview  # nothing is saved before confirming
    client.post(reverse("budget:upload_confirm", args=[upload.pk]))
    page = client.get(reverse("budget:upload", args=[upload.pk])).content.decode()
    assert "Aplicada" in page
    june = reverse("budget:month", args=[world.xela.pk, 2024, 6])
    july = reverse("budget:month", args=[world.xela.pk, 2024, 7])
    assert f'href="{june}#revision"' in page and f'href="{july}#revision"' in page
    # A month already sent is not offered again.
    execution_month_submit(cost_centre=world.xela, year=2024, month=6, user=world.xela_officer)
    page = client.get(reverse("budget:upload", args=[upload.pk])).content.decode()
    assert f'href="{june}#revision"' not in page and f'href="{july}#revision"' in page


def test_send_to_review_is_hidden_once_the_month_is_sent(small_world, client):
    world = small_world
    client.force_login(world.xela_officer)
    month = reverse("budget:month", args=[world.xela.pk, 2024, 3])
    assert 'id="submit-month"' in client.get(month).content.decode()
    client.post(reverse("budget:month_review", args=[world.xela.pk, 2024, 3]), {"action": "submit"})
    page = client.get(month).content.decode()
    assert "Enviar a revisión" not in page
    assert "Mes enviado: no hay nada que enviar." in page


def test_the_goal_page_links_to_the_goals_grid(small_world, client):
    client.force_login(small_world.planner)
    page = client.get(reverse("planning:goal_detail", args=[small_world.extension_2026.pk])).content.decode()
    grid = reverse("planning:goals_grid", args=[small_world.pom.pk])
    assert f'<a id="goals-grid-link" href="{grid}">' in page
    assert f'<a href="{grid}">matriz de metas</a>, sin reprogramación' in page  # the POM is a draft


def test_a_new_reprogramming_starts_from_the_list(small_world, client, django_assert_max_num_queries):
    world = small_world
    client.force_login(world.planner)
    listing = client.get(reverse("planning:reprogramming_index")).content.decode()
    new = reverse("planning:reprogramming_new")
    assert f'id="new-reprogramming" href="{new}">Nueva reprogramación</a>' in listing
    # Only approved plans: the POA 2024, whose four goals of 2024 link to their request form.
    with django_assert_max_num_queries(8):
        page = client.get(new, {"plan": world.poa.pk, "anio": 2024}).content.decode()
    assert str(world.pom) not in page
    for goal in (world.passports_goal, world.visas_goal, world.shelters_goal):
        assert f'href="{reverse("planning:goal_detail", args=[goal.pk])}">Solicitar reprogramación' in page
    # Directors and auditors read the list but do not request; the neighbour sees only its plans.
    for reader in (world.director, world.auditor):
        client.force_login(reader)
        assert (
            "Nueva reprogramación" not in client.get(reverse("planning:reprogramming_index")).content.decode()
        )
        assert client.get(new).status_code == 403
    client.force_login(world.neighbour.planner)
    page = client.get(new, {"plan": world.poa.pk}).content.decode()
    people = world.neighbour.people
    assert f"{people.code} {people.name}" in page and world.passports.name not in page


def test_the_year_list_says_in_approval_while_a_late_report_waits(small_world, client):
    world = small_world
    PeriodReport.objects.create(
        institution=world.institution, year=2024, period=1, status=PeriodReport.Status.SUBMITTED
    )
    client.force_login(world.planner)
    page = client.get(reverse("reporting:index"), {"anio": 2024}).content.decode()
    # 2024 is long past: the first period waits for the director, the others are late.
    assert date.today().year > 2024
    assert page.count(">En aprobación</span>") == 1 and page.count(">Atrasado</span>") == 2
