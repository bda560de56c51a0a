#!/usr/bin/env bash
# Every benchmark, each printing its figures and its ratio to its baseline (see README "Benchmarks").
set -euo pipefail
PY=.venv/bin/python
PG_BENCH_URL=${PG_BENCH_URL:-postgres://postgres@127.0.0.1:5432/igm_bench}
status=0
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
run() { echo; echo "=== $*"; "$@" || status=1; }
run $PY benchmarks/bench_execution_import.py --database-url "$PG_BENCH_URL"   # SQLite and PostgreSQL
run $PY benchmarks/bench_hostile_files.py
run $PY benchmarks/bench_report_pdf.py
run $PY benchmarks/bench_portal.py --database-url "$PG_BENCH_URL"
run $PY benchmarks/bench_national.py --database-url "$PG_BENCH_URL"   # 200 institutions, 5 years
if [ -e benchmarks/bench_api.py ]; then
    run $PY benchmarks/bench_api.py --database-url "$PG_BENCH_URL"
fi
exit $status
