"""/avisos/: each person sees only their notices, marks them read and silences a kind."""

from django.urls import reverse

from notices.models import Kind, Notice, SilencedKind
from notices.services import reminders_send
from tests.notices.test_reminders_by_smtp import FIVE_DAYS_BEFORE


def test_each_person_sees_only_their_notices(small_world, client, django_assert_max_num_queries):
    reminders_send(day=FIVE_DAYS_BEFORE)
    client.force_login(small_world.xela_officer)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("notices:list")).content.decode()
    assert page.count('class="notice-item unread"') == 1
    assert "CC-02 Delegación Quetzaltenango: enero, febrero, marzo, abril" in page
    assert "CC-01" not in page and "desviaciones sin explicar" not in page
    # Someone else's notice cannot be marked read.
    other = Notice.objects.get(recipient=small_world.officer)
    response = client.post(reverse("notices:read", args=[other.pk]))
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.read_at is None


def test_opening_a_notice_marks_it_read_and_goes_to_the_page(small_world, client):
    reminders_send(day=FIVE_DAYS_BEFORE)
    notice = Notice.objects.get(recipient=small_world.planner)
    client.force_login(small_world.planner)
    response = client.post(reverse("notices:read", args=[notice.pk]), {"abrir": "1"})
    assert response.url == reverse("reporting:period", args=["INP", 2024, 1])
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'class="notice-item unread"' not in client.get(reverse("notices:list")).content.decode()


def test_a_silenced_kind_is_neither_listed_nor_sent_until_resumed(small_world, client):
    client.force_login(small_world.planner)
    client.post(reverse("notices:silence"), {"kind": Kind.DEVIATIONS_UNEXPLAINED, "silenced": "on"})
    assert SilencedKind.objects.filter(user=small_world.planner).count() == 1
    page = client.get(reverse("notices:list")).content.decode()
    assert "Desviaciones sin explicar: silenciado" in page
    reminders_send(day=FIVE_DAYS_BEFORE)
    assert not Notice.objects.filter(recipient=small_world.planner).exists()
    assert Notice.objects.filter(recipient=small_world.planning_lead).exists()
    client.post(reverse("notices:silence"), {"kind": Kind.DEVIATIONS_UNEXPLAINED})
    assert not SilencedKind.objects.exists()
    assert client.post(reverse("notices:silence"), {"kind": "otro"}).status_code == 400


def test_an_empty_list_says_so_and_anonymous_people_log_in_first(small_world, client):
    assert client.get(reverse("notices:list"))["Location"].startswith(reverse("login"))
    client.force_login(small_world.director)
    page = client.get(reverse("notices:list")).content.decode()
    assert "No tiene avisos." in page and f'href="{reverse("home")}">Ver sus pendientes</a>' in page
