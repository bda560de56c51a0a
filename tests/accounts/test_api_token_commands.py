"""Admins create, list and revoke API tokens from the command line."""

from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import ApiClient, ApiToken
from tests.factories import InstitutionFactory


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_the_key_once_and_stores_only_its_digest(db):
    out, err = run("create_api_token", "--client", "SEGEPLAN", "--scope", "read")
    key = out.strip()
    token = ApiToken.objects.get()
    assert len(key) >= 40
    assert token.prefix == key[:8]
    assert key not in token.key_digest
    assert "no se puede volver a mostrar" in err
    assert ApiClient.objects.get().user.has_usable_password() is False


def test_create_with_institution_scope_needs_an_existing_institution(db):
    InstitutionFactory(code="IGM")
    run("create_api_token", "--client", "IGM", "--scope", "institution:IGM")
    with pytest.raises(CommandError, match="No existe la institución «XYZ»"):
        run("create_api_token", "--client", "Otro", "--scope", "institution:XYZ")


@pytest.mark.parametrize("scope", ["write", "institution:", "READ"])
def test_create_refuses_an_unknown_scope(db, scope):
    with pytest.raises(CommandError, match="Alcance inválido"):
        run("create_api_token", "--client", "SEGEPLAN", "--scope", scope)
    assert not ApiToken.objects.exists()


def test_list_shows_prefix_client_and_scope_but_never_the_key(db):
    key, _ = run("create_api_token", "--client", "SEGEPLAN", "--scope", "read")
    out, _ = run("list_api_tokens")
    assert key.strip()[:8] in out
    assert "SEGEPLAN\tread" in out
    assert key.strip() not in out


def test_list_states_instants_in_guatemala_time(db):
    run("create_api_token", "--client", "SEGEPLAN", "--scope", "read")
    noon_utc = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    ApiToken.objects.update(created_at=noon_utc, revoked_at=noon_utc)
    out, _ = run("list_api_tokens", "--all")
    assert "\t2026-03-02 06:00\t-\t" in out  # America/Guatemala is UTC-6
    assert "revocado 2026-03-02 06:00" in out


def test_revoke_marks_the_token_and_hides_it_from_the_default_list(db):
    key, _ = run("create_api_token", "--client", "SEGEPLAN", "--scope", "read")
    prefix = key.strip()[:8]
    out, _ = run("revoke_api_token", prefix)
    assert "revocado" in out
    assert ApiToken.objects.get().revoked_at is not None
    assert prefix not in run("list_api_tokens")[0]
    assert "revocado" in run("list_api_tokens", "--all")[0]


def test_revoking_an_unknown_prefix_fails(db):
    with pytest.raises(CommandError, match="No hay un token vigente"):
        run("revoke_api_token", "abcdefgh")


def test_a_key_never_starts_with_a_dash_so_its_prefix_reads_as_an_argument(db, monkeypatch):
    """token_urlsafe can start with «-»: ``revoke_api_token -AbC…`` would be read as an option."""
    drawn = iter(["-" + "a" * 42, "b" * 43])
    monkeypatch.setattr("accounts.services.secrets.token_urlsafe", lambda size: next(drawn))
    key, _ = run("create_api_token", "--client", "SEGEPLAN", "--scope", "read")
    assert key.strip().startswith("bbbbbbbb")
    out, _ = run("revoke_api_token", key.strip()[:8])
    assert "revocado" in out
