#!/bin/sh
# tests/cli/valgrind-halqa.sh: halqa, under valgrind when its input is a pipe (a piped session);
# other runs go straight to the binary, so the CLI tests stay short. .ci/run sets it as HALQA.
# A memory error or a definite leak exits 99, which no case expects, so the case fails.
# Needs HALQA_REAL (the binary).
: "${HALQA_REAL:?set HALQA_REAL to the halqa binary}"
if [ -p /dev/stdin ]; then
  exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$HALQA_REAL" "$@"
fi
exec "$HALQA_REAL" "$@"
