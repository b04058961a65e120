#!/bin/sh
# tsan.sh [SOURCE [BUILD]]: builds libhalqa and tests/lib/test_threads.c with ThreadSanitizer in
# BUILD (default build-tsan) and runs it: two handles in one thread, one per thread in several
# threads, halqa_interrupt from another thread. Any report of a data race fails it.
set -eu
src=${1:-.}
dir=${2:-build-tsan}
cmake -S "$src" -B "$dir" -DHALQA_WERROR=ON -DHALQA_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$dir" -j2 --target test_threads
# the library's data, scripts and an empty home: nothing of the user's is read
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
  TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$dir/tests/test_threads"
echo "ThreadSanitizer: clean"
