#!/usr/bin/env bash
# Makes (once) the 1 000 000-entry benchmark database and prints its path.
# usage: tests/bench/make_bench_db.sh [JUSTE] [DB]   (defaults: build/juste, /tmp/juste-bench.db)
# Rebuilds it when the binary is newer than the database.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
juste=${1:-$here/../../build/juste}
db=${2:-/tmp/juste-bench.db}
if [ ! -f "$db" ] || [ "$juste" -nt "$db" ]; then
  python3 "$here/make_bench_db.py" "$juste" "$db" 1000000 >&2
fi
echo "$db"
