"""Who reads indicator sheets: not officers, and nobody those of another institution."""

from django.urls import reverse

from accounts.models import Role


def test_officers_do_not_read_indicator_sheets(client, small_world):
    client.force_login(small_world.officer)
    assert client.get(reverse("indicators:index")).status_code == 403
    assert client.get(reverse("indicators:sheet_pdf", args=[small_world.sheet.pk])).status_code == 403


def test_sheets_of_another_institution_are_not_found(client, small_world, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    assert client.get(reverse("indicators:sheet_detail", args=[small_world.sheet.pk])).status_code == 404
