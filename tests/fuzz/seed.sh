#!/usr/bin/env bash
# tests/fuzz/seed.sh BUILD: fills BUILD/fuzz-corpus/NAME for each harness from the real data and
# the tests (the dataset's files, the test scripts, a store a real session wrote, answers of the
# kinds the graders take). Adds to what is there, so a long campaign's corpus is kept.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: tests/fuzz/seed.sh BUILD}
c=$build/fuzz-corpus
mkdir -p "$c"/{grade,normalize,store,json,dataset,script}

# The graders: selector byte, then NUL-separated parts (fuzz_grade.c).
i=0
seed() { printf "$2" > "$c/$1/seed-$((i++))"; }
seed grade '\000Sajjad Zaheer\000Sajjad Zaheer\000Syed Sajjad Zaheer'
seed grade '\000sajad zahir\000Sajjad Zaheer'
seed grade '\000Communist Party of Pakistan\000CPP\000Communist Party of Pakistan'
seed grade '\0016 March 1948\000\171\103\003\006'
seed grade '\001late 2009\000\175\221\000\000\000\003'
seed grade '\001mid-1960s\000\172\220\000\000\001\002'
seed grade '\0016/3/1948\000\171\103\003\006'
seed grade '\00230\000\000\000\000\000\000\000\076\100'
seed grade '\002about 1,200\000\000\000\000\000\000\300\222\100'
seed grade '\003a c\000abcd'
seed grade '\003c a b d\000abcd'
seed grade '\0031 3 and 4\000abcdef'
# grade_normalize: titles, names and summaries as the dataset writes them.
{ grep -ho '"[^"]\{4,\}"' "$src"/data/*.lua || true; } | awk 'NR <= 300' | while IFS= read -r s; do
  printf '%s\000%s' "$s" "${s,,}" > "$c/normalize/seed-$((i++))"
done
# The dataset loader: selector (0 sources .. 4 events), then a whole file.
n=0
for f in sources parties people organizations events; do
  for d in "$src/tests/fixtures/data-min" "$src/data"; do
    { printf "\\$(printf '%03o' $n)"; cat "$d/$f.lua"; } > "$c/dataset/$f-$(basename "$d")"
  done
  n=$((n + 1))
done
# A script: the test scripts, the command and library scripts, and one-liners of the sandbox tests.
for f in "$src"/tests/scripts/*.lua "$src"/scripts/commands/*.lua "$src"/scripts/lib/*.lua; do
  cp "$f" "$c/script/$(basename "$(dirname "$f")")-$(basename "$f")"
done
seed script 'return string.find(("a"):rep(300), "a*a*b")'
seed script 'setmetatable({}, {__gc = function() end})'
seed script 'return halqa.grade({kind = "multi", choices = {"a", "b"}, correct = {1}}, "a")'
seed script 'return halqa.json({1, {x = "y"}, true})'
# halqa.json's stack machine (fuzz_json.c): tables, strings, numbers, sets, appends.
seed json '\005\004\003abc\002\001\000\000\000\000\000\000\000\006'
seed json '\005\005\004\001x\003\000\000\000\000\000\000\360\077\006\007'
seed json '\005\010\007'
# The store: files a real session wrote (cards rated, a quiz answered), and an empty file.
tmp=$(mktemp -d)
halqa=$build/halqa
if [ -x "$halqa" ]; then
  printf '\n3\n\n1\n\n4\nquit\n' | XDG_CONFIG_HOME=$tmp "$halqa" --db "$tmp/cards.db" cards -n 3 >/dev/null 2>&1 || true
  printf '1948\nx\nquit\n' | XDG_CONFIG_HOME=$tmp "$halqa" --db "$tmp/quiz.db" quiz -n 2 --seed 4 >/dev/null 2>&1 || true
  for f in "$tmp"/*.db; do [ -s "$f" ] && cp "$f" "$c/store/"; done
fi
rm -rf "$tmp"
: > "$c/store/empty"
echo "seeded $(find "$c" -type f | wc -l) files in $c"
