#!/usr/bin/env bash
# bench/store.sh: the progress store with 100k cards and 1M reviews (smaller with arguments):
# the due queue for today (target <= 50 ms), one committed review (median <= 2 ms), beside a bare
# SQLite committed INSERT measured in the same run; and 1M reviews replayed through halqa.fsrs from
# Lua, beside the same loop calling an empty function, in reviews per second.
# usage: bench/store.sh [BUILD_DIR] [CARDS] [REVIEWS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
cards=${2:-100000}
reviews=${3:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/store_bench" "$work/progress.db" "$cards" "$reviews"

XDG_CONFIG_HOME=$work "$build/halqa" --time-limit 0 --db :memory: -e "
  local n = $reviews
  local review, state = halqa.fsrs.review, nil
  local t0 = os.clock()
  for i = 1, n do
    if i % 10 == 1 then state = nil end
    state = review(state, 1 + i % 4, (i * 7) % 30)
  end
  local fsrs = os.clock() - t0
  local function empty(s, r, e) return s end
  t0 = os.clock()
  for i = 1, n do
    if i % 10 == 1 then state = nil end
    state = empty(state, 1 + i % 4, (i * 7) % 30)
  end
  local base = os.clock() - t0
  print(string.format('store: replay %d reviews through halqa.fsrs: %.0f reviews/s (%.2f s; an empty Lua call loop: %.3f s, ratio %.1f)',
    n, n / fsrs, fsrs, base, fsrs / math.max(base, 1e-9)))"
