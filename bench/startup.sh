#!/usr/bin/env bash
# bench/startup.sh: full start-up of halqa (state, sandbox, dataset, scripts) against bare lua5.4.
# Runs `halqa -e 'return 1'` and `lua5.4 -e ''` alternately under spawn_time (spawn_time.c), which
# puts nothing but the process in each timed interval (no shell, no `date`), and prints the
# medians and their ratio. Target: a ratio of at most 1.5.
# usage: bench/startup.sh [HALQA] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
halqa=${1:-$here/../build/halqa}
runs=${2:-40}
timer=$(dirname "$halqa")/spawn_time
command -v lua5.4 >/dev/null || { echo "startup: lua5.4 is needed for the baseline (apt-get install lua5.4)" >&2; exit 1; }
[ -x "$halqa" ] || { echo "startup: no halqa binary at $halqa (build first)" >&2; exit 1; }
[ -x "$timer" ] || { echo "startup: no spawn_time beside $halqa (build first)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config   # no user scripts in the measurement
export XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
"$halqa" -e 'return 1' >/dev/null     # the first run fills the dataset cache; not timed

"$timer" "$runs" -- halqa "$halqa" -e 'return 1' -- lua lua5.4 -e '' | awk -v n="$runs" '
  { ms[$1] = $2; min[$1] = $3 }
  END {
    r = ms["halqa"] / ms["lua"]
    printf "startup: halqa -e \"return 1\" median %.2f ms (min %.2f), lua5.4 -e \"\" median %.2f ms (min %.2f) over %d runs each\n", ms["halqa"], min["halqa"], ms["lua"], min["lua"], n
    printf "startup: ratio %.2f (target <= 1.50): %s\n", r, (r <= 1.5 ? "ok" : "over target")
  }'
