"""The home page shows the user's queue with links; a constant number of queries for every role."""

from django.urls import reverse

from accounts.models import Role
from planning.models import Reprogramming
from reporting.models import PeriodReport


def test_each_role_finds_its_pending_work_linked_on_the_home_page(pending, client):
    PeriodReport.objects.create(
        institution=pending.institution, year=2024, period=1, status=PeriodReport.Status.SUBMITTED
    )
    expected = {
        pending.xela_officer: ("devueltos", reverse("budget:month", args=[pending.xela.pk, 2024, 2])),
        pending.planner: ("meses-por-aprobar", reverse("budget:month", args=[pending.xela.pk, 2024, 3])),
        pending.planning_lead: (
            "reprogramaciones-por-aprobar",
            reverse("planning:reprogramming_detail", args=[pending.requested.pk]),
        ),
        pending.director: ("informes-por-aprobar", reverse("reporting:period", args=["INP", 2024, 1])),
        pending.auditor: ("ultimos-cambios", reverse("budget:month", args=[pending.xela.pk, 2024, 2])),
    }
    for user, (queue, link) in expected.items():
        client.force_login(user)
        page = client.get(reverse("home")).content.decode()
        section = page.split(f'id="{queue}"', 1)[1].split("</section>", 1)[0]
        assert f'<a href="{link}">' in section, user
        assert "Planes institucionales" in page


def test_an_empty_queue_says_so_and_offers_the_next_step(small_world, client):
    client.force_login(small_world.planning_lead)
    page = client.get(reverse("home")).content.decode()
    section = page.split('id="reprogramaciones-por-aprobar"', 1)[1].split("</section>", 1)[0]
    assert "Ninguna reprogramación espera su decisión." in section
    assert f'href="{reverse("planning:reprogramming_index")}">Ver las reprogramaciones</a>' in section


def test_segeplan_starts_at_the_national_view(small_world, client):
    client.force_login(small_world.user(Role.SEGEPLAN))
    assert client.get(reverse("home")).url == reverse("national:index")


def test_the_home_page_takes_a_constant_number_of_queries(pending, client, django_assert_max_num_queries):
    """The same budget with one pending reprogramming as with twenty."""
    for user in (pending.officer, pending.planner, pending.planning_lead, pending.director, pending.auditor):
        client.force_login(user)
        with django_assert_max_num_queries(25):
            assert client.get(reverse("home")).status_code == 200
    template = pending.requested
    Reprogramming.objects.bulk_create(
        Reprogramming(
            goal=goal,
            measure="financial",
            old_value=template.old_value,
            new_value=template.new_value,
            effective_date=template.effective_date,
            justification="Otra",
            supporting_act="Oficio",
            requested_by=pending.planner,
        )
        for goal in [pending.visas_goal, pending.shelters_goal] * 10
    )
    client.force_login(pending.planning_lead)
    with django_assert_max_num_queries(25):
        page = client.get(reverse("home")).content.decode()
    assert page.count("Reprogramación n.º") >= 21
