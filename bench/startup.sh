#!/usr/bin/env bash
# bench/startup.sh: full start-up of halqa (state, sandbox, dataset, scripts) against bare lua5.4.
# Runs `halqa -e 'return 1'` and `lua5.4 -e ''` alternately, so both see the same machine load,
# and prints the medians and their ratio. Target: a ratio of at most 2.
# usage: bench/startup.sh [HALQA] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
halqa=${1:-$here/../build/halqa}
runs=${2:-40}
command -v lua5.4 >/dev/null || { echo "startup: lua5.4 is needed for the baseline (apt-get install lua5.4)" >&2; exit 1; }
[ -x "$halqa" ] || { echo "startup: no halqa binary at $halqa (build first)" >&2; exit 1; }

export XDG_CONFIG_HOME=$(mktemp -d)   # no user scripts in the measurement
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

ns() { date +%s%N; }
declare -a th tl
for ((i = 0; i < runs; i++)); do
  t0=$(ns); "$halqa" -e 'return 1' >/dev/null; t1=$(ns)
  lua5.4 -e '' >/dev/null; t2=$(ns)
  th+=($((t1 - t0))); tl+=($((t2 - t1)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mh=$(median "${th[@]}"); ml=$(median "${tl[@]}")
awk -v h="$mh" -v l="$ml" -v n="$runs" 'BEGIN {
  r = h / l
  printf "startup: halqa -e \"return 1\" median %.2f ms, lua5.4 -e \"\" median %.2f ms over %d runs each\n", h / 1e6, l / 1e6, n
  printf "startup: ratio %.2f (target <= 2.00): %s\n", r, (r <= 2 ? "ok" : "over target")
}'
