"""API benchmark at national scale: query counts, latency and throughput against a bare ceiling.

    python benchmarks/bench_api.py --database-url postgres://postgres@127.0.0.1:5432/igm_bench

Generates the synthetic dataset when the database has none (``--institutions``/``--years`` size it),
serves the project with gunicorn on loopback, drives each endpoint with 16 concurrent clients and
prints p50/p95 latency, requests per second and the ratio API / ceiling, where the ceiling is a bare
Django view returning ``JsonResponse`` from ``.values()`` for the same rows (enabled only by the
``IGM_API_BENCHMARK_VIEWS`` setting).
"""

import argparse
import http.client
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def configure(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="igm_plan.settings",
        DJANGO_DEBUG="0",
        IGM_API_BENCHMARK_VIEWS="1",
        IGM_API_RATE="100000000/min",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)  # a dataset made by older code is brought to this schema


def prepare(args) -> tuple[str, list[str], int]:
    """Synthetic data (generated if missing), a read token, the institutions and a year to query."""
    from django.core.management import call_command

    from accounts.services import api_token_create
    from planning.models import Institution

    if not Institution.objects.filter(code__startswith="SYN").exists():
        started = time.perf_counter()
        call_command("generate_synthetic", institutions=args.institutions, years=args.years)
        print(f"generate_synthetic: {time.perf_counter() - started:.0f} s")
    from budget.models import Execution

    codes = list(Institution.objects.filter(code__startswith="SYN").values_list("code", flat=True))
    year = Execution.objects.order_by("-year").values_list("year", flat=True).first()
    print(f"dataset: {len(codes)} institutions, {Execution.objects.count():,} execution rows; year {year}")
    key = api_token_create(client_name=f"bench-{time.time_ns()}", scope="read").key
    return key, codes, year


def scenarios(year: int) -> dict[str, tuple[str, str]]:
    """name: (API path, ceiling path) for the same rows; {code} is replaced per request."""
    totals = f"institution={{code}}&year={year}&level=product&by=month&page_size=100"
    rows = f"institution={{code}}&year={year}&page_size=100"
    return {
        "executions list": (f"/api/v1/executions/?{rows}", f"/api/v1/bench/ceiling/list/?{rows}"),
        "execution totals": (
            f"/api/v1/execution-totals/?{totals}",
            f"/api/v1/bench/ceiling/totals/?{totals}",
        ),
    }


def count_queries(key: str, codes: list[str], year: int) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Token {key}")
    client.get(scenarios(year)["executions list"][0].format(code=codes[0]))  # caches the token lookup
    for name, (path, _) in scenarios(year).items():
        counts = []
        for size in (10, 100):
            url = path.format(code=codes[0]).replace("page_size=100", f"page_size={size}")
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        print(f"SQL queries per request, {name}: page_size 10 → {counts[0]}, page_size 100 → {counts[1]}")


