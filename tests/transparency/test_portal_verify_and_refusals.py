"""The public verify page tells a genuine signed report from an altered copy; addresses of things
not published answer 404 or say why nothing is shown."""

from django.core.files.uploadedfile import SimpleUploadedFile

from reporting.models import ReportJob


def _signed_bytes(published) -> bytes:
    job = published.signed.jobs.get(signed=True, status=ReportJob.Status.DONE)
    with job.file.open("rb") as handle:
        return handle.read()


def test_the_published_copy_verifies_and_matches(client, published):
    content = _signed_bytes(published)
    page = client.post(
        "/transparencia/verificar/", {"file": SimpleUploadedFile("r.pdf", content, "application/pdf")}
    ).content.decode()
    assert "Firma válida" in page
    assert "Coincide con el documento publicado" in page


def test_an_altered_copy_is_invalid_and_matches_nothing(client, published):
    content = bytearray(_signed_bytes(published))
    middle = len(content) // 2
    content[middle] = (content[middle] + 1) % 256
    page = client.post(
        "/transparencia/verificar/", {"file": SimpleUploadedFile("r.pdf", bytes(content), "application/pdf")}
    ).content.decode()
    assert "Firma inválida" in page
    assert "No coincide con ningún reporte publicado" in page


def test_a_year_whose_plan_is_not_approved_shows_no_execution(client, igm):
    # 2026 is governed by the POM 2026-2030, still «en formulación».
    page = client.get("/transparencia/IGM/ejecucion/2026/1/").content.decode()
    assert "aún no está aprobado" in page
    assert "<table" not in page


def test_what_is_not_published_is_not_found(client, igm):
    assert client.get("/transparencia/NOEXISTE/").status_code == 404
    assert client.get("/transparencia/IGM/datos/usuarios.csv").status_code == 404
    assert client.get("/transparencia/IGM/datos/metas.pdf").status_code == 404
    assert client.get("/transparencia/IGM/ejecucion/2024/4/").status_code == 404
    assert client.get("/transparencia/IGM/reportes/2024/3/reporte-firmado.pdf").status_code == 404
    assert client.post("/transparencia/IGM/").status_code == 405
