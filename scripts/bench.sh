#!/usr/bin/env bash
# Run every benchmark under benchmarks/ (each prints its figures and its ratio to its baseline).
set -euo pipefail
status=0
for script in benchmarks/bench_*.py; do
    [ -e "$script" ] || continue
    echo "=== $script"
    .venv/bin/python "$script" || status=1
done
exit $status
