#!/usr/bin/env bash
# bench/bank.sh: loading and exporting a synthetic dataset 1000x the bundled one, beside a
# baseline measured in the same run: lua5.4 merely loading the same files (bench/bare_load.lua).
# Beside them, the floor: as many trivial questions as the bank has, made through Q.context and
# written as JSON (bench/floor.lua) -- what the question framework alone costs, which no set of
# generators can beat. Runs alternate so every measurement sees the same machine; medians are
# reported.
# Targets: load <= 1.2x the bare load (from the chunk cache, filled by a first untimed run); the
# full bank in <= 20 s and <= 300 MiB (bench/session.py measures it beside a plain lua5.4 baseline).
# usage: bench/bank.sh [HALQA] [RUNS] [TIMES]   (HALQA_MEM_LIMIT=MiB to change the Lua memory cap, 4000)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
halqa=${1:-$here/../build/halqa}
runs=${2:-3}
times=${3:-1000}
command -v lua5.4 >/dev/null || { echo "bank: lua5.4 is needed for the baseline" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bank: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache  # the chunk cache stays in $work

lua5.4 "$here/synth.lua" "$here/../data" "$work/data" "$times"
# The dataset must validate; the bank's linter is not asked: copies share their dates, so a
# cloze such as "____ was founded in 1995" has N right answers here by construction.
"$halqa" check --data "$work/data" >"$work/check.txt" 2>&1 || true
grep -m1 ' records, no problems' "$work/check.txt" ||
  { echo "bank: the synthetic dataset does not validate:" >&2; head -5 "$work/check.txt" >&2; exit 1; }

# measure NAME OUT COMMAND...: appends "seconds kib" to $work/NAME; the output goes to OUT
measure() {
  local name=$1 out=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >"$out"
  cat "$work/t" >> "$work/$name"
}
run=("$halqa" --time-limit 0 --mem-limit "${HALQA_MEM_LIMIT:-4000}" --db :memory: --data "$work/data")
"${run[@]}" -e 'return 1' >/dev/null  # compiles the dataset into the cache once, as a first run would
questions=
for ((i = 0; i < runs; i++)); do
  measure bare /dev/null lua5.4 "$here/bare_load.lua" "$work/data"
  measure load /dev/null "${run[@]}" -e 'return 1'
  if [ -z "$questions" ]; then
    # the first export is kept just long enough to count its questions (one "id" a question at
    # the first level of indentation); another layout is counted by a run of its own
    measure bank "$work/bank.json" "${run[@]}" export --format json
    questions=$(grep -c $'^\t"id":' "$work/bank.json" || true)
    rm -f "$work/bank.json"
    if [ "${questions:-0}" -eq 0 ]; then
      questions=$("${run[@]}" -e 'local n = 0 require("lib.quiz.bank").each(1, function() n = n + 1 end) return n')
    fi
  else
    measure bank /dev/null "${run[@]}" export --format json
  fi
  measure floor /dev/null "${run[@]}" "$here/floor.lua" "$questions"
done
median() { sort -n -k"$2" "$work/$1" | awk -v c="$2" '{a[NR]=$c} END {print a[int((NR+1)/2)]}'; }
bs=$(median bare 1); bm=$(median bare 2); ls=$(median load 1); lm=$(median load 2); ks=$(median bank 1); km=$(median bank 2)
fs=$(median floor 1); fm=$(median floor 2)
awk -v bs="$bs" -v bm="$bm" -v ls="$ls" -v lm="$lm" -v ks="$ks" -v km="$km" -v fs="$fs" -v fm="$fm" -v n="$times" -v q="$questions" -v r="$runs" 'BEGIN {
  printf "bank: %dx dataset, medians of %d runs\n", n, r
  printf "bank: bare lua5.4 load  %6.2f s %7.1f MiB (baseline)\n", bs, bm / 1024
  if (bs < 0.05) printf "bank: halqa load        %6.2f s %7.1f MiB  (too quick to time a ratio at this size)\n", ls, lm / 1024
  else printf "bank: halqa load        %6.2f s %7.1f MiB  ratio %.2f (target <= 1.20): %s\n", ls, lm / 1024, ls / bs, (ls / bs <= 1.2 ? "ok" : "over target")
  printf "bank: halqa full bank   %6.2f s %7.1f MiB  %d questions (target <= 20 s, <= 300 MiB): %s\n", ks, km / 1024, q, (ks <= 20 && km / 1024 <= 300 ? "ok" : "over target")
  printf "bank: framework floor   %6.2f s %7.1f MiB  %d trivial questions through Q.context + halqa.json (the bound generators cannot beat)\n", fs, fm / 1024, q
}'
