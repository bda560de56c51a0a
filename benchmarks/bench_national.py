"""National-scale pages and the consolidated exports on the synthetic 200-institution dataset.

    python benchmarks/bench_national.py --database-url postgres://postgres@127.0.0.1:5432/igm_bench

Generates the dataset when the database has none (``--institutions``/``--years``; the years end with
the current one, so the national view's default period has data), serves the project with gunicorn
on loopback and drives each main page with ``--clients`` concurrent clients (wrk when installed, as
the API benchmark does: Python threads on the same two cores take CPU from the server they measure;
``--load-tool python`` for those), as SEGEPLAN and as IGM's planner, printing p50/p95 and the ratio of
p95 to the login page's p95 measured in the same run (the baseline). Then times the national XLSX
and PDF for every institution, rendered in this process by the report job's renderer.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_api import (  # noqa: E402
    add_load_arguments,
    configure,
    drive,
    gunicorn,
    load,
    load_description,
)

BASELINE = "/cuenta/ingresar/"
SEGEPLAN_PAGES = (
    "/nacional/",
    "/nacional/?status=late&ordering=-financial",
    "/planificacion/",
    "/planificacion/metas/",
    "/ejecucion/",
    "/ejecucion/cargas/",
    "/reportes/",
    "/seguimiento/tablero/?institucion={code}",
)
PLANNER_PAGES = ("/", "/planificacion/", "/ejecucion/", "/reportes/", "/seguimiento/tablero/", "/nacional/")


def prepare(args) -> list[str]:
    from django.core.management import call_command
    from django.utils import timezone

    from budget.models import Execution
    from planning.models import Institution

    if not Institution.objects.filter(code__startswith="SYN").exists():
        started = time.perf_counter()
        first = timezone.localdate().year - args.years + 1
        call_command("generate_synthetic", institutions=args.institutions, years=args.years, start_year=first)
        print(f"generate_synthetic: {time.perf_counter() - started:.0f} s")
    codes = list(Institution.objects.filter(code__startswith="SYN").values_list("code", flat=True))
    years = sorted(set(Execution.objects.values_list("year", flat=True).distinct()))
    print(
        f"dataset: {Institution.objects.count()} institutions ({len(codes)} synthetic), "
        f"{Execution.objects.count():,} execution rows, years {years[0]}–{years[-1]}"
    )
    return codes


def session_cookies() -> dict[str, str]:
    """A logged-in session (stored in the database, so gunicorn's workers read it) per role."""
    from django.test import Client

    from accounts.models import Role, User
    from planning.models import Institution

    igm = Institution.objects.get(code="IGM")
    people = {
        "SEGEPLAN": User.objects.get_or_create(username="bench-segeplan", defaults={"role": Role.SEGEPLAN})[
            0
        ],
        "IGM planner": User.objects.get_or_create(
            username="bench-planner", defaults={"role": Role.PLANNER, "institution": igm}
        )[0],
    }
    cookies = {}
    for name, user in people.items():
        client = Client()
        client.force_login(user)
        cookies[name] = f"sessionid={client.cookies['sessionid'].value}"
    return cookies


def time_exports() -> None:
    from django.utils import timezone

    from accounts.models import User
    from national.exports import consolidated_pdf, consolidated_xlsx
    from national.filtersets import NationalProgressFilterSet
    from national.permissions import national_institutions

    user = User.objects.get(username="bench-segeplan")
    started = time.perf_counter()
    filterset = NationalProgressFilterSet(
        {}, queryset=national_institutions(user=user), today=timezone.localdate()
    )
    assert filterset.is_valid(), filterset.errors
    lines = filterset.national_progress()
    year, period = filterset.year_period
    queried = time.perf_counter() - started
    print(f"\nnational lines, {len(lines)} institutions, {year} C{period}: {queried:.2f} s")
    for name, render in (("XLSX", consolidated_xlsx), ("PDF", consolidated_pdf)):
        started = time.perf_counter()
        content = render(lines, year=year, period=period)
        elapsed = time.perf_counter() - started
        print(
            f"national {name}: {elapsed:.1f} s render (+{queried:.2f} s query), {len(content) / 1e6:.1f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", required=True, help="PostgreSQL, p. ej. postgres://postgres@127.0.0.1/igm"
    )
    parser.add_argument(
        "--institutions", type=int, default=200, help="Tamaño del conjunto sintético si falta."
    )
    parser.add_argument("--years", type=int, default=5, help="Años de ejecución mensual si falta (5).")
    parser.add_argument("--clients", type=int, default=8, help="Clientes concurrentes (8).")
    parser.add_argument("--requests", type=int, default=120, help="Solicitudes por página (120).")
    parser.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="Workers de gunicorn."
    )
    parser.add_argument("--port", type=int, default=8767, help="Puerto en 127.0.0.1.")
    add_load_arguments(parser, seconds=8)
    parser.add_argument("--skip-exports", action="store_true", help="Solo las páginas.")
    args = parser.parse_args()

    configure(args.database_url)
    codes = prepare(args)
    cookies = session_cookies()
    from django.db import connections

    connections.close_all()
    with gunicorn(args.port, args.workers):
        print(f"\n{load_description(args, 'page')}, {args.workers} workers")

        # Every worker imports its code and opens its connection before anything is timed.
        for role, pages in (("SEGEPLAN", SEGEPLAN_PAGES), ("IGM planner", PLANNER_PAGES)):
            for path in (BASELINE, *pages):
                load(args.port, path, codes, {"Cookie": cookies[role]}, args.clients, args.workers * 2)
        baseline = drive(args, args.port, BASELINE, codes, {})
        print(f"{'baseline (login page)':<58} p50 {baseline['p50']:6.0f} ms  p95 {baseline['p95']:6.0f} ms")
        worst = 0.0
        for role, pages in (("SEGEPLAN", SEGEPLAN_PAGES), ("IGM planner", PLANNER_PAGES)):
            for path in pages:
                figures = drive(args, args.port, path, codes, {"Cookie": cookies[role]})
                worst = max(worst, figures["p95"])
                print(
                    f"{role + ' ' + path:<58} p50 {figures['p50']:6.0f} ms  p95 {figures['p95']:6.0f} ms  "
                    f"p95 ÷ baseline {figures['p95'] / baseline['p95']:5.1f}"
                )
        print(f"worst p95: {worst:.0f} ms (target < 300 ms)")
    if not args.skip_exports:
        time_exports()


if __name__ == "__main__":
    main()
