#!/bin/sh
# tests/cli/run.sh: the halqa binary from the command line — exit statuses, messages, piped REPL.
# Each case: a name, the exit status expected, a text the output must contain, a shell command.
# Needs HALQA (the binary) and HALQA_SOURCE_DIR; ctest sets both.
set -u
: "${HALQA:?set HALQA to the halqa binary}"
: "${HALQA_SOURCE_DIR:?set HALQA_SOURCE_DIR}"
SRC=$HALQA_SOURCE_DIR
FIX=$SRC/tests/fixtures
. "$(dirname "$0")/case.sh"

# A data folder that is the minimal fixture with one file replaced.
broken_data() { # NAME FILE TEXT
  mkdir -p "$TMP/$1" && cp "$FIX"/data-min/*.lua "$TMP/$1"/ && printf '%s' "$3" > "$TMP/$1/$2"
}

H=$HALQA
export H FIX

# --- the command line
case_ "--version prints the version" 0 "halqa 0." '$H --version'
case_ "--help prints usage" 0 "usage: halqa" '$H --help'
case_ "an unknown option is a usage error" 2 "usage: halqa" '$H --frobnicate'
case_ "an unknown option is named" 2 "unknown option '--frobnicate'" '$H --frobnicate'
case_ "a missing option argument is a usage error" 2 "option '--data' needs an argument" '$H --data'
case_ "a bad --mem-limit is refused" 2 "--mem-limit: 'lots' is not a size in MiB" '$H --mem-limit lots -e 1'
case_ "a bad --time-limit is refused" 2 "--time-limit: '-3'" '$H --time-limit -3 -e 1'
case_ "a missing data folder is named" 1 "/nowhere: no dataset folder there" '$H --data /nowhere -e 1'
case_ "a missing scripts folder is named" 1 "--scripts /nowhere: not a folder" '$H --scripts /nowhere -e 1'
case_ "an unknown command is refused" 2 "unknown command 'frobnicate'" '$H frobnicate'
case_ "-e prints what the chunk returns" 0 "42" '$H -e "return 40 + 2"'
case_ "-e prints tables pretty" 0 'name = "Communist Party of Pakistan"' '$H -e "return parties.CPP"'
case_ "-e reports a syntax error" 1 '(command line):1:' '$H -e "return +"'
case_ "a pipe gets a long value whole, never paged" 0 'year = 2013' 'printf "parties.CPP\n" | $H > cpp.txt; ! grep -q "more lines" cpp.txt && cat cpp.txt'
case_ "a long value is wrapped to 80 columns" 0 "80 columns: 0 lines too wide" 'COLUMNS=80 $H -e "return parties.CPP" > cpp.txt; python3 "$HALQA_SOURCE_DIR/tests/cli/widths.py" 80 cpp.txt'
case_ "a wrapped long string reads back as the same string" 0 "200" '$H -e "return #load(\"return \" .. require(\"lib.pretty\")({ s = (\"word \"):rep(40) }))().s"'
case_ "several -e run in order" 0 "7" '$H -e "x = 3" -e "return x + 4"'
case_ "a command runs from the command line" 0 "Commands:" '$H help'
case_ "the README's tour shows the command list as help prints it" 0 "same" 'awk "/^halqa> help\$/ {on=1; next} /^halqa> / {on=0} on" "$HALQA_SOURCE_DIR/README.md" > help_tour.txt; COLUMNS=80 $H --db :memory: help | cmp - help_tour.txt && echo same'
case_ "check --help shows the help without checking the dataset" 0 "usage: check" '$H check --help > ch.txt; ! grep -q "records," ch.txt && cat ch.txt'
case_ "help names a command's usage" 0 "help [COMMAND" '$H help help'
case_ "help cards lists the decks" 0 "Decks: dates, leaders, events, organizations" 'COLUMNS=200 $H help cards'
case_ "help cards lists the keys" 0 "1 again, 2 hard, 3 good, 4 easy" 'COLUMNS=200 $H help cards'
case_ "every command's help shows an example" 0 "all have examples" 'for c in $($H -e "local n = {} for _, c in ipairs(halqa.commands()) do n[#n + 1] = c.name end return table.concat(n, \" \")" | tr -d "\""); do $H help $c | grep -q "^Examples\?:" || { echo "no example: $c"; exit 1; }; done; echo all have examples'
case_ "quiz --help lists every option" 0 "--list-generators" '$H quiz --help'
case_ "a usage error is one line, not the option list" 0 "lines=1" 'echo "lines=$(COLUMNS=200 $H --db :memory: quiz --frobnicate 2>&1 | grep -c .)"'
case_ "help of an unknown command is a usage error" 2 "no command named 'nope'" '$H help nope'
case_ "--scripts adds commands" 0 "hello" '$H --scripts $FIX/scripts echo hello'
case_ "a user scripts folder adds commands" 0 "from-xdg" 'mkdir -p xdg/halqa/scripts/commands && cp $FIX/scripts/commands/echo.lua xdg/halqa/scripts/commands/ && XDG_CONFIG_HOME=$PWD/xdg $H echo from-xdg'

# --- the cache of compiled files ($XDG_CACHE_HOME/halqa/chunks): never stale, never needed.
# Each case has its own copy of the minimal dataset (dN) and its own cache (cN).
for k in 1 2 3 4 5; do mkdir -p "$TMP/d$k" && cp "$FIX"/data-min/*.lua "$TMP/d$k"/; done
case_ "a dataset is compiled into the cache and read back" 0 "Communist Party of Pakistan" 'XDG_CACHE_HOME=$PWD/c1 $H --data d1 -e 1 >/dev/null && ls c1/halqa/chunks/*.luac >/dev/null && XDG_CACHE_HOME=$PWD/c1 $H --data d1 -e "return parties.CPP.name"'
case_ "an edited data file is never served from the cache" 0 "Edited Party" 'XDG_CACHE_HOME=$PWD/c2 $H --data d2 -e 1 >/dev/null && sed -i "s/Communist Party of Pakistan/Edited Party of Pakistan/" d2/parties.lua && XDG_CACHE_HOME=$PWD/c2 $H --data d2 -e "return parties.CPP.name"'
case_ "an edit keeping the size and the time is not served stale" 0 "Xommunist Party" 'XDG_CACHE_HOME=$PWD/c3 $H --data d3 -e 1 >/dev/null && t=$(stat -c %y d3/parties.lua) && sed -i "s/Communist Party of Pakistan/Xommunist Party of Pakistan/" d3/parties.lua && touch -d "$t" d3/parties.lua && XDG_CACHE_HOME=$PWD/c3 $H --data d3 -e "return parties.CPP.name"'
case_ "a damaged cache entry is compiled again" 0 "Communist Party of Pakistan" 'XDG_CACHE_HOME=$PWD/c4 $H --data d4 -e 1 >/dev/null && for f in c4/halqa/chunks/*.luac; do head -c 100 "$f" > "$f.x" && mv "$f.x" "$f"; done && XDG_CACHE_HOME=$PWD/c4 $H --data d4 -e "return parties.CPP.name"'
case_ "a data error keeps its line when read from the cache" 1 "parties.lua:2:" 'printf "return {\n  { id = 3 },\n}\n" > d5/parties.lua && XDG_CACHE_HOME=$PWD/c5 $H --data d5 -e 1 >/dev/null 2>&1; ls c5/halqa/chunks/*.luac >/dev/null && XDG_CACHE_HOME=$PWD/c5 $H --data d5 -e 1'
case_ "--no-cache neither reads nor writes the cache" 0 "no cache" 'XDG_CACHE_HOME=$PWD/c6 $H --no-cache -e "return 1" >/dev/null && { [ ! -e c6/halqa/chunks ] && echo "no cache"; }'
case_ "a script error keeps its file and line with a cache" 1 "bad.lua:2:" 'printf "local x = 1\nerror(\"boom\")\n" > bad.lua && XDG_CACHE_HOME=$PWD/c7 $H bad.lua; XDG_CACHE_HOME=$PWD/c7 $H bad.lua'
case_ "a script starting with #! runs, cached or not" 0 "shebang ok" 'printf "#!/usr/bin/env halqa\nprint(\"shebang ok\")\n" > she.lua && XDG_CACHE_HOME=$PWD/c8 $H she.lua >/dev/null && XDG_CACHE_HOME=$PWD/c8 $H she.lua'

# --- the example in docs/scripting.md works as printed
mkdir -p "$TMP/docs-xdg/halqa/scripts/commands"
awk '/^```lua/{n++; if (n == 1) {on=1; next}} /^```$/{on=0} on' "$SRC/docs/scripting.md" > "$TMP/docs-xdg/halqa/scripts/commands/founded.lua"
case_ "the scripting guide's example command runs" 0 "1948  Communist Party of Pakistan (CPP)" 'XDG_CONFIG_HOME=$PWD/docs-xdg $H founded 1948'
case_ "the scripting guide's example reports a bad year" 2 "YEAR must be a number" 'XDG_CONFIG_HOME=$PWD/docs-xdg $H founded x'

# --- the guide's example generator is picked up like a bundled one
mkdir -p "$TMP/gen-xdg/halqa/scripts/generators"
awk '/^```lua/{n++; if (n == 2) {on=1; next}} /^```$/{on=0} on' "$SRC/docs/scripting.md" > "$TMP/gen-xdg/halqa/scripts/generators/my_founders.lua"
case_ "the guide's example generator makes questions" 0 '"id":	"my_founders.founder.CPP+sajjad_zaheer"' 'XDG_CONFIG_HOME=$PWD/gen-xdg $H export --generator my_founders'
case_ "quiz --list-generators lists a user's generator" 0 "my_founders" 'XDG_CONFIG_HOME=$PWD/gen-xdg $H quiz --list-generators'
case_ "help generators lists the bundled generators" 0 "chronology" '$H help generators'

# --- feedback wraps in the whole width: its continuation lines are not cut short by the indent
mkdir -p "$TMP/wide-xdg/halqa/scripts/generators"
cat > "$TMP/wide-xdg/halqa/scripts/generators/wide.lua" <<'LUA'
return { name = "wide", description = "a long explanation", generate = function(ctx)
  ctx:truefalse{ template = "t", facts = { "CPP" }, prompt = "True or false: the CPP was founded in 1948.",
    statement = "the CPP was founded in 1948", truth = true, explanation = ("abcdefghijkl "):rep(6):sub(1, -2),
    sources = parties.CPP.sources, tags = { "wide" } }
end }
LUA
case_ "a quiz's explanation fills 40 columns on every line" 0 "full=2" 'echo "full=$(printf "true\n" | COLUMNS=40 XDG_CONFIG_HOME=$PWD/wide-xdg $H --db :memory: quiz --generator wide | grep -c "^  abcdefghijkl abcdefghijkl abcdefghijkl$")"'

# --- a broken file of a script author's is one line saying where, not a traceback of halqa's code
mkdir -p "$TMP/broken-xdg/halqa/scripts/generators" "$TMP/broken-xdg/halqa/scripts/circles"
printf 'return {\n  name = = 1\n}\n' > "$TMP/broken-xdg/halqa/scripts/generators/broken.lua"
printf 'return { events = { "cpp_founded_1948" } }\n' > "$TMP/notitle.lua"
case_ "a syntax error in a user's generator names its file and line" 1 "generators/broken.lua:2: unexpected symbol near '='" 'XDG_CONFIG_HOME=$PWD/broken-xdg $H --db :memory: quiz -n 1 </dev/null'
case_ "a syntax error in a user's generator is one line" 0 "lines=1" 'echo "lines=$(XDG_CONFIG_HOME=$PWD/broken-xdg $H --db :memory: quiz -n 1 </dev/null 2>&1 | grep -c .)"'
rm "$TMP/broken-xdg/halqa/scripts/generators/broken.lua" && mv "$TMP/notitle.lua" "$TMP/broken-xdg/halqa/scripts/circles/"
case_ "a circle topic without a title is refused in one line" 0 "circles/notitle.lua: needs a title|lines=1" 'out=$(XDG_CONFIG_HOME=$PWD/broken-xdg $H --db :memory: circle notitle 2>&1); echo "$out|lines=$(printf "%s\n" "$out" | grep -c .)"'
case_ "an unknown generator is one line pointing to the list" 0 "lines=1" 'echo "lines=$(COLUMNS=200 $H --db :memory: quiz --generator nope 2>&1 | grep -c .)"'
mkdir -p "$TMP/late-xdg/halqa/scripts/generators"
timed_case_ "a generator added while the REPL runs is used by the next command" 1 "Who founded the Communist Party of Pakistan?" '{ printf "quiz --generator my_founders -n 1\n"; sleep 1; cp gen-xdg/halqa/scripts/generators/my_founders.lua late-xdg/halqa/scripts/generators/; printf "quiz --generator my_founders -n 1 --seed 1\na\n"; } | XDG_CONFIG_HOME=$PWD/late-xdg $H --db :memory:'
mkdir -p "$TMP/edit-xdg/halqa/scripts/generators"
cp "$TMP/gen-xdg/halqa/scripts/generators/my_founders.lua" "$TMP/edit-xdg/halqa/scripts/generators/"
timed_case_ "a generator edited while the REPL runs is read again by the next command" 0 "Who set up the Communist Party of Pakistan?" '{ printf "quiz --generator my_founders -n 1 --seed 1\nskip\n"; sleep 1; sed -i "s/Who founded/Who set up/" edit-xdg/halqa/scripts/generators/my_founders.lua; printf "quiz --generator my_founders -n 1 --seed 1\nskip\n"; } | XDG_CONFIG_HOME=$PWD/edit-xdg $H --db :memory: | grep -A30 "Who founded"'
mkdir -p "$TMP/edit space/halqa/scripts/generators"
cp "$TMP/gen-xdg/halqa/scripts/generators/my_founders.lua" "$TMP/edit space/halqa/scripts/generators/"
case_ "an edited generator in a folder with a space in its name is read again once" 0 "Who set up the Communist Party of Pakistan?" '{ printf "quiz --generator my_founders -n 1 --seed 1\nskip\n"; sleep 1; sed -i "s/Who founded/Who set up/" "edit space/halqa/scripts/generators/my_founders.lua"; printf "quiz --generator my_founders -n 1 --seed 1\nskip\n"; } | XDG_CONFIG_HOME="$PWD/edit space" $H --db :memory: | grep -A30 "Who founded"'
case_ "the guide's example generator is asked in a quiz" 0 "Who founded the Communist Party of Pakistan?" 'printf "a\n" | XDG_CONFIG_HOME=$PWD/gen-xdg $H quiz --seed 1 --id my_founders.founder.CPP+sajjad_zaheer'

# --- the guide's lazy-form generator: the same questions, built one key at a time
awk '/^-- generators\/my_founders_lazy.lua/{on=1} /^```$/{on=0} on' "$SRC/docs/scripting.md" > "$TMP/gen-xdg/halqa/scripts/generators/my_founders_lazy.lua"
case_ "the guide's lazy generator makes the simple one's questions" 0 "same questions" 'XDG_CONFIG_HOME=$PWD/gen-xdg $H export --format json --generator my_founders | grep "\"id\"" | sed "s/my_founders\./G./" > simple.ids && XDG_CONFIG_HOME=$PWD/gen-xdg $H export --format json --generator my_founders_lazy | grep "\"id\"" | sed "s/my_founders_lazy\./G./" > lazy.ids && test -s simple.ids && cmp simple.ids lazy.ids && echo same questions'
case_ "the guide's lazy generator is asked in a quiz" 0 "Who founded the" 'printf "a\n" | XDG_CONFIG_HOME=$PWD/gen-xdg $H --db :memory: quiz -n 1 --seed 3 --generator my_founders_lazy'

# --- the guide's example card generator makes a deck
mkdir -p "$TMP/card-xdg/halqa/scripts/cards"
awk '/^-- cards\/founders.lua/{on=1} /^```$/{on=0} on' "$SRC/docs/scripting.md" > "$TMP/card-xdg/halqa/scripts/cards/founders.lua"
case_ "the guide's example card generator makes a deck" 0 "Who founded the Communist Party of Pakistan?" 'printf "Sajjad Zaheer\nquit\n" | XDG_CONFIG_HOME=$PWD/card-xdg $H --db :memory: cards founders'
case_ "a typed answer on a custom card is graded" 0 "Easy: next review" 'printf "Sajjad Zaheer\n\nquit\n" | XDG_CONFIG_HOME=$PWD/card-xdg $H --db :memory: cards founders'
mkdir -p "$TMP/export-xdg/halqa/scripts/exports"
awk '/^-- exports\/plain.lua/{on=1} /^```$/{on=0} on' "$SRC/docs/scripting.md" > "$TMP/export-xdg/halqa/scripts/exports/plain.lua"
case_ "the guide's example export format runs" 0 "Where was the Communist Party of Pakistan founded on 6 March 1948? => Calcutta (Kolkata), India" 'XDG_CONFIG_HOME=$PWD/export-xdg $H --db :memory: export --format plain --kind short'
case_ "the guide's example export format says what it left out" 0 "plain: left out 239 questions (239 choice): plain lines have no choices" 'XDG_CONFIG_HOME=$PWD/export-xdg $H --db :memory: export --format plain --kind choice'

# --- scripts
printf 'print("args:", #arg, arg[1], arg[2])\nreturn 1\n' > "$TMP/args.lua"
printf 'local x = 1\nlocal y = = 2\n' > "$TMP/syntax.lua"
printf 'local function boom() error("kaboom") end\nboom()\n' > "$TMP/runtime.lua"
printf 'os.execute("touch escaped")\n' > "$TMP/exec.lua"
printf 'local f = io.open("/etc/passwd")\n' > "$TMP/io.lua"
printf 'return loadfile("/etc/passwd")\n' > "$TMP/loadfile.lua"
printf 'parties.CMKP.name = "x"\n' > "$TMP/write.lua"
printf 'local t = {} while true do t[#t + 1] = ("x"):rep(1 << 16) end\n' > "$TMP/alloc.lua"
printf 'while true do end\n' > "$TMP/loop.lua"
printf '\033LuaT\000\031\223\r\n\032\n' > "$TMP/binary.lua"
case_ "a script gets its arguments in arg" 0 "args:	2	a	b c" '$H args.lua a "b c"'
case_ "a script gets 200 arguments (the Lua stack grows for them)" 0 "args:	200	1	2" '$H args.lua $(seq 1 200)'
case_ "a script's syntax error is file:line" 1 "syntax.lua:2:" '$H syntax.lua'
case_ "a script's runtime error has a traceback" 1 "stack traceback" '$H runtime.lua'
case_ "a script's runtime error is file:line" 1 "runtime.lua:1: kaboom" '$H runtime.lua'
case_ "a script cannot run a program" 1 "field 'execute'" '$H exec.lua; s=$?; test ! -e escaped && exit $s'
case_ "a script cannot open files" 1 "nonexistent global variable 'io'" '$H io.lua'
case_ "a script cannot load files" 1 "nonexistent global variable 'loadfile'" '$H loadfile.lua'
case_ "a script cannot write the dataset" 1 "read-only table 'parties.CMKP'" '$H write.lua'
case_ "a script cannot allocate without end" 1 "not enough memory" '$H --mem-limit 32 alloc.lua'
case_ "a script cannot loop without end" 1 "time limit exceeded" '$H --time-limit 0.3 loop.lua'
case_ "a binary script is refused" 1 "binary chunk" '$H binary.lua'
case_ "a missing script is named" 1 "cannot open nothere.lua" '$H nothere.lua'

# --- the piped REPL
case_ "piped input prints expressions" 0 "42" 'printf "return 40+2\n" | $H'
case_ "piped input without return prints expressions" 0 "42" 'printf "40+2\n" | $H'
case_ "a piped chunk may span lines" 0 "6" 'printf "function f(x)\n  return x * 2\nend\nreturn f(3)\n" | $H'
case_ "a failing line makes the exit status non-zero" 1 "nonexistent global variable 'nope'" 'printf "return nope\nreturn 1\n" | $H'
# --- answers of the wrong form are asked again; a question with no hint costs nothing for `?`
TF=dates.year_tf.russian_revolution_1917; export TF
case_ "a near spelling of false counts, after xyz is asked again" 0 "Score: 1 of 1" 'printf "xyz\nflase\n" | $H --db :memory: quiz --seed 1 --id $TF'
case_ "xyz on a true/false question is asked again" 0 "Answer true or false" 'printf "xyz\nflase\n" | $H --db :memory: quiz --seed 1 --id $TF'
case_ "? with no hint keeps the full score" 0 "Score: 1 of 1 (100%)" 'printf "?\nfalse\n" | $H --db :memory: quiz --seed 1 --id $TF'
case_ "the quiz says up front what a hint costs" 0 "a hinted answer" 'printf "false\n" | $H --db :memory: quiz --seed 1 --id $TF'
case_ "one question is \"1 question\"" 0 "Quiz: 1 question (seed 1)" 'printf "false\n" | $H --db :memory: quiz --seed 1 --id $TF'
case_ "true on a number question is asked again" 0 "That is not a number" 'printf "true\n10\n" | $H --db :memory: quiz --seed 1 --id events.figure.east_pakistan_election_1954.1'
case_ "a number answer asked again then right scores" 0 "Score: 1 of 1" 'printf "true\n10\n" | $H --db :memory: quiz --seed 1 --id events.figure.east_pakistan_election_1954.1'
# --- flashcards: the proposed rating, an override, intervals beside the ratings, the answer once, siblings
CARD1='printf "1950s\n1\nquit\n" | $H --db :memory: cards dates --limit 3 --steps "" --relearning-steps ""'
case_ "a typed answer shows the rating halqa proposes" 0 "halqa rates this" "$CARD1"
case_ "the learner overrides the proposed rating with 1" 0 "Again: next review tomorrow" "$CARD1"
case_ "each rating shows its next interval" 0 "3 Good 2 days" "$CARD1"
case_ "Enter keeps the proposed rating" 0 "next review in" 'printf "1950s\n\nquit\n" | $H --db :memory: cards dates --limit 3 --steps "" --relearning-steps ""'
case_ "the typed answer's feedback prints the answer once" 0 "once" 'out=$(printf "1950s\n1\nquit\n" | $H --db :memory: cards dates --limit 3 --steps "" --relearning-steps ""); echo "$out" | grep -qx "  1950s" || echo once'
case_ "sibling cards are not shown in one session" 0 "buried" 'out=$(yes "" | head -200 | $H --db :memory: cards dates --limit 30 --steps "" --relearning-steps "" 2>&1); echo "$out" | grep -q "When was the Azad Pakistan Party founded" && ! echo "$out" | grep -q "was founded in the 1950s. Which party" && echo buried'

case_ "an unknown global typed at the REPL is one line, no traceback" 0 "lines=1" 'echo "lines=$(printf "clear\n" | $H --db :memory: 2>&1 | grep -c .)"'
case_ "the REPL goes on after a failing line" 1 "after" 'printf "error(\"x\")\nprint(\"after\")\n" | $H'
case_ "the REPL goes on after a sandbox escape" 1 "still here" 'printf "os.execute(\"true\")\nio.open(\"/etc/passwd\")\nparties.CPP = 1\nprint(\"still here\")\n" | $H'
case_ "the REPL goes on after running out of memory" 1 "2" 'printf "local t = {} while true do t[#t+1] = (\"x\"):rep(1 << 16) end\nreturn 1 + 1\n" | $H --mem-limit 32'
case_ "unfinished input at the end is a syntax error" 1 "<eof>" 'printf "function f()\n" | $H'
case_ "commands run from piped input" 0 "Commands:" 'printf "help\n" | $H'
case_ "quit ends piped input" 0 "" 'printf "quit\nerror(\"not reached\")\n" | $H'
case_ "a variable named like a command is Lua" 0 "5" 'printf "help = 5\nreturn help\n" | $H'
case_ "globals persist between lines" 0 "10" 'printf "x = 4\ny = 6\nreturn x + y\n" | $H'
timed_case_ "SIGINT stops a running piped script" 1 "interrupted!" '(printf "while true do end\n"; sleep 2) | $H --time-limit 0 & pid=$!; sleep 1; kill -INT $pid; wait $pid'

# --- quizzes and the question bank
export Q="--seed 1 --id dates.founded.CPP --id dates.when.cpp_founded --id dates.founded_cloze.CPP --id dates.founded.CMKP --id dates.founded.NAP --id dates.year.cmkp_founded_1995"
case_ "a piped quiz scores right, near-miss, typo, skipped, garbage and wrong answers" 0 '"score":	2.5' 'printf "6 March 1948\n1948\nComunist Party of Pakistan\nskip\n%%%%#@!\n1998\n" | $H quiz $Q --json'
case_ "a piped quiz counts every answer" 0 '"asked":	6' 'printf "6 March 1948\n1948\nComunist Party of Pakistan\nskip\n%%%%#@!\n1998\n" | $H quiz $Q --json'
case_ "a piped quiz prints feedback, source and summary" 0 "Score: 2.5 of 6" 'printf "6 March 1948\n1948\nComunist Party of Pakistan\nskip\n%%%%#@!\n1998\n" | $H quiz $Q'
case_ "a near miss names the full answer" 0 "6 March 1948" 'printf "1948\n" | $H quiz --seed 1 --id dates.when.cpp_founded'
case_ "an ambiguous date is asked again" 0 '"verdict":	"correct"' 'printf "6/3/1948\n1948-03-06\n" | $H quiz --seed 1 --id dates.when.cpp_founded --json'
case_ "quit ends a quiz early" 0 "Stopped after 1 of 2 questions" 'printf "1948\nquit\n" | $H quiz --seed 1 --id dates.when.cpp_founded --id dates.founded.CMKP'
case_ "end of input ends a quiz" 0 "Stopped after 0 of 1 questions" 'printf "" | $H quiz --seed 1 --id dates.when.cpp_founded'
case_ "the same seed gives the same quiz" 0 "" 'a=$(printf "" | $H quiz -n 5 --seed 9); b=$(printf "" | $H quiz -n 5 --seed 9); test "$a" = "$b"'
case_ "quiz -n asks that many" 0 '"questions":	3' 'printf "" | $H quiz -n 3 --seed 2 --json'
case_ "quiz filters by kind" 0 '"kind":	"date"' 'printf "skip\nskip\n" | $H quiz -n 2 --seed 2 --kind date --json'
case_ "quiz refuses an unknown kind" 2 "no questions with kind 'riddle'" '$H quiz --kind riddle'
case_ "quiz refuses an unknown party" 2 "no party with id 'XYZ'" '$H quiz --party XYZ'
case_ "quiz refuses an unknown option" 2 "unknown option '--frob'" '$H quiz --frob'
case_ "quiz refuses a bad count" 2 "option '-n': 'many' is not a whole number" '$H quiz -n many'
case_ "quiz refuses an unknown question id" 2 "no question with id 'nope'" '$H quiz --id nope'
case_ "quiz runs in the piped REPL" 0 "Score: 1 of 1" 'printf "quiz --seed 1 --id dates.founded.CMKP\n1995\n" | $H'
case_ "export prints the bank as JSON" 0 '"id":	"dates.founded.CPP"' '$H export --format json'
case_ "export has the promised fields" 0 '"accepted":' '$H export --format json --generator dates'
case_ "export is deterministic for a seed" 0 "" 'a=$($H export --seed 4 | cksum); b=$($H export --seed 4 | cksum); test "$a" = "$b"'
case_ "export refuses an unknown format" 2 "unknown format 'xml' (one of: " '$H export --format xml'
case_ "the piped REPL writes an Anki package" 0 "apkg: wrote 726 questions to r.apkg" 'rm -f r.apkg; printf "export --format apkg -o r.apkg\n" | $H && test -s r.apkg'
case_ "a binary format needs -o" 2 "this format is a binary file: give -o FILE" '$H export --format kahoot'
case_ "an export never replaces a file" 1 "r.gift: already exists (halqa never replaces a file" 'rm -f r.gift; $H export --format gift -o r.gift 2>/dev/null; $H export --format gift -o r.gift'
case_ "an export to a file it may not write is refused before the work" 1 "may only write files ending in" '$H export --format gift -o bank.lua'
case_ "export --format json -o writes the .json file its help offers" 0 "\"kind\":" '$H --db :memory: export --format json --kind truefalse -o bank.json && grep -m1 "\"kind\":" bank.json'
case_ "kahoot refuses a time Kahoot does not offer" 2 "Kahoot allows 5, 10, 20, 30, 60, 90, 120 or 240 seconds" '$H export --format kahoot --time 15 -o k.xlsx'
case_ "the csv layout must be anki or quizlet" 2 "must be anki or quizlet" '$H export --format csv --layout moodle'
case_ "gift says what it left out on stderr, not in the file" 0 "gift: left out 18 questions (18 order): GIFT has no ordering question" '$H export --format gift 2>&1 >/dev/null'

# --- flashcards and the progress store
# The dates deck's first new cards (by id) are the Azad Pakistan Party's founding ("1950s"; the
# cloze naming it is its sibling, buried), the CMKP's and the CPEP's: a typed right answer (fast:
# Easy, kept with Enter), a self-rating (Hard), a wrong answer (Again, kept with Enter), then quit.
CARDS_IN='1950s\n\n\n2\n1990\n\nquit\n'
export CARDS_IN
count_reviews='local n = 0 for _, h in ipairs(halqa.store.stats(nil, 1).heatmap) do n = n + h.reviews end return "reviews=" .. n'
export count_reviews
case_ "a piped review rates typed answers and self-ratings" 0 "Again 1 · Hard 1 · Good 0 · Easy 1" 'printf "$CARDS_IN" | $H --db cards1.db cards dates --steps "" --relearning-steps ""'
case_ "a review session's ratings are in the store" 0 "4,2,1" '$H --db cards1.db -e "local r = {} for _, f in ipairs({\"APP\", \"CMKP\", \"CPEP\"}) do for _, h in ipairs(halqa.store.history(f)) do if h.kind == \"review\" then r[#r + 1] = h.rating end end end return table.concat(r, \",\")"'
case_ "undo takes back the last rating" 0 "Took back the last rating (Hard)" 'printf "\n2\nundo\n\n3\nquit\n" | $H --db :memory: cards dates --steps "" --relearning-steps ""'
case_ "a lower desired retention spaces reviews further" 0 "Easy: next review in 28 days" 'printf "\n4\nquit\n" | $H --db :memory: cards dates --retention 0.8'
case_ "the default retention schedules a new Easy card in 8 days" 0 "Easy: next review in 8 days" 'printf "\n4\nquit\n" | $H --db :memory: cards dates --steps "" --relearning-steps ""'
case_ "a deck's desired retention is kept for its next sessions" 0 "Easy: next review in 28 days" 'printf "quit\n" | $H --db ret.db cards dates --retention 0.8 >/dev/null; printf "\n4\nquit\n" | $H --db ret.db cards dates --steps "" --relearning-steps ""'
case_ "another deck keeps the default retention" 0 "Easy: next review in 8 days" 'printf "\n4\nquit\n" | $H --db ret.db cards leaders'
case_ "a new Good card goes to its 10 minute learning step" 0 "Good: back in 10 minutes." 'printf "\n3\nquit\n" | $H --db :memory: cards dates'
case_ "a card on a learning step comes back in the same session" 0 "Card 2 of 2  [dates]" 'printf "\n1\n\n3\nquit\n" | $H --db :memory: cards dates --limit 1 --new 1'
case_ "learning steps can be turned off" 0 "Good: next review in 2 days" 'printf "\n3\nquit\n" | $H --db :memory: cards dates --steps ""'
case_ "a bad learning step is a usage error" 2 "learning_steps[1] must be minutes" '$H --db :memory: cards dates --steps "5x"'
case_ "optimize says how many reviews it needs" 0 "Not enough reviews to fit your own weights: 0 of the 64 needed" '$H --db :memory: cards --optimize'
case_ "cards refuses an unknown deck" 2 "no deck 'nope'" '$H --db :memory: cards nope'
case_ "a party is a deck" 0 "to review" 'printf "quit\n" | $H --db :memory: cards CMKP'
case_ "the daily new-card limit holds across sessions" 0 "Nothing to review in dates today" 'printf "\n4\n\n4\nquit\n" | $H --db cards2.db cards dates --new 2 >/dev/null; printf "quit\n" | $H --db cards2.db cards dates --new 2'
case_ "a missed quiz question makes its cards due" 0 "due=1" 'printf "\n3\nquit\n" | $H --db cards3.db cards dates --new 1 >/dev/null; printf "1990\n" | $H --db cards3.db quiz --seed 1 --id dates.founded.APP >/dev/null; $H --db cards3.db -e "return \"due=\" .. #halqa.store.due(\"dates\")"'
case_ "quiz answers are saved with their session" 0 "wrong" 'printf "1990\n" | $H --db quiz1.db quiz --seed 1 --id dates.founded.CMKP >/dev/null; $H --db quiz1.db -e "for _, h in ipairs(halqa.store.history(\"CMKP\")) do if h.kind == \"answer\" then return h.verdict end end"'
# Every figure of stats agrees with the scripted session above (APP Easy, CMKP Hard, CPEP Again)
# and with what the session said ("Again: ... due tomorrow").
case_ "the session told when the Again card is due" 0 "Again: next review tomorrow" 'printf "$CARDS_IN" | COLUMNS=200 $H --db :memory: cards dates --steps "" --relearning-steps ""'
case_ "stats: three dates cards learning, none due today" 0 "ok" '$H --db cards1.db stats | grep -E "^dates +[0-9]+ +3 +0 +0$" >/dev/null && echo ok'
case_ "stats: the fact just rated Again is the weakest" 0 "1. Communist Party of East Pakistan — recall 100%, 0 lapses, last rated Again, due tomorrow" 'COLUMNS=200 $H --db cards1.db stats'
case_ "stats: the Hard fact is due tomorrow, the Easy one in 8 days" 0 "ok" 'out=$(COLUMNS=200 $H --db cards1.db stats); echo "$out" | grep -q "Communist Mazdoor Kissan Party — recall 100%, 0 lapses, last rated Hard, due tomorrow" && echo "$out" | grep -q "Azad Pakistan Party — recall 100%, 0 lapses, last rated Easy, due in 8 days" && echo ok'
case_ "stats: the forecast counts the two cards due tomorrow" 0 "ok" '$H --db cards1.db stats --json | tr -d " \t\n" | grep -q "\"due\":2" && echo ok'
case_ "stats shows decks, retention, heatmap and forecast" 0 "Due in the next 14 days:" '$H --db cards1.db stats'
case_ "stats --json is machine-readable" 0 '"retention":' '$H --db cards1.db stats --json'
case_ "a missing store is not created by reading it" 0 "absent" '$H --db lazy/dir/progress.db stats >/dev/null; test -e lazy && echo present || echo absent'
printf 'this is not a database, just some bytes that are long enough to look like a header............' > "$TMP/corrupt.db"
case_ "a corrupt store starts in no-save mode and says why" 0 "corrupt.db" '$H --db corrupt.db -e "return halqa.store.mode()"'
case_ "a corrupt store is left as it was" 0 "" 'a=$(cksum < corrupt.db); printf "\n3\nquit\n" | $H --db corrupt.db cards dates >/dev/null 2>&1; test "$a" = "$(cksum < corrupt.db)"'
# A year of reviews of the dates deck by a simulated learner, then the optimizer and stats.
cat > "$TMP/year.lua" <<'LUA'
local rng, day = halqa.random(3), 86400
local t0 = os.time() - 400 * day
for _, c in ipairs(halqa.store.new_cards("dates", 40)) do
  local now = t0
  halqa.store.review(c.id, 4, { now = now })
  for _ = 1, 5 do
    now = now + math.max(1, halqa.store.card(c.id).interval) * day + rng:int(0, 2) * day
    halqa.store.review(c.id, rng:int(1, 5) == 1 and 1 or 3, { now = now })
    if halqa.store.card(c.id).phase == "relearning" then halqa.store.review(c.id, 3, { now = now + 600 }) end
  end
end
LUA
case_ "cards --optimize fits the weights and prints both losses" 0 "  after:  log loss" 'printf "quit\n" | $H --db fit.db cards dates >/dev/null; $H --db fit.db year.lua && $H --db fit.db cards --optimize'
case_ "stats names the fitted weights in use" 0 "with your own weights, fitted" '$H --db fit.db stats'
case_ "cards --optimize fits 40 columns" 0 "40 columns: 0 lines too wide" 'COLUMNS=40 $H --db fit.db cards --optimize > opt40.txt; python3 "$HALQA_SOURCE_DIR/tests/cli/widths.py" 40 opt40.txt'
case_ "stats forecasts the workload at a second retention" 0 "yours vs 80% retention" '$H --db fit.db stats --compare 0.8'
case_ "cards --optimize takes no deck" 2 "--optimize fits every deck at once" '$H --db :memory: cards dates --optimize'
printf 'local ids = {}\nfor _, c in ipairs(halqa.store.new_cards("dates", 30)) do ids[#ids + 1] = c.id end\nfor _, id in ipairs(ids) do halqa.store.review(id, 3) end\n' > "$TMP/two.lua"
case_ "two processes review one store" 0 "reviews=" 'printf "quit\n" | $H --db shared.db cards dates >/dev/null; $H --db shared.db two.lua & $H --db shared.db two.lua; s=$?; wait $! || s=1; test $s = 0 && $H --db shared.db -e "$count_reviews"'
timed_case_ "a session killed with SIGKILL keeps every committed answer" 0 "reviews=3" '(printf "\n3\n\n3\n\n3\n"; sleep 3) | $H --db killed.db cards dates > killed.out & pid=$!; sleep 1.5; kill -9 $pid; wait; $H --db killed.db -e "$count_reviews"'

# --- bad data
broken_data syntax parties.lua 'return {
  { id = "CPP",
    name = = "x" },
}'
broken_data unknown parties.lua 'return {
  {
    id = "CPP", name = "x",
    founded = { year = 1948, month = 13 },
    sources = { { "doc", "History" } },
  },
}'
case_ "a data syntax error stops start-up with file:line" 1 "parties.lua:3:" '$H --data syntax -e 1'
case_ "invalid data stops start-up with file:line" 1 "parties.lua:4: party 'CPP': founded: bad date: month 13 is not 1-12" '$H --data unknown -e 1'
case_ "invalid data is not half loaded" 1 "" '$H --data unknown -e "print(\"ran\")" | grep -q ran && exit 0 || exit 1'
case_ "check validates the bundled data before linting" 0 "113 records, no problems" '$H check'
case_ "check prints counts per table" 0 "parties" '$H check'
case_ "check finds nothing wrong in the bundled question bank" 0 "questions linted, 0 problems" '$H check'
case_ "check --coverage ends with the fields asked" 0 "fields asked (" '$H check --coverage'
case_ "check --coverage is complete on the bundled data" 0 "fields asked (100%)" '$H check --coverage'
# The README's tour is real output: its quiz, less the typed answers, is what halqa prints.
case_ "the README's sample quiz is halqa's own output" 0 "" \
  'awk "/^halqa> quiz -n 3 --seed 28 --topic linked/{on=1; next} /^\.\.\.\$/{on=0} on && !/^> /" "$HALQA_SOURCE_DIR/README.md" > tour.txt &&
   printf "true\nd\n3\n" | $H --db :memory: quiz -n 3 --seed 28 --topic linked | head -n "$(wc -l < tour.txt)" | diff tour.txt -'
case_ "check --coverage names the questions asking a field" 0 "CPP.student_wing: organizations.student_wing.CPP+DSF" '$H check --coverage'
case_ "check reports a broken dataset" 1 "halqa check: 2 problems in unknown" '$H check --data unknown'
case_ "check takes no other arguments" 2 "check: unexpected argument 'extra'" '$H check extra'

# --- study circles
# The answers a circle topic expects, one a line (letters for choices), from the topic itself.
circle_answers='local tp = require("lib.circle.topic").get(arg[1], require("lib.quiz.bank").build(1))
for _, q in ipairs(tp.questions) do
  if q.kind == "choice" or q.kind == "multi" then
    local l = {}
    for i, c in ipairs(q.correct) do l[i] = string.char(96 + c) end
    print(table.concat(l, " "))
  else
    print(q.answer)
  end
end'
printf '%s\n' "$circle_answers" > "$TMP/circle_answers.lua"
case_ "circle --list prints an entry per topic: id, minutes, questions, title" 0 "" 'test "$($H --db :memory: circle --list | grep -cE "^[a-z0-9_]+ +[0-9]+ min +[0-9]+ questions? +[^ ]")" -ge 8'
case_ "circle --list names the bundled topics" 0 "cpp_founding      2 min  8 questions   The founding of the CPP (1948)" '$H --db :memory: circle --list'
case_ "circle --check finds every bundled reading sound" 0 "8 topics checked, 0 problems" '$H --db :memory: circle --check'
case_ "circle refuses an unknown topic" 2 "circle: no topic 'nope' (topics: " '$H --db :memory: circle nope'
case_ "an unknown topic is a one-line error" 2 "" 'out=$($H --db :memory: circle nope 2>&1); s=$?; test "$(printf "%s\n" "$out" | wc -l)" -eq 1 && exit $s'
$H --db :memory: circle --list | grep -v "^ " > "$TMP/circles.txt"
while read -r CIRCLE_ID CIRCLE_REST; do
  export CIRCLE_ID
  case_ "a piped circle on $CIRCLE_ID runs end to end with every answer right" 0 "Score: 8 of 8 (100%)" \
    '{ $H --db :memory: circle_answers.lua $CIRCLE_ID; printf "a first point\n\na second point\n\na third\n\na fourth\n\n"; } | $H --db circle-$CIRCLE_ID.db circle $CIRCLE_ID'
  case_ "a piped circle on $CIRCLE_ID keeps its notes" 0 "Saved in the progress store" \
    '{ $H --db :memory: circle_answers.lua $CIRCLE_ID; printf "a first point\n\n"; } | $H --db circle-$CIRCLE_ID-2.db circle $CIRCLE_ID'
done < "$TMP/circles.txt"
case_ "a circle's summary gives the facts missed" 0 "  - MKP splits into three factions (1978)" 'printf "skip\nquit\n" | $H --db :memory: circle cmkp_1990s'
case_ "a circle's summary gives the notes" 0 "     - more than one point" 'printf "quit\nmore than one point\nin two lines\n\n" | $H --db :memory: circle cmkp_1990s'
case_ "notes typed in a circle are in the store afterwards" 0 "the party was weak in the West" 'printf "quit\nthe party was weak in the West\nbut had a base in the East\n\n" | $H --db notes.db circle east_pakistan >/dev/null; $H --db notes.db -e "for _, h in ipairs(halqa.store.history(\"cpp_fourth_congress_1968\")) do if h.question == \"circle.east_pakistan.discussion.1\" then return h.given end end"'
if command -v sqlite3 >/dev/null 2>&1; then
  case_ "a circle's notes are its session's notes, as JSON" 0 '"notes":["the party was weak in the West","but had a base in the East"]' 'sqlite3 notes.db "select notes from sessions order by id desc limit 1"'
fi
case_ "a circle's answers are saved with their session" 0 "skipped" 'printf "skip\nquit\n" | $H --db circle3.db circle cpp_founding >/dev/null; $H --db circle3.db -e "for _, h in ipairs(halqa.store.history(\"russian_revolution_1917\")) do if h.kind == \"answer\" then return h.verdict end end"'
review_fact='for _, c in ipairs(halqa.store.new_cards(nil, 100000)) do for _, f in ipairs(c.facts) do if f == arg[1] then halqa.store.review(c.id, 4) end end end'
printf '%s\n' "$review_fact" > "$TMP/review_fact.lua"
case_ "a fact missed in a circle makes its flashcards due again" 0 "1 flashcard of these facts is due again" 'printf "quit\n" | $H --db circle-due.db cards dates >/dev/null; $H --db circle-due.db review_fact.lua mkp_split_1978; printf "skip\nquit\n" | $H --db circle-due.db circle cmkp_1990s'
case_ "a circle runs in the piped REPL" 0 "Summary: The CPP today" 'printf "circle cpp_today\nquit\n\n" | $H --db :memory:'
case_ "a circle without a topic asks for one" 0 "Study circle: The founding of the CPP (1948)" 'printf "1\nquit\n" | $H --db :memory: circle'
case_ "a handout has the reading, timeline, questions, prompts and key" 0 "" '$H --db :memory: export --format handout cmkp_1990s > h.md && for s in "## Reading" "## Timeline" "## Questions" "## Discussion" "## Answer key" "Sources"; do grep -qF -- "$s" h.md || { echo "no $s"; exit 1; }; done'
case_ "export --format handout -o writes what standard output gets" 0 "same" '$H --db :memory: export --format handout cmkp_1990s -o ho.md && $H --db :memory: export --format handout cmkp_1990s | cmp - ho.md && echo same'
case_ "export --format handout -o never replaces a file" 1 "already exists" '$H --db :memory: export --format handout cmkp_1990s -o ho.md'
case_ "a circle's reading cites its sources by title on screen, not by file name" 0 "[1] Communist Party of Pakistan, section" 'printf "\n" | $H --db :memory: circle cpp_founding | sed -n "/^Sources/,/^\$/p" > notes.txt; ! grep -q "\.txt" notes.txt && cat notes.txt'
case_ "a handout's answer key starts on a new page" 0 "" '$H --db :memory: export --format handout cmkp_1990s | awk "/page-break-before: always/ { b = NR } /^## Answer key/ { k = NR } END { exit !(b && k > b) }"'
printf '%s\n' 'local H = require("lib.circle.handout")' 'local tp = require("lib.circle.topic").get(arg[1], require("lib.quiz.bank").build(1))' 'for n, q in ipairs(tp.questions) do print(H.md(q.prompt)) print(string.format("%d. **%s**", n, H.md(H.key(q)))) end' > "$TMP/handout_lines.lua"
case_ "a handout holds every question of the topic and its answer in the key" 0 "" 'for t in cpp_founding cmkp_splits; do $H --db :memory: export --format handout $t > h-$t.md; $H --db :memory: handout_lines.lua $t > h-$t.want; while IFS= read -r l; do grep -qF -- "$l" h-$t.md || { echo "$t: missing $l"; exit 1; }; done < h-$t.want; done'
case_ "a handout needs a topic" 2 "export: a handout needs a TOPIC (one of: " '$H --db :memory: export --format handout'
case_ "a handout of an unknown topic is refused" 2 "export: no topic 'nope'" '$H --db :memory: export --format handout nope'

# --- the guide's example circle topic is found, checked, run and printed like a bundled one
mkdir -p "$TMP/circle-xdg/halqa/scripts/circles"
awk '/^```lua/ { on = 1; buf = ""; next } /^```$/ { if (on && buf ~ /^-- circles\//) printf "%s", buf; on = 0; next } on { buf = buf $0 "\n" }' "$SRC/docs/scripting.md" > "$TMP/circle-xdg/halqa/scripts/circles/mergers_2015.lua"
case_ "the guide's example topic is listed" 0 "mergers_2015" 'XDG_CONFIG_HOME=$PWD/circle-xdg $H --db :memory: circle --list'
case_ "the guide's example topic passes the check" 0 "1 topic checked, 0 problems" 'XDG_CONFIG_HOME=$PWD/circle-xdg $H --db :memory: circle --check mergers_2015'
case_ "the guide's example topic runs" 0 "Summary: Two mergers in one year (2015)" 'printf "quit\nit was small\n\n\n" | XDG_CONFIG_HOME=$PWD/circle-xdg $H --db :memory: circle mergers_2015'
case_ "the guide's example topic prints a handout" 0 "## Answer key: Two mergers in one year (2015)" 'XDG_CONFIG_HOME=$PWD/circle-xdg $H --db :memory: export --format handout mergers_2015'
printf 'return { title = "Broken", events = { "cpp_founded" }, reading = function(r) r:say("{when:hassan_nasir_killed} it happened.") end, prompts = { "Why?", "How?" } }\n' > "$TMP/circle-xdg/halqa/scripts/circles/broken.lua"
case_ "a topic that states an inferred date is refused, naming the file" 1 "circles/broken.lua: reading, paragraph 1, sentence 1: {when:hassan_nasir_killed} states a date the sources do not give" 'XDG_CONFIG_HOME=$PWD/circle-xdg $H --db :memory: circle --check'

finish
