# tests/cli/case.sh: the case_ helper the CLI test scripts share (sourced; sets TMP, passed, failed).
# case_ NAME STATUS EXPECTED COMMAND: runs COMMAND with sh in $TMP; the output (stdout+stderr) must
# contain EXPECTED (a fixed string; empty means anything) and the exit status must be STATUS.
# A script ends with `finish`, which prints "N passed, N failed" and fails if any case failed.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

case_() {
  name=$1 want_status=$2 want=$3 cmd=$4
  out=$(cd "$TMP" && sh -c "$cmd" 2>&1)
  status=$?
  if [ "$status" -eq "$want_status" ] && { [ -z "$want" ] || printf '%s' "$out" | grep -qF -- "$want"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    printf 'FAIL: %s\n  command: %s\n  wanted status %s and "%s"; got status %s:\n%s\n' \
      "$name" "$cmd" "$want_status" "$want" "$status" "$out" | sed 's/^/  /'
  fi
}

# timed_case_: a case_ that sends signals or sleeps for a process it started: skipped when the
# binary runs under valgrind (HALQA_VALGRIND set, as tests/cli/valgrind-halqa.sh is used), where
# the signal goes to valgrind and every step is many times slower.
skipped=0
timed_case_() {
  if [ -n "${HALQA_VALGRIND:-}" ]; then
    skipped=$((skipped + 1))
    return
  fi
  case_ "$@"
}

finish() {
  printf '%d passed, %d failed%s\n' "$passed" "$failed" "$( [ "$skipped" -gt 0 ] && echo ", $skipped skipped under valgrind")"
  [ "$failed" -eq 0 ]
}