@contextmanager
def gunicorn(port: int, workers: int):
    """The project served by gunicorn on loopback for the length of the block (its port answering)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "igm_plan.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit("gunicorn no respondió a tiempo")


def load(port: int, path: str, codes: list[str], headers: dict, clients: int, requests: int) -> dict:
    """``clients`` threads share ``requests`` requests; each picks a random institution."""
    latencies, failures, lock = [], [], threading.Lock()
    remaining = iter(range(requests))

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            url = path.format(code=rng.choice(codes))
            started = time.perf_counter()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            response.read()
            connection.close()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    failures.append(response.status)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} respuestas no 200 en {path}: {sorted(set(failures))}")
    latencies.sort()
    return {
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "rps": len(latencies) / wall,
    }


WRK_SCRIPT = """
local codes = {%(codes)s}
local headers = {%(headers)s}
math.randomseed(%(seed)d)
request = function()
  return wrk.format("GET", string.format("%(path)s", codes[math.random(#codes)]), headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %%f %%f %%d %%d %%d\\n", latency:percentile(50), latency:percentile(95),
    summary.requests, summary.duration, errors))
end
"""


def load_wrk(port: int, path: str, codes: list[str], headers: dict, clients: int, seconds: int) -> dict:
    """The same scenario driven by wrk (C, event loop): the load generator steals far less CPU from
    the server than Python threads on a 2-core machine. Each request picks a random institution."""
    script = WRK_SCRIPT % {
        "codes": ", ".join(f'"{code}"' for code in codes),
        "headers": ", ".join(f'["{name}"] = "{value}"' for name, value in headers.items()),
        "seed": 42,
        "path": path.replace("%", "%%").replace("{code}", "%s"),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        output = subprocess.run(
            [
                "wrk",
                "-t",
                "2",
                "-c",
                str(clients),
                "-d",
                f"{seconds}s",
                "--timeout",
                "10s",
                "-s",
                handle.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(handle.name)
    p50, p95, count, duration_us, errors = output.split("RESULT ")[1].split()
    if int(errors):
        raise SystemExit(f"{errors} errores o respuestas no 2xx en {path}")
    return {"p50": float(p50) / 1000, "p95": float(p95) / 1000, "rps": int(count) / (int(duration_us) / 1e6)}


def add_load_arguments(parser: argparse.ArgumentParser, *, seconds: int) -> None:
    """``--load-tool`` and ``--seconds``: how every page benchmark drives its server."""
    parser.add_argument(
        "--load-tool",
        choices=["wrk", "python"],
        default="wrk" if shutil.which("wrk") else "python",
        help="Generador de carga: wrk (por omisión si está instalado) o hilos de Python.",
    )
    parser.add_argument(
        "--seconds", type=int, default=seconds, help=f"Duración de cada escenario con wrk ({seconds} s)."
    )


def drive(args: argparse.Namespace, port: int, path: str, codes: list[str], headers: dict) -> dict:
    """One scenario with the chosen load tool: wrk for ``args.seconds``, or ``args.requests`` requests
    from ``args.clients`` Python threads."""
    if args.load_tool == "wrk":
        return load_wrk(port, path, codes, headers, args.clients, args.seconds)
    return load(port, path, codes, headers, args.clients, args.requests)


def load_description(args: argparse.Namespace, unit: str) -> str:
    """``wrk: 8 connections, 8 s per page`` or ``8 clients (threads), 120 requests per page``."""
    if args.load_tool == "wrk":
        return f"wrk: {args.clients} connections, {args.seconds} s per {unit}"
    return f"{args.clients} clients (threads), {args.requests} requests per {unit}"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", required=True, help="PostgreSQL, p. ej. postgres://postgres@127.0.0.1/igm_bench"
    )
    parser.add_argument(
        "--institutions", type=int, default=200, help="Tamaño del conjunto sintético si falta."
    )
    parser.add_argument("--years", type=int, default=5, help="Años de ejecución mensual si falta.")
    parser.add_argument("--clients", type=int, default=16, help="Clientes concurrentes (16).")
    parser.add_argument("--requests", type=int, default=1500, help="Solicitudes por escenario (1500).")
    parser.add_argument(
        "--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1, help="Workers de gunicorn."
    )
    parser.add_argument("--port", type=int, default=8766, help="Puerto en 127.0.0.1.")
    add_load_arguments(parser, seconds=15)
    return parser.parse_args()


def main() -> None:
    args = arguments()
    configure(args.database_url)
    key, codes, year = prepare(args)
    count_queries(key, codes, year)
    from django.db import connections

    connections.close_all()

    with gunicorn(args.port, args.workers):
        headers = {"Authorization": f"Token {key}"}
        print(f"\n{load_description(args, 'scenario')}, gunicorn {args.workers} workers")

        print(f"{'scenario':<22}{'':>10}{'p50 ms':>10}{'p95 ms':>10}{'req/s':>10}")
        for name, (api_path, ceiling_path) in scenarios(year).items():
            load(args.port, api_path, codes, headers, args.clients, args.clients * 4)  # warm-up
            api = drive(args, args.port, api_path, codes, headers)
            ceiling = drive(args, args.port, ceiling_path, codes, {})
            for label, figures in (("API", api), ("ceiling", ceiling)):
                print(
                    f"{name:<22}{label:>10}{figures['p50']:>10.1f}{figures['p95']:>10.1f}{figures['rps']:>10.1f}"
                )
            print(f"{name:<22}{'API/ceil':>10}{'':>20}{api['rps'] / ceiling['rps']:>10.2f}")


if __name__ == "__main__":
    main()
