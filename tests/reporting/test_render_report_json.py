"""render_report writes the selector's JSON and fails clearly on bad input."""

import json

import pytest
from django.core.management import CommandError, call_command


def test_writes_the_report_as_json_with_money_as_strings(igm, tmp_path):
    output = tmp_path / "siplan.json"
    call_command(
        "render_report", "siplan", institution="IGM", year=2024, period=3, format="json", output=output
    )
    data = json.loads(output.read_text(encoding="utf-8"))
    first = data["blocks"][0]["rows"][0]
    assert first["name"] == "Control Registro de Nacionales y Extranjeros en el Territorio Nacional"
    assert first["financial"]["accumulated"] == "68325981.47"
    assert first["physical"]["accumulated_pct"] == "91.20"


def test_unknown_institution_and_year_without_plan_are_refused(igm, tmp_path):
    with pytest.raises(CommandError, match="No existe la institución «XYZ»"):
        call_command("render_report", "siplan", institution="XYZ", year=2024, period=3, output=tmp_path / "x")
    with pytest.raises(CommandError, match="no tiene un plan que cubra el año 2019"):
        call_command("render_report", "siplan", institution="IGM", year=2019, period=3, output=tmp_path / "x")
