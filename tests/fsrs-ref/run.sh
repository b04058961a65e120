#!/bin/sh
# run.sh TEST_BINARY WORKDIR: installs the pinned ts-fsrs (test-only), has it schedule seeded
# random review sequences, and runs halqa's conformance test on them. Exits 77 (ctest: skipped)
# with a message when node or npm or the package cannot be had; any other failure fails.
set -u
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
work=$2
skip() { echo "SKIPPED: $*" >&2; exit 77; }
command -v node >/dev/null 2>&1 || skip "node is not installed (apt-get install nodejs npm)"
command -v npm >/dev/null 2>&1 || skip "npm is not installed (apt-get install npm)"
mkdir -p "$work" || exit 1
cp "$here/package.json" "$here/package-lock.json" "$here/gen.mjs" "$work/" || exit 1
cd "$work" || exit 1
# The cache first (no network needed once installed), then the registry.
if ! npm ci --offline --no-audit --no-fund >npm.log 2>&1; then
  timeout 300 npm ci --no-audit --no-fund >>npm.log 2>&1 ||
    skip "npm ci could not install ts-fsrs (no registry?); see $work/npm.log"
fi
node gen.mjs 300 20261207 >reference.txt || { echo "gen.mjs failed" >&2; exit 1; }
exec "$bin" "$work/reference.txt"
