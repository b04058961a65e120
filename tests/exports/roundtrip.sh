#!/bin/sh
# roundtrip.sh FORMAT [export options]: exports the bank (seed 3) as FORMAT and as halqa's JSON,
# then reads FORMAT back with an independent parser (read_gift.js: gift-pegjs from npm;
# read_back.py: Debian's python3 modules) that checks it against the JSON. Needs $HALQA,
# $PYTHON, $NODE_MODULES (for gift) and a scratch folder $WORK.
set -eu
fmt=$1; shift
here=$(dirname "$0")
dir="$WORK/$fmt"
rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
db=:memory:
extra=
only=
if [ "$fmt" = apkg-progress ]; then
  # a store with two reviews of one card and one of another, through the scripting API
  db="$dir/progress.db"
  "$HALQA" --db "$db" -e '
    local C = require("lib.cards.build")
    local cards = {}
    for _, c in ipairs(C.all()) do if c.deck == "dates" then cards[#cards + 1] = c end end
    halqa.store.sync_cards("dates", cards)
    local now = os.time() - 5 * 86400
    halqa.store.review("dates.cpp_founded.when", 3, { now = now })
    halqa.store.review("dates.cpp_founded.when", 4, { now = now + 3 * 86400 })
    halqa.store.review("dates.APP.founded", 1, { now = now })'
  extra="dates.when.cpp_founded=2,dates.founded.APP=1"
  fmt=apkg
  only=--with-progress
  set -- -g dates
fi
"$HALQA" --db "$db" export --format json --seed 3 "$@" > bank.json
case $fmt in
  apkg) out=bank.apkg ;; kahoot) out=bank.xlsx ;; moodle-xml) out=bank.xml ;; *) out=bank.$fmt ;;
esac
"$HALQA" --db "$db" export --format "$fmt" --seed 3 -o "$out" $only "$@" 2> stderr.txt
cat stderr.txt
if [ "$fmt" = gift ]; then
  NODE_PATH="$NODE_MODULES" node "$here/read_gift.js" "$out" bank.json
else
  "$PYTHON" "$here/read_back.py" "$fmt" "$out" bank.json $extra
fi
