"""An integrator's view: a Python client generated from the live schema (openapi-python-client) runs
the README's incremental sync against a running server, and parses goals, totals and the SIPLAN report.

Expected figures come from the database counted independently and from the SIPLAN reference
(tests/siplan_reference.py), never from the API's own code.
"""

import importlib
import pkgutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from django.db.models import Sum
from django.utils import timezone

from accounts.services import api_token_create
from budget.models import Execution
from planning.models import Goal
from tests.reporting.test_siplan_report_endpoint import NAMES
from tests.siplan_reference import reference_rows

# The README's overlap: late commits can carry earlier instants, so each sync re-reads 10 minutes.
OVERLAP = timedelta(minutes=10)


@pytest.fixture
def igm_client_package(live_server, tmp_path, monkeypatch):
    """The client package generated from the schema the server serves, importable as ``igm_client``."""
    schema = tmp_path / "openapi.json"
    schema.write_bytes(httpx.get(f"{live_server.url}/api/schema/?format=json", timeout=120).content)
    config = tmp_path / "generator.yaml"
    config.write_text("package_name_override: igm_client\npost_hooks: []\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            f"--path={schema}",
            f"--output-path={tmp_path / 'igm_client'}",
            "--meta=none",
            f"--config={config}",
        ],
        check=True,
        capture_output=True,
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield importlib.import_module("igm_client")
    for name in [name for name in sys.modules if name.split(".")[0] == "igm_client"]:
        del sys.modules[name]


def operation(package, name: str):
    """The generated module of an operation, whatever tag (package) it was filed under."""
    found = [
        info.name
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}.")
        if info.name.startswith(f"{package.__name__}.api.") and info.name.endswith(f".{name}")
    ]
    assert len(found) == 1, found
    return importlib.import_module(found[0])


def sync(
    client, executions_list, institution: str, since: str, store: dict, page_size: int
) -> tuple[int, str]:
    """The README's incremental sync, through the generated client: follow ``next`` (its cursor),
    upsert rows by id, and return the rows read and the instant to start from next time."""
    started = (datetime.now(UTC) - OVERLAP).strftime("%Y-%m-%dT%H:%M:%SZ")
    changed, cursor = 0, None
    while True:
        page = executions_list.sync(
            client=client,
            institution=institution,
            modified_since=datetime.fromisoformat(since),
            page_size=page_size,
            **({"cursor": cursor} if cursor else {}),
        )
        for row in page.results:  # amounts stay decimal strings
            store[row.id] = row
            changed += 1
        if not page.next_:
            return changed, started
        cursor = parse_qs(urlsplit(page.next_).query)["cursor"][0]


def test_generated_client_syncs_execution_and_reads_goals_totals_and_the_siplan_report(
    live_server, igm, igm_client_package
):
    key = api_token_create(client_name="Sistema IGM", scope="institution:IGM").key
    client = igm_client_package.AuthenticatedClient(
        base_url=live_server.url, token=key, prefix="Token", timeout=httpx.Timeout(120)
    )
    executions_list = operation(igm_client_package, "v1_executions_list")
    igm_rows = Execution.objects.filter(cost_centre__institution=igm)
    # Loaded long ago, as far as the sync can tell: the overlap would otherwise re-read them all.
    igm_rows.update(updated_at=timezone.now() - timedelta(days=1))

    store: dict = {}
    # IGM's 132 rows: small pages, so that the sync follows the cursor (the README asks for 1000).
    first, since = sync(client, executions_list, "IGM", "2000-01-01T00:00:00+00:00", store, 50)
    assert first == len(store) == igm_rows.count() > 100
    assert all(isinstance(row.financial, str) for row in store.values())

    second, since = sync(client, executions_list, "IGM", since, store, 50)
    assert second == 0

    touched = list(igm_rows.order_by("id").values_list("id", flat=True)[:3])
    Execution.objects.filter(pk__in=touched).update(updated_at=timezone.now())
    third, _ = sync(client, executions_list, "IGM", since, store, 50)
    assert third == 3 and len(store) == first

    goals = operation(igm_client_package, "v1_goals_list").sync(
        client=client, institution="IGM", year=2024, page_size=1000
    )
    goal_count = (
        Goal.objects.filter(year=2024).filter(product__plan__institution=igm).count()
        + Goal.objects.filter(year=2024, subproduct__product__plan__institution=igm).count()
    )
    assert goals.count == len(goals.results) == goal_count > 0

    models = importlib.import_module("igm_client.models")
    totals = operation(igm_client_package, "v1_execution_totals_list").sync(
        client=client,
        institution="IGM",
        year=2024,
        level=models.V1ExecutionTotalsListLevel("subproduct"),
        by=models.V1ExecutionTotalsListBy("year"),
        page_size=1000,
    )
    assert (
        sum(Decimal(row.financial) for row in totals.results)
        == igm_rows.filter(year=2024).aggregate(total=Sum("financial"))["total"]
    )

    report = operation(igm_client_package, "v1_siplan_report_retrieve").sync(
        client=client, institution="IGM", year=2024, period=3
    )
    assert (report.institution_code, report.year, report.period) == ("IGM", 2024, 3)
    rows = {row.name.lower(): row for block in report.blocks for row in block.rows}
    # The rows the reference and IGM's data agree on (tests/reporting/test_siplan_report_endpoint.py).
    reference = {row.name: row for row in reference_rows()}
    for expected in (reference[name] for name in NAMES):
        row = rows[expected.name.lower()]
        assert Decimal(row.financial.current) == expected.financial["current"], expected.name
        assert Decimal(row.physical.accumulated) == expected.physical["accumulated"], expected.name
