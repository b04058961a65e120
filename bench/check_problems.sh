#!/usr/bin/env bash
# bench/check_problems.sh: `halqa check` on a dataset with N and then 2N bad records (each event's
# title a number), to show that reporting problems is linear: each problem's line is found in its
# own record, not by rescanning the file. Prints both times and their ratio. Target: a ratio of at
# most 3 (linear is 2; the old rescanning was 4: 10,000 took 20 s, 20,000 took 70 s).
# usage: bench/check_problems.sh [HALQA] [N]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
halqa=${1:-$here/../build/halqa}
n=${2:-10000}
[ -x "$halqa" ] || { echo "check_problems: no halqa binary at $halqa (build first)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A copy of the minimal fixture whose events.lua holds COUNT events, each with one problem.
make_data() { # DIR COUNT
  mkdir -p "$1" && cp "$here"/../tests/fixtures/data-min/*.lua "$1"/
  awk -v n="$2" 'BEGIN {
    print "return {"
    for (i = 0; i < n; i++)
      printf "  { id = \"e%d\", title = 5, date = { year = 1948 }, kind = \"founding\", summary = \"x\", sources = { { \"doc\", \"History\" } } },\n", i
    print "}"
  }' > "$1/events.lua"
}
ns() { date +%s%N; }
run() { # DIR COUNT -> nanoseconds; checks that every problem was reported
  local t0 t1 got
  t0=$(ns)
  got=$("$halqa" check --data "$1" 2>&1 | grep -c "title: must be a non-empty string" || true)
  t1=$(ns)
  [ "$got" -eq "$2" ] || { echo "check_problems: $got of $2 problems reported" >&2; exit 1; }
  echo $((t1 - t0))
}
make_data "$tmp/a" "$n"
make_data "$tmp/b" $((2 * n))
ta=$(run "$tmp/a" "$n"); tb=$(run "$tmp/b" $((2 * n)))
awk -v a="$ta" -v b="$tb" -v n="$n" 'BEGIN {
  r = b / a
  printf "check_problems: %d bad records %.0f ms, %d bad records %.0f ms\n", n, a / 1e6, 2 * n, b / 1e6
  printf "check_problems: ratio %.2f (target <= 3.00, linear 2): %s\n", r, (r <= 3 ? "ok" : "over target")
}'
