"""Public portal benchmark: p95 of a portal page at 16 concurrent clients, cached against uncached.

    python benchmarks/bench_portal.py --database-url postgres://postgres@127.0.0.1:5432/igm_bench

Seeds IGM (``load_igm``) when the database lacks it and approves January–August 2024 of its
central cost centre, so the pages carry real figures. Two gunicorn servers run side by side on
loopback: one as deployed (pages cached ``IGM_PORTAL_CACHE_SECONDS``), the baseline with the cache
off; the rate limit is lifted for both. Each page is driven with 16 concurrent clients and p50/p95
latency and requests per second are printed for both. The target: cached p95 under 200 ms.
"""

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_api import add_load_arguments, drive, load, wait_for_port  # noqa: E402

PAGES = {
    "institution": "/transparencia/{code}/",
    "execution 2024 C2": "/transparencia/{code}/ejecucion/2024/2/",
    "execution CSV": "/transparencia/{code}/datos/ejecucion.csv",
}
TARGET_P95_MS = 200


def configure(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="igm_plan.settings",
        DJANGO_DEBUG="0",
        IGM_PORTAL_RATE="100000000",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    import django

    django.setup()


def prepare() -> None:
    """IGM seeded and eight months of 2024 approved, through the same services as the pages."""
    from django.core.management import call_command

    from accounts.models import Role, User
    from budget.models import CostCentre, ExecutionMonth
    from budget.services.months import execution_month_approve, execution_month_submit
    from planning.models import Institution

    call_command("migrate", verbosity=0)
    if not Institution.objects.filter(code="IGM").exists():
        call_command("load_igm", verbosity=0)
    centre = CostCentre.objects.get(institution__code="IGM", code="CC-01")
    staff = User.objects.filter(institution=centre.institution)
    # Two people, as separation of duties asks: one sends the month, another approves it.
    sender = staff.filter(role=Role.PLANNER).first()
    approver = staff.filter(role=Role.PLANNING_LEAD).first()
    for month in range(1, 9):
        state = ExecutionMonth.objects.filter(cost_centre=centre, year=2024, month=month).first()
        if state is None or state.status != ExecutionMonth.Status.APPROVED:
            if state is None or state.status != ExecutionMonth.Status.SUBMITTED:
                execution_month_submit(cost_centre=centre, year=2024, month=month, user=sender)
            execution_month_approve(cost_centre=centre, year=2024, month=month, user=approver)


def serve(port: int, workers: int, cache_seconds: int) -> subprocess.Popen:
    env = {**os.environ, "IGM_PORTAL_CACHE_SECONDS": str(cache_seconds)}
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "igm_plan.wsgi",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
    ]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", required=True, help="p. ej. postgres://postgres@127.0.0.1:5432/igm_bench"
    )
    parser.add_argument("--clients", type=int, default=16, help="Clientes concurrentes (16).")
    parser.add_argument("--requests", type=int, default=800, help="Solicitudes por escenario (800).")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="Workers.")
    parser.add_argument("--port", type=int, default=8776, help="Puerto del servidor con caché; +1 sin caché.")
    add_load_arguments(parser, seconds=10)
    args = parser.parse_args()

    configure(args.database_url)
    prepare()
    from django.db import connections

    connections.close_all()
    servers = {
        "cached": serve(args.port, args.workers, 60),
        "uncached": serve(args.port + 1, args.workers, 0),
    }
    ports = {"cached": args.port, "uncached": args.port + 1}
    failed = False
    try:
        for port in ports.values():
            wait_for_port(port)

        print(f"\n{args.clients} clients ({args.load_tool}), gunicorn {args.workers} workers per server")
        print(f"{'page':<20}{'server':>10}{'p50 ms':>10}{'p95 ms':>10}{'req/s':>10}")
        for name, path in PAGES.items():
            results = {}
            for label, port in ports.items():
                load(port, path, ["IGM"], {}, args.clients, args.clients * 4)  # warm-up: fills each cache
                results[label] = drive(args, port, path, ["IGM"], {})
                figures = results[label]
                print(
                    f"{name:<20}{label:>10}{figures['p50']:>10.1f}{figures['p95']:>10.1f}{figures['rps']:>10.1f}"
                )
            speedup = results["cached"]["rps"] / results["uncached"]["rps"]
            verdict = "OK" if results["cached"]["p95"] < TARGET_P95_MS else "POR ENCIMA DEL OBJETIVO"
            print(f"{name:<20}{'cached/un':>10}{'':>20}{speedup:>10.1f}  p95 < {TARGET_P95_MS} ms: {verdict}")
            failed = failed or results["cached"]["p95"] >= TARGET_P95_MS
    finally:
        for server in servers.values():
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    if failed:
        sys.exit("La p95 de una página en caché supera los 200 ms.")


if __name__ == "__main__":
    main()
