"""`reset_second_factor USER` (a lost phone): the authenticator and backup codes go, the next login
enrols again; unknown users and users without one are refused in Spanish with a non-zero exit."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from accounts.models import Role
from accounts.services import second_factor_enrol
from tests.factories import UserFactory

from .second_factor import code_for


@pytest.fixture
def director(db):
    return UserFactory(username="directora", role=Role.DIRECTOR)


def test_reset_removes_the_authenticator_and_the_backup_codes(director, capsys):
    key = random_hex(20)
    second_factor_enrol(user=director, key=key, code=code_for(bytes.fromhex(key)))
    other = UserFactory(username="otro", role=Role.DIRECTOR)
    other_key = random_hex(20)
    second_factor_enrol(user=other, key=other_key, code=code_for(bytes.fromhex(other_key)))

    call_command("reset_second_factor", "directora")
    assert "restablecida" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=director).exists()
    assert not StaticDevice.objects.filter(user=director).exists()
    assert not StaticToken.objects.filter(device__user=director).exists()
    assert TOTPDevice.objects.filter(user=other).count() == 1
    assert StaticToken.objects.filter(device__user=other).count() == 10


def test_unknown_user_or_nothing_to_reset_is_refused(director):
    with pytest.raises(CommandError, match="No existe el usuario «nadie»"):
        call_command("reset_second_factor", "nadie")
    with pytest.raises(CommandError, match="no tiene verificación en dos pasos activada"):
        call_command("reset_second_factor", "directora")
