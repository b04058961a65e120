#!/bin/sh
# tests/bench/synth.sh: the benchmarks' synthetic dataset (bench/synth.lua) stays valid as the
# schema grows: a field that holds ids and that synth.lua does not rename makes copy K point at
# a record that only copy 1 has, and bench/bank.sh then stops. Run at 3 copies.
# usage: synth.sh HALQA SOURCE_DIR
set -e
halqa=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lua5.4 "$src/bench/synth.lua" "$src/data" "$tmp/data" 3
# The linter is not asked (copies share their dates by construction); the dataset must validate.
"$halqa" check --data "$tmp/data" >"$tmp/out" 2>&1 || true
if grep -q " records, no problems" "$tmp/out"; then
  echo "synth: 3 copies validate"
else
  echo "synth: the synthetic dataset does not validate:" >&2
  grep -v "^lint:" "$tmp/out" | head -10 >&2
  exit 1
fi
