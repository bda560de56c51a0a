"""A valid file is previewed, confirmed and written with its history; re-uploads replace values."""

from decimal import Decimal

from budget.models import Execution, ExecutionUpload
from budget.services.uploads import execution_file_import, execution_file_preview, execution_upload_apply
from tests.execution_files import csv_bytes, xlsx_bytes

MARCH = [
    ("CC-01", "S01", 2024, 3, 950, 118500.5, "Jornada móvil"),
    ("CC-01", "S02", 2024, 3, 40, 4800, ""),
]


def _values(small_world):
    """Oficinas centrales' execution: the files below are of its month of March."""
    return sorted(
        Execution.objects.filter(cost_centre=small_world.central).values_list(
            "subproduct__code", "month", "physical", "financial", "notes", "version"
        )
    )


def test_preview_writes_nothing_and_confirm_applies(small_world):
    upload = execution_file_preview(
        content=xlsx_bytes(MARCH),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    assert upload.outcome == ExecutionUpload.Outcome.PREVIEWED
    assert (upload.summary["created"], upload.summary["updated"], upload.summary["unchanged"]) == (2, 0, 0)
    assert _values(small_world) == []

    upload, outcome = execution_upload_apply(upload=upload, user=small_world.officer)
    assert upload.outcome == ExecutionUpload.Outcome.APPLIED
    assert _values(small_world) == [
        ("S01", 3, 950, Decimal("118500.50"), "Jornada móvil", 1),
        ("S02", 3, 40, Decimal("4800.00"), "", 1),
    ]
    assert set(
        Execution.objects.filter(source_upload__isnull=False).values_list("source_upload", flat=True)
    ) == {upload.pk}


def test_reupload_replaces_values_and_records_before_after_who_and_upload(small_world):
    first, _ = execution_file_import(
        content=xlsx_bytes(MARCH),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    changed = [
        ("CC-01", "S01", 2024, 3, 1000, "118500.50", "Jornada móvil"),
        MARCH[1][:4] + ("40", "4800", ""),
    ]
    second, outcome = execution_file_import(
        content=csv_bytes(changed),
        name="marzo.csv",
        user=small_world.planner,
        institution=small_world.institution,
    )
    assert (outcome.created, outcome.updated, outcome.unchanged) == (0, 1, 1)
    passports = Execution.objects.get(subproduct=small_world.passports, month=3)
    assert (passports.physical, passports.version, passports.source_upload) == (1000, 2, second)
    history = list(passports.history.order_by("history_date", "history_id"))
    assert [(h.physical, h.version, h.history_user, h.source_upload_id, h.history_type) for h in history] == [
        (950, 1, small_world.officer, first.pk, "+"),
        (1000, 2, small_world.planner, second.pk, "~"),
    ]
    assert history[1].history_change_reason == f"Carga n.º {second.pk} «marzo.csv»"
    assert Execution.objects.get(subproduct=small_world.visas, month=3).history.count() == 1


def test_rows_without_values_are_skipped(small_world):
    rows = MARCH[:1] + [("CC-01", "S02", 2024, 3, None, None, None)]
    _upload, outcome = execution_file_import(
        content=xlsx_bytes(rows),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    assert (outcome.created, outcome.skipped) == (1, 1)


def test_semicolon_csv_from_spanish_excel_is_read(small_world):
    content = (
        "\ufeffcentro_costo;subproducto;anio;mes;ejecucion_fisica;ejecucion_financiera;observaciones\r\n"
    )
    content += "CC-01;S01;2024;3;7;70.10;\r\n"
    _upload, outcome = execution_file_import(
        content=content.encode("utf-8"),
        name="marzo.csv",
        user=small_world.officer,
        institution=small_world.institution,
    )
    assert outcome.ok and _values(small_world) == [("S01", 3, 7, Decimal("70.10"), "", 1)]


def test_confirming_a_stale_preview_writes_nothing_and_refreshes_it(small_world):
    execution_file_import(
        content=xlsx_bytes(MARCH),
        name="marzo.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    upload = execution_file_preview(
        content=xlsx_bytes([MARCH[0][:4] + (951, 1, "")]),
        name="a.xlsx",
        user=small_world.officer,
        institution=small_world.institution,
    )
    execution_file_import(
        content=xlsx_bytes([MARCH[0][:4] + (952, 1, "")]),
        name="b.xlsx",
        user=small_world.planner,
        institution=small_world.institution,
    )
    upload, outcome = execution_upload_apply(upload=upload, user=small_world.officer)
    assert outcome.stale and upload.outcome == ExecutionUpload.Outcome.PREVIEWED
    assert Execution.objects.get(subproduct=small_world.passports, month=3).physical == 952
    upload, outcome = execution_upload_apply(upload=upload, user=small_world.officer)
    assert outcome.ok and Execution.objects.get(subproduct=small_world.passports, month=3).physical == 951


def test_import_cost_is_a_few_queries_whatever_the_rows(small_world, django_assert_max_num_queries):
    rows = [
        ("CC-01", code, 2024, month, month, month, "") for month in range(1, 13) for code in ("S01", "S02")
    ]
    with django_assert_max_num_queries(20):
        _upload, outcome = execution_file_import(
            content=xlsx_bytes(rows),
            name="anual.xlsx",
            user=small_world.officer,
            institution=small_world.institution,
        )
    assert outcome.created == 24
