#!/bin/sh
# cycles.sh ARCHIVE...: fails if the files of a layer call each other in a cycle. Each archive
# member (one source file) defines symbols; a member that uses a symbol another defines depends
# on it. tsort reports any loop in that graph, which means two files that each need the other.
set -eu
status=0
for lib in "$@"; do
  edges=$(nm -A -g "$lib" 2>/dev/null | awk '
    { n = split($1, p, ":"); m = p[n - 1] }
    $2 == "U" { use[m] = use[m] " " $3; next }
    NF >= 3 && $2 ~ /^[TDBRC]$/ { def[$3] = m }
    END { for (m in use) { k = split(use[m], s, " "); for (i = 1; i <= k; i++)
            if ((s[i] in def) && def[s[i]] != m) print m, def[s[i]] } }' | sort -u)
  if [ -z "$edges" ]; then
    echo "$(basename "$lib"): no calls between files"
    continue
  fi
  if ! out=$(echo "$edges" | tsort 2>&1 >/dev/null) || [ -n "$out" ]; then
    echo "$(basename "$lib"): files call each other in a cycle:"
    echo "$out"
    status=1
  else
    echo "$(basename "$lib"): $(echo "$edges" | wc -l) calls between files, no cycle"
  fi
done
exit $status
