"""`send_reminders`: --dry-run prints and records nothing; a run records and sends; a bad date fails."""

import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from notices.models import Notice


def test_dry_run_prints_what_would_be_sent_and_sends_nothing(world_with_addresses, smtp_inbox):
    out = StringIO()
    call_command("send_reminders", "--dry-run", "--date", "2024-05-10", stdout=out)
    lines = out.getvalue().splitlines()
    xela = "inp-encargada-xela <inp-encargada-xela@inp.test>"
    assert f"{xela} · Meses sin enviar del cuatrimestre enero - abril 2024" in lines
    assert any(line.startswith("vec-planificadora <sin correo: solo aviso> · ") for line in lines)
    assert lines[-1].endswith("para el 10/05/2024; no se envió nada.")
    assert not Notice.objects.exists() and smtp_inbox.messages == []


def test_a_run_sends_and_a_second_run_the_same_day_sends_nothing(world_with_addresses, smtp_inbox):
    out = StringIO()
    call_command("send_reminders", "--date", "2024-05-10", stdout=out)
    assert out.getvalue().splitlines()[-1] == (
        f"{Notice.objects.count()} aviso(s) nuevo(s) el 10/05/2024, 5 por correo."
    )
    out = StringIO()
    call_command("send_reminders", "--date", "2024-05-10", stdout=out)
    assert out.getvalue().strip() == "0 aviso(s) nuevo(s) el 10/05/2024, 0 por correo."
    assert len(smtp_inbox.messages) == 5


def test_a_bad_date_is_refused_in_spanish(db):
    with pytest.raises(CommandError, match="Fecha no válida «10/05/2024»: escríbala como AAAA-MM-DD."):
        call_command("send_reminders", "--date", "10/05/2024")


def test_help_exits_zero():
    done = subprocess.run(
        [sys.executable, "manage.py", "send_reminders", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "--dry-run" in done.stdout
