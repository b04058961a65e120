#!/bin/sh
# tests/cli/hostile.sh: bad input at the binary's entrances (issue 16) — options, data folders, a
# piped REPL that must carry on after a hostile line. One table of cases per class; each case
# names the trick. Needs HALQA and HALQA_SOURCE_DIR (ctest sets both).
set -u
: "${HALQA:?set HALQA to the halqa binary}"
: "${HALQA_SOURCE_DIR:?set HALQA_SOURCE_DIR}"
FIX=$HALQA_SOURCE_DIR/tests/fixtures
. "$(dirname "$0")/case.sh"
H="$HALQA --db :memory:"
export FIX

# A data folder that is the minimal fixture with one file replaced by TEXT.
broken_data() { # NAME FILE TEXT
  mkdir -p "$TMP/$1" && cp "$FIX"/data-min/*.lua "$TMP/$1"/ && printf '%s' "$3" > "$TMP/$1/$2"
}
# Runs a command under `timeout`, so a hang fails the case (status 124) instead of the suite.
t() { echo "timeout 20 $*"; }

# --- crashes: a piped REPL carries on after each (the next line prints 2)
repl_case() { # NAME EXPECTED LINE
  case_ "piped REPL: $1" 1 "$2" "printf '%s\nreturn 1 + 1\n' \"$3\" | $(t $H) | grep -qx 2 && printf '%s\nreturn 1 + 1\n' \"$3\" | $(t $H) 2>&1"
}
repl_case "error object whose __index raises" "(error object is a table value)" "error(setmetatable({}, {__index = function() error('boom') end}))"
repl_case "error object whose __index loops" "(error object is a table value)" "error(setmetatable({}, {__index = function() while true do end end}))"
repl_case "returned value whose __pairs raises" "in function 'pairs'" "return setmetatable({}, {__pairs = function() error('x') end})"
repl_case "error object with __tostring" "custom" "error(setmetatable({}, {__tostring = function() return 'custom' end}))"
repl_case "random int over every integer" "ok" "assert(halqa.random(1):int(math.mininteger, math.maxinteger)) error('ok')"
repl_case "a backtracking pattern" "pattern too costly" "return string.find(('a'):rep(3000), 'a*a*a*a*b')"
repl_case "a __len of 2^32" "ok" "halqa.random(1):shuffle(setmetatable({}, {__len = function() return 1 << 32 end})) error('ok')"
case_ "a -e error with a hostile __index exits 1" 1 "(error object is a table value)" "$(t $H) -e 'error(setmetatable({}, {__index = function() error(1) end}))'"
case_ "an __gc that loops does not hold up the exit" 0 "finalizer stopped" "$(t $H) -e 'keep = setmetatable({}, {__gc = function() while true do end end})'"

# --- bad options: every numeric option is range-checked, naming itself
for v in nan -nan inf -1 0 0.0000001 1e300 lots ''; do
  case_ "--mem-limit '$v' is refused" 2 "--mem-limit: '$v' is not a size in MiB" "$H --mem-limit '$v' -e 1"
done
for v in nan inf -3 0.001 1e300 soon ''; do
  case_ "--time-limit '$v' is refused" 2 "--time-limit: '$v' is not a number of seconds" "$H --time-limit '$v' -e 1"
done
case_ "--time-limit 0 means none" 0 "1" "$H --time-limit 0 -e 'return 1'"
case_ "--mem-limit 64 is taken" 0 "1" "$H --mem-limit 64 -e 'return 1'"
case_ "--db '' is refused, not overflowed" 2 "--db: the file name is empty" "$HALQA stats --db ''"
for v in '2^40' '-1' '256' '1.5' '"x"'; do
  case_ "halqa.quit($v) is refused" 1 "bad argument #1 to 'quit'" "$H -e 'halqa.quit($v)'"
done
case_ "halqa.quit(3) exits 3" 3 "" "$H -e 'halqa.quit(3)'"
# a command's numeric options: each refused value names the option (scripts/lib/options.lua)
while IFS='|' read -r cmd want; do
  case_ "$cmd is refused" 2 "$want" "$(t $H) $cmd < /dev/null"
done <<'TABLE'
quiz -n 1e300|option '-n': '1e300' is not a whole number
quiz -n nan|option '-n': 'nan' is not a whole number
quiz -n 0|option '-n': must be at least 1
quiz --seed 99999999999999999999|option '--seed'
cards -r nan|option '-r': 'nan' is not a number
cards -r 1e-300|option '-r': must be between
cards --new -1|option '--new'
stats --compare inf|option '--compare'
stats --days 99999999999|option '--days'
stats --now 99999999999999999|option '--now': must be unix seconds
stats --now -1|option '--now': must be unix seconds
drill --teams a,b --time nan|option '--time'
drill --teams a,b --time 99999999999|option '--time'
drill --serve --port 99999|option '--port'
TABLE

# --- halqa.save: below the current folder, through no link, unless the user typed the path
mkdir -p "$TMP/save/real" "$TMP/outside" && ln -s "$TMP/outside" "$TMP/save/link"
save_case() { # NAME PATH EXPECTED
  case_ "halqa.save refuses $1" 0 "$3" "cd save && $H -e \"return select(2, halqa.save('$2', 'x'))\"; ls ../outside ../*.md 2>/dev/null | grep -c . | sed 's/^0$/nothing outside/'"
}
save_case "../ (parent folder)" ../x.md "no '..'"
save_case "../ in the middle" real/../../x.md "no '..'"
save_case "an absolute path" "$TMP/outside/x.md" "an absolute path must be typed by you"
save_case "a symlinked folder" link/x.md "a folder on the way is a link"
save_case "a symlinked folder, then a real one" ./link/x.md "a folder on the way is a link"
case_ "halqa.save still writes below the current folder" 0 "true" "cd save && $H -e \"return halqa.save('real/in.md', 'x')\""
case_ "a path typed as -o is the user's to choose" 0 "wrote" "cd save && $H export --format gift --kind short -o '$TMP/outside/typed.gift'"
case_ "a path typed as --output=... is the user's too" 0 "wrote" "cd save && $H export --format gift --kind short --output=../outside/typed2.gift"
case_ "halqa.save stops after 1000 files in a session" 0 "may write 1000 files" "mkdir many_saves && cd many_saves && $H -e \"for i = 1, 1001 do local ok, why = halqa.save(i .. '.txt', 'x') if not ok then return why end end\""
case_ "drill --report to a folder no file can be made in is refused before the drill" 2 "cannot write in its folder" "$(t $H) drill --teams A,B -n 2 --report /proc/r.md < /dev/null"

# --- data files: a short load limit, and only regular files
broken_data loop events.lua 'while true do end return {}'
case_ "a data file that loops is stopped by the load limit" 1 "events.lua: loading the dataset took more than 1" "$(t $HALQA) --data loop --time-limit 1 -e 1"
case_ "check stops a data file that loops within its load limit" 1 "events.lua: loading the dataset took more than 5" "$(t $HALQA) check --data loop"
mkdir -p "$TMP/fifo" && cp "$FIX"/data-min/*.lua "$TMP/fifo/" && rm "$TMP/fifo/events.lua" && mkfifo "$TMP/fifo/events.lua"
case_ "a FIFO as a data file is refused, not waited on" 1 "events.lua: not a regular file" "$(t $HALQA) check --data fifo"
mkdir -p "$TMP/dirdata" && cp "$FIX"/data-min/*.lua "$TMP/dirdata/" && rm "$TMP/dirdata/events.lua" && mkdir "$TMP/dirdata/events.lua"
case_ "a folder as a data file is refused" 1 "events.lua: not a regular file" "$(t $HALQA) check --data dirdata"

mkdir -p "$TMP/latin1" && cp "$FIX"/data-min/*.lua "$TMP/latin1/" && printf -- '-- caf\351\nreturn {}\n' > "$TMP/latin1/sources.lua"
case_ "a data file in Latin-1 is refused with its line" 1 "sources.lua:1: not valid UTF-8" "$HALQA check --data latin1"
for bytes in '\300\200' '\355\240\200' '\364\220\200\200' '\342\202'; do
  mkdir -p "$TMP/u8" && cp "$FIX"/data-min/*.lua "$TMP/u8/" && printf -- "return { { id = \"x\", title = \"$bytes\" } }\n" > "$TMP/u8/sources.lua"
  case_ "data text with bytes $bytes (not UTF-8) is refused" 1 "sources.lua:1: not valid UTF-8" "$HALQA check --data u8"
done
mkdir -p "$TMP/bom" && cp "$FIX"/data-min/*.lua "$TMP/bom/" && { printf '\357\273\277'; cat "$FIX/data-min/sources.lua"; } > "$TMP/bom/sources.lua"
case_ "a data file with a byte order mark loads" 0 "no problems" "$HALQA check --data bom"

# --- many problems: each one's line found in its own record (bench/check_problems.sh times it)
mkdir -p "$TMP/many" && cp "$FIX"/data-min/*.lua "$TMP/many/"
awk 'BEGIN { print "return {"; for (i = 0; i < 10000; i++) printf "  { id = \"e%d\", title = 5, date = { year = 1948 }, kind = \"founding\", summary = \"x\", sources = { { \"doc\", \"History\" } } },\n", i; print "}" }' > "$TMP/many/events.lua"
case_ "10,000 bad records are each reported on their line, quickly" 0 "10000 at 10001" "$(t $HALQA) check --data many > many.out 2>&1; echo \"\$(grep -c 'title: must be' many.out) at \$(grep \"'e9999'\" many.out | cut -d: -f2)\""

finish
