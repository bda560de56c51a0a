"""verify_signature says "inválida" for a single changed byte; render_report --signed goes through
the job; create_signing_certificate makes the demo certificate once."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role
from reporting.models import ReportJob
from reporting.services.workflow import period_report_approve, period_report_submit


def test_render_report_signed_is_stored_as_a_job(signed_pdf):
    job = ReportJob.objects.get(signed=True)
    assert job.status == ReportJob.Status.DONE and job.parameters["signed"] is True
    assert signed_pdf.read_bytes() == job.file.read()


def test_verify_signature_accepts_the_signed_pdf(signed_pdf, capsys):
    call_command("verify_signature", str(signed_pdf))
    out = capsys.readouterr().out
    assert "Firma válida." in out and "Lic. Alfredo Danilo Rivera (demostración)" in out


@pytest.mark.parametrize("where", [0.25, 0.5, 0.999])
def test_one_changed_byte_makes_the_signature_invalid(signed_pdf, where):
    content = bytearray(signed_pdf.read_bytes())
    content[int(len(content) * where)] ^= 0x01
    signed_pdf.write_bytes(bytes(content))
    with pytest.raises(CommandError, match="inválida"):
        call_command("verify_signature", str(signed_pdf))


def test_unsigned_pdf_is_invalid(igm, tmp_path):
    output = tmp_path / "sin-firma.pdf"
    call_command(
        "render_report", "siplan", institution="IGM", year=2024, period=3, format="pdf", output=output
    )
    with pytest.raises(CommandError, match="inválida: el PDF no contiene firma digital"):
        call_command("verify_signature", str(output))


@pytest.mark.parametrize("format", ["html", "xlsx", "json"])
def test_render_report_writes_every_format(igm, tmp_path, format):
    output = tmp_path / f"r.{format}"
    call_command(
        "render_report", "siplan", institution="IGM", year=2024, period=3, format=format, output=output
    )
    assert output.stat().st_size > 1000
    assert ReportJob.objects.get(format=format).status == ReportJob.Status.DONE


def test_only_pdf_can_be_signed(igm, tmp_path):
    period = {"institution": "IGM", "year": 2024, "period": 3}
    with pytest.raises(CommandError, match="Solo el formato pdf puede firmarse"):
        call_command("render_report", "siplan", **period, format="xlsx", output=tmp_path / "x", signed=True)


def test_create_signing_certificate_creates_once(db, settings, tmp_path, capsys):
    settings.IGM_SIGNING_P12 = str(tmp_path / "nuevo" / "demo.p12")
    call_command("create_signing_certificate")
    first = (tmp_path / "nuevo" / "demo.p12").read_bytes()
    call_command("create_signing_certificate")
    assert (tmp_path / "nuevo" / "demo.p12").read_bytes() == first
    assert "ya existe" in capsys.readouterr().out


def test_signing_needs_the_directors_approval_unless_a_draft_is_asked_for(igm, igm_user, explained, tmp_path):
    lead, director = igm_user(Role.PLANNING_LEAD), igm_user(Role.DIRECTOR)
    output = tmp_path / "firmado.pdf"
    arguments = ["render_report", "siplan", "--institution", "IGM", "--year", "2024", "--period", "3"]
    arguments += ["--format", "pdf", "--output", str(output), "--signed"]
    with pytest.raises(CommandError, match="El cuatrimestre no está aprobado"):
        call_command(*arguments)
    assert not output.exists() and not ReportJob.objects.filter(signed=True).exists()

    report = period_report_submit(institution=igm, year=2024, period=3, user=lead)
    period_report_approve(period_report=report, user=director)
    call_command(*arguments)
    assert ReportJob.objects.get(signed=True).status == ReportJob.Status.DONE
    call_command("verify_signature", str(output))
