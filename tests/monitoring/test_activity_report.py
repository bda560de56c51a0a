"""The monthly activity report: quantitative tables from the month's execution, then the
achievements of each unit, numbered like the reference (01. area, 01.1 unit)."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Role
from monitoring.models import Achievement
from monitoring.selectors import activity_report


def test_igm_january_2024_tables_match_the_reference_report(igm, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        report = activity_report(institution=igm, year=2024, month=1)

    tables = {table.product_name: table for table in report.tables}
    # informe-actividades-enero-2024.txt, Cuadros 1 to 4.
    assert {name: table.total for name, table in tables.items()} == {
        "Registro Control y Emisión de Visas y Residencias": 1749,
        "Emision de Documentos Migratorios": 70173,
        "Asistencia y Protección a las Personas Migrantes": 6702,
        "Control Registro de Nacionales y Extranjeros en el Territorio Nacional": 1025875,
    }
    assert sorted(tables["Registro Control y Emisión de Visas y Residencias"].rows, key=lambda r: r[1]) == [
        ("Visas Guatemaltecas Emitidas", 158),
        ("Residencias Emitidas", 241),
        ("Registro de Extranjería", 1350),
    ]
    assert [q for _, q in tables["Emision de Documentos Migratorios"].rows] == [66096, 4077]
    # The Documento subproduct of a Persona product is left out, as in Cuadro 4.
    assert len(tables["Control Registro de Nacionales y Extranjeros en el Territorio Nacional"].rows) == 1
    assert tables["Asistencia y Protección a las Personas Migrantes"].quantity_label == "Cantidad de personas"
    assert tables["Emision de Documentos Migratorios"].quantity_label == "Cantidad de documentos"


def test_achievements_are_grouped_by_area_and_numbered_by_unit(small_world):
    base = {"institution": small_world.institution, "year": 2024, "month": 1}
    Achievement.objects.create(
        **base, area_code="02", area="Atención y Protección", unit="Subdirección A", text="a"
    )
    Achievement.objects.create(
        **base, area_code="01", area="Política Migratoria", unit="Departamento E", text="b"
    )
    Achievement.objects.create(
        **base, area_code="02", area="Atención y Protección", unit="Departamento D", text="c"
    )
    Achievement.objects.create(
        **{**base, "month": 2}, area_code="01", area="Otra", unit="X", text="other month"
    )

    report = activity_report(institution=small_world.institution, year=2024, month=1)

    assert [(a.code, a.name, [(u.number, u.name) for u in a.units]) for a in report.areas] == [
        ("01", "Política Migratoria", [("01.1", "Departamento E")]),
        ("02", "Atención y Protección", [("02.1", "Departamento D"), ("02.2", "Subdirección A")]),
    ]


def test_report_page_and_pdf_for_igm_january(client, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    page = client.get(reverse("monitoring:activity"), {"year": 2024, "month": 1})
    pdf = client.get(reverse("monitoring:activity_pdf"), {"year": 2024, "month": 1})

    html = page.content.decode()
    assert "INFORME DE ACTIVIDADES RELEVANTES" in html and "ENERO, 2024" in html
    assert "(70,173)." in html
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Asistencia y Protección a las Personas Migrantes (6,702)." in text
    assert "Fuente: Ejecución mensual de metas físicas, Subdirección de Planificación." in text


def test_pdf_of_a_month_without_achievements_says_so(client, igm_user):
    client.force_login(igm_user(Role.DIRECTOR))
    pdf = client.get(reverse("monitoring:activity_pdf"), {"year": 2024, "month": 1})

    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf.content)).pages)
    assert "Información cualitativa:" in text
    assert "Ninguna unidad ha registrado logros para este mes." in text
