#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD SECONDS [NAME...]: runs each harness (default: all) for SECONDS on its
# corpus (seeded by seed.sh), one process each, nice'd; a crash, leak or timeout is saved under
# BUILD/fuzz-artifacts and fails the run. Prints each harness's executions and coverage.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: tests/fuzz/run.sh BUILD SECONDS [NAME...]}
secs=${2:?usage: tests/fuzz/run.sh BUILD SECONDS [NAME...]}
shift 2
build=$(cd "$build" && pwd) # absolute: the script harness changes folder before reading its corpus
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(grade normalize json store dataset script)
"$here/seed.sh" "$build" || exit 1
mkdir -p "$build/fuzz-artifacts"
failed=0
for n in "${names[@]}"; do
  bin=$build/tests/fuzz/fuzz_$n
  log=$build/fuzz-artifacts/$n.log
  [ -x "$bin" ] || { echo "fuzz: no $bin (configure with CC=clang -DHALQA_FUZZ=ON)"; exit 1; }
  # -timeout: a single input running 10 s is a hang; the script harness's own limit is 0.25 s.
  nice -n 19 "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$n-" \
    "$build/fuzz-corpus/$n" > "$log" 2>&1
  st=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  corpus=$(find "$build/fuzz-corpus/$n" -type f | wc -l)
  if [ $st -eq 0 ]; then
    echo "fuzz $n: ok, ${execs:-?} executions in ${secs} s, coverage ${cov:-?} edges (${ft:-?} features), corpus $corpus"
  else
    failed=1
    echo "fuzz $n: FAILED (status $st) after ${execs:-?} executions; see $log:"
    grep -m5 -A3 'ERROR:\|property failed\|SUMMARY' "$log" | sed 's/^/  /'
  fi
done
exit $failed
