"""TOTP two-factor for the roles that approve and sign: with IGM_REQUIRE_2FA a director or planning
lead reaches no page (approval included) until an authenticator is enrolled and a real code verified."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from reporting.models import PeriodReport
from tests.factories import TEST_PASSWORD, UserFactory

from .second_factor import code_for, secret_on_page

ENROL = reverse("second_factor_enrol")
VERIFY = reverse("second_factor_verify")


@pytest.fixture
def require_2fa(settings):
    settings.IGM_REQUIRE_2FA = True


@pytest.fixture
def director(igm):
    return UserFactory(username="directora", role=Role.DIRECTOR, institution=igm)


def login(client, user, next_url="/reportes/"):
    response = client.post(
        reverse("login"), {"username": user.username, "password": TEST_PASSWORD, "next": next_url}
    )
    assert response.status_code == 302, "the password is right"
    return client.get(response["Location"])


def let_throttle_pass(user):
    """django-otp makes the user wait 1 s after a wrong code (2 s after two...): date it back."""
    failed = F("throttling_failure_timestamp") - timedelta(seconds=2)
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=failed)


def enrol(client) -> bytes:
    """Enrol through the page with the secret it shows; returns that secret."""
    secret = secret_on_page(client.get(ENROL).content.decode())
    response = client.post(ENROL, {"code": code_for(secret), "next": "/reportes/"})
    assert response.status_code == 302
    return secret


def test_a_director_without_an_authenticator_is_sent_to_enrolment_and_cannot_approve(
    client, director, require_2fa
):
    page = login(client, director)
    assert page.status_code == 302 and page["Location"] == f"{ENROL}?next=%2Freportes%2F"
    approve = reverse("reporting:approve", args=["IGM", 2024, 3])
    refused = client.post(approve, {})
    assert refused.status_code == 302 and refused["Location"].startswith(ENROL)
    assert not PeriodReport.objects.filter(status=PeriodReport.Status.APPROVED).exists()
    for other in ("/", "/planificacion/", reverse("account"), reverse("password_change"), "/admin/"):
        assert client.get(other)["Location"].startswith(ENROL), other
    text = client.get(ENROL).content.decode()
    assert "Quienes aprueban o firman (dirección y jefatura de planificación) deben activar" in text
    assert f'src="{reverse("second_factor_qr")}"' in text
    qr = client.get(reverse("second_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content


def test_enrolment_takes_a_real_code_and_issues_ten_single_use_backup_codes(client, director, require_2fa):
    login(client, director)
    secret = secret_on_page(client.get(ENROL).content.decode())
    wrong = client.post(ENROL, {"code": "000000" if code_for(secret) != "000000" else "111111"})
    assert wrong.status_code == 200 and "El código no coincide" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=director).exists()

    response = client.post(ENROL, {"code": code_for(secret), "next": "/reportes/"})
    assert response["Location"] == reverse("second_factor_codes") + "?next=%2Freportes%2F"
    device = TOTPDevice.objects.get(user=director)
    assert device.confirmed and device.bin_key == secret
    codes_page = client.get(response["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=director).values_list("token", flat=True)
    assert len(codes) == 10 and all(f"<code>{code.upper()}</code>" in codes_page for code in codes)
    assert 'href="/reportes/">Ya los guardé, continuar</a>' in codes_page
    # Shown once only.
    assert "<code>" not in client.get(response["Location"]).content.decode()
    assert client.get("/reportes/").status_code == 200


def test_a_director_logs_in_with_the_password_and_a_real_code_and_a_wrong_code_keeps_them_out(
    client, director, require_2fa
):
    login(client, director)
    secret = enrol(client)
    client.post(reverse("logout"))

    page = login(client, director)
    assert page["Location"] == f"{VERIFY}?next=%2Freportes%2F"
    wrong = client.post(VERIFY, {"code": "123456" if code_for(secret, 1) != "123456" else "654321"})
    assert "El código no es correcto" in wrong.content.decode()
    assert client.get("/reportes/")["Location"].startswith(VERIFY)
    let_throttle_pass(director)

    # One step ahead: the code of the enrolment, in the same half minute, is spent.
    right = client.post(VERIFY, {"code": code_for(secret, 1), "next": "/reportes/"})
    assert right.status_code == 302 and right["Location"] == "/reportes/"
    assert client.get("/reportes/").status_code == 200


def test_a_code_is_accepted_only_once(client, director, require_2fa):
    login(client, director)
    secret = enrol(client)
    client.post(reverse("logout"))
    login(client, director)
    # Without a next page, or with one on another site, the code leads home.
    response = client.post(VERIFY, {"code": code_for(secret, 1), "next": "https://otro.example/"})
    assert response.status_code == 302 and response["Location"] == "/"
    client.post(reverse("logout"))
    login(client, director)
    again = client.post(VERIFY, {"code": code_for(secret, 1)})
    assert again.status_code == 200 and "ya se usó" in again.content.decode()


def test_a_backup_code_works_once_instead_of_the_phone(client, director, require_2fa):
    login(client, director)
    enrol(client)
    backup = StaticToken.objects.filter(device__user=director).first().token
    client.post(reverse("logout"))
    login(client, director)
    typed = f"{backup[:4].upper()} {backup[4:].upper()}"  # as read from paper
    assert client.post(VERIFY, {"code": typed, "next": "/reportes/"})["Location"] == "/reportes/"
    assert StaticToken.objects.filter(device__user=director).count() == 9
    client.post(reverse("logout"))
    login(client, director)
    assert client.post(VERIFY, {"code": backup}).status_code == 200


def test_repeated_wrong_codes_make_the_user_wait(client, director, require_2fa):
    login(client, director)
    secret = enrol(client)
    client.post(reverse("logout"))
    login(client, director)
    wrong = "000000" if code_for(secret, 1) != "000000" else "111111"
    client.post(VERIFY, {"code": wrong})
    waiting = client.post(VERIFY, {"code": code_for(secret, 1)})
    assert "Demasiados códigos incorrectos. Intente de nuevo después de las" in waiting.content.decode()
    assert client.get("/reportes/")["Location"].startswith(VERIFY)


def test_the_api_refuses_a_session_whose_code_is_not_verified(client, director, require_2fa):
    login(client, director)
    response = client.get("/api/v1/institutions/")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "second_factor_required"


def test_planning_leads_and_admin_staff_must_verify_too_but_planners_do_not(client, igm, require_2fa):
    lead = UserFactory(username="jefa", role=Role.PLANNING_LEAD, institution=igm)
    assert login(client, lead)["Location"].startswith(ENROL)
    client.post(reverse("logout"))
    staff = UserFactory(username="soporte", role="", is_staff=True, is_superuser=True, institution=None)
    assert login(client, staff, next_url="/admin/")["Location"] == f"{ENROL}?next=%2Fadmin%2F"
    client.post(reverse("logout"))
    planner = UserFactory(username="plani", role=Role.PLANNER, institution=igm)
    assert login(client, planner).status_code == 200


def test_without_the_requirement_the_password_suffices_unless_the_user_enrolled(client, director, igm):
    """Development: the demo director logs in with the password alone; someone who chose to enrol an
    authenticator is still asked for its code."""
    assert login(client, director).status_code == 200
    client.post(reverse("logout"))
    planner = UserFactory(username="plani", role=Role.PLANNER, institution=igm)
    login(client, planner)
    secret = enrol(client)
    client.post(reverse("logout"))
    assert login(client, planner)["Location"].startswith(VERIFY)
    assert client.post(VERIFY, {"code": code_for(secret, 1), "next": "/reportes/"}).status_code == 302
    assert client.get("/reportes/").status_code == 200
