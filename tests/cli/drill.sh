#!/bin/sh
# tests/cli/drill.sh: the classroom drill from the command line — a scripted drill with simulated
# time (it must not sleep), its report's figures, the worksheet for its seed, narrow terminals,
# and every usage error. Cases as in tests/cli/run.sh: name, exit status, text wanted, command.
set -u
: "${HALQA:?set HALQA to the halqa binary}"
. "$(dirname "$0")/case.sh"
H="$HALQA --db :memory:"
export H HALQA
SEL="--kind truefalse --seed 11 -n 3"
export SEL

# The answers to the three true/false questions of this seed, from the worksheet's key.
key=$(cd "$TMP" && $H export --format worksheet $SEL | sed -n 's/^[0-9]\. \*\*\(true\|false\)\*\*.*/\1/p' | tr '\n' ' ')
set -- $key
K1=$1 K2=$2 K3=$3
flip() { [ "$1" = true ] && echo false || echo true; }
W2=$(flip "$K2")
export K1 K2 K3 W2

# A scripted drill, simulated clock: Red times out (/wait 25 of 20 s) and it passes to Green,
# who is right; on question 2 both miss and the teacher accepts Red's answer (/ok) at the start of
# question 3; a point given and undone; a pause; Red right on question 3.
printf '/wait 25\n%s\n%s\n%s\n/ok\n/+ Green\n/undo\n/pause\n\n/wait 4\n%s\n' "$K1" "$W2" "$W2" "$K3" > "$TMP/script.in"
RUN='timeout 10 $H drill --teams "Red,Green" --time 20 $SEL --report r.csv < script.in'
case_ "a scripted drill runs to the end" 0 "Final standings" "rm -f r.csv; $RUN"
case_ "a time-out passes to the next team" 0 "Passed to Green for 5 points." "rm -f r.csv; $RUN"
case_ "the pass answered right earns half" 0 "Right, Green! +5" "rm -f r.csv; $RUN"
case_ "the teacher accepts a rejected answer" 0 "Accepted Red's answer \"$W2\": +5." "rm -f r.csv; $RUN"
case_ "undo takes back the point given" 0 "Undone: +1 for Green." "rm -f r.csv; $RUN"
case_ "the final standings count overrides and passes" 0 "1. Red — 15 points, 2 right of 3 answered (67%)" "rm -f r.csv; $RUN"
case_ "Green's figures" 0 "2. Green — 5 points, 1 right of 2 answered (50%)" "rm -f r.csv; $RUN"
case_ "simulated time is what the report counts (no sleeping)" 0 "Time: 0:29." "rm -f r.csv; $RUN"
case_ "the CSV report has one row per answer" 0 "5" "rm -f r.csv; $RUN >/dev/null; grep -c '^answer,' r.csv"
case_ "the CSV report's totals" 0 "total,,,Red,,2/3,15" "rm -f r.csv; $RUN >/dev/null; cat r.csv"
case_ "the CSV report's time-out row" 0 ",Red,,timeout,0,20.0,no," "rm -f r.csv; $RUN >/dev/null; cat r.csv"
case_ "the CSV report's override row" 0 ",Red,$W2,override,5,0.0,yes," "rm -f r.csv; $RUN >/dev/null; cat r.csv"
case_ "a Markdown report" 0 "| 1 | Red | 15 | 2 | 3 | 67% |" "rm -f r.md; timeout 10 \$H drill --teams 'Red,Green' --time 20 \$SEL --report r.md < script.in >/dev/null; cat r.md"
case_ "an existing report is refused before the drill" 2 "r.csv: already exists" "echo keep > r.csv; $RUN"
case_ "an existing report is left as it was" 0 "keep" "echo keep > r.csv; $RUN >/dev/null; cat r.csv"

# The worksheet for a seed asks the drill's questions, in order.
case_ "the worksheet matches the drill for its seed" 0 "same" 'printf "/skip\n/skip\n/skip\n" | COLUMNS=1000 $H drill --players "A" $SEL | sed -n "s/^    \(True or false: .*\)/\1/p" > d.txt; $H export --format worksheet $SEL | sed -n "s/^\*\*[0-9]\.\*\* //p" | sed "s/\\\\\\(.\\)/\\1/g" > w.txt; test -s d.txt && cmp d.txt w.txt && echo same'

# Narrow terminals: no line wider than the screen, Urdu and wide names measured in columns.
case_ "a 30-column screen fits every line" 0 "fits" 'printf "/skip\n/reveal\n" | COLUMNS=30 $H drill --teams "سرخ ٹیم,中文队" -n 2 --seed 4 > n.txt; w=$(LC_ALL=C.UTF-8 wc -L < n.txt); test "$w" -le 30 && echo fits || echo "widest $w"'
case_ "a 20-column screen fits every line" 0 "fits" 'printf "true\nfalse\n" | COLUMNS=20 $H drill --players "Ali,Sara" $SEL > n.txt; w=$(LC_ALL=C.UTF-8 wc -L < n.txt); test "$w" -le 20 && echo fits || echo "widest $w"'

# Names, rules, options.
case_ "names are asked for when not given" 0 "Players: Ali, Sara." 'printf "Ali, Sara\n/end\n" | $H drill -n 2 --seed 1'
case_ "no names at end of input is an error" 2 "drill: no players or teams given" '$H drill -n 2 < /dev/null'
case_ "a name left empty at the question is no option's error" 2 "drill: the names: a name is empty" 'printf "Red,,Green\n" | $H drill -n 2'
case_ "--players and --teams together are refused" 2 "give --players or --teams, not both" '$H drill --players A --teams B < /dev/null'
case_ "an empty name is refused" 2 "option '--teams': a name is empty" '$H drill --teams "Red,,Green" < /dev/null'
case_ "a repeated name is refused" 2 "'red' is named twice" '$H drill --teams "Red,red" < /dev/null'
case_ "a report must be .md or .csv" 2 "option '--report': 'r.txt' must end in .md or .csv" '$H drill --teams A,B --report r.txt < /dev/null'
case_ "a report in a missing folder is refused before the drill" 2 "cannot write in folder 'nowhere'" '$H drill --teams A,B --report nowhere/r.md < /dev/null'
case_ "an unknown rules variant is named" 2 "no rules named 'nope' (have: lightning)" '$H drill --teams A,B --rules nope < /dev/null'
case_ "a bad --time is refused" 2 "option '--time': must be 0 to 3600" '$H drill --teams A,B --time 9999 < /dev/null'
case_ "a bad --clock is refused" 2 "option '--clock': 'fast' is not real or simulated" '$H drill --teams A,B --clock fast < /dev/null'
case_ "a filter matching nothing is named" 2 "no questions with kind 'nope'" '$H drill --teams A,B --kind nope < /dev/null'
case_ "the opening screen states the rules" 0 "A wrong or timed-out answer passes to the next team for 5 points." '$H drill --teams A,B -n 1 < /dev/null'
case_ "--no-pass, --speed and --streaks are stated" 0 "Streaks: +2 for each right answer in a row after the first (at most +6)." '$H drill --teams A,B -n 1 --no-pass --speed --streaks < /dev/null | grep -e "No passing" -e "Speed points: up to 5" -e Streaks | tr "\n" " "'
case_ "the lightning variant" 0 "Rules (lightning)" '$H drill --teams A,B -n 1 --rules lightning < /dev/null'
case_ "a teacher's own variant from the user scripts folder" 0 "A right answer scores 20 points." 'mkdir -p x/halqa/scripts/drills && printf "return { name = \"double\", description = \"double points\", base = 20 }\n" > x/halqa/scripts/drills/double.lua && XDG_CONFIG_HOME=$PWD/x $H drill --teams A,B -n 1 --rules double < /dev/null'
case_ "an unknown teacher command is named" 0 "Unknown teacher command '/frob' (type /help)." 'printf "/frob\n/end\n" | $H drill --teams A,B -n 1'
case_ "/wait needs the simulated clock" 0 "/wait works only with the simulated clock" 'printf "/wait 3\n/end\n" | $H drill --teams A,B -n 1 --clock real'
case_ "the REPL survives a drill" 0 "42" 'printf "drill --teams A,B -n 1 --seed 2\n/end\nreturn 40 + 2\n" | $H'
case_ "a drill's answers are in the store with who gave them" 0 "answers by A: 1" 'printf "$K1\n/end\n" | $HALQA --db s.db drill --teams A,B $SEL >/dev/null; $HALQA --db s.db -e "local n, seen = 0, {} for _, t in ipairs({ parties, people, organizations, events }) do for id in pairs(t) do for _, e in ipairs(halqa.store.history(id)) do local k = e.time .. e.question if e.kind == \"answer\" and e.player == \"A\" and not seen[k] then seen[k] = true n = n + 1 end end end end print(\"answers by A: \" .. n)"'

# The examples in docs/scripting.md work as printed (found by their first lines, not their order).
DOCS=$(dirname "$0")/../../docs/scripting.md
block() { awk -v first="$1" '/^```lua/{getline l; if (index(l, first) == 1) {on=1; print l}; next} /^```$/{on=0} on' "$DOCS"; }
mkdir -p "$TMP/docs/halqa/scripts/drills"
block "-- drills/catch_up.lua" > "$TMP/docs/halqa/scripts/drills/catch_up.lua"
block 'local rules = require("lib.drill.rules")' > "$TMP/drive.lua"
case_ "the docs' rules variant runs" 0 "Rules (catch-up)" 'test -s docs/halqa/scripts/drills/catch_up.lua && XDG_CONFIG_HOME=$PWD/docs $H drill --teams A,B -n 1 --rules catch_up < /dev/null'
case_ "the docs' variant gives a pass full points" 0 "passes to the next team for 10 points" 'XDG_CONFIG_HOME=$PWD/docs $H drill --teams A,B -n 1 --rules catch_up < /dev/null'
case_ "the docs' driving script plays a drill" 0 "1	Red	22" 'test -s drive.lua && $H drive.lua'

# The worksheet's own errors, and halqa.save's limits.
case_ "a worksheet needs a seed" 2 "a worksheet needs --seed N" '$H export --format worksheet'
case_ "a worksheet has a separate answer key" 0 "# Answer key — seed 11" '$H export --format worksheet $SEL'
case_ "export --format worksheet -o writes what standard output gets" 0 "same" '$H export --format worksheet $SEL -o ws.md && $H export --format worksheet $SEL | cmp - ws.md && echo same'
case_ "halqa.save refuses hidden paths" 0 "hidden" '$H -e "return select(2, halqa.save(\".x.md\", \"x\"))"'
case_ "halqa.save refuses other extensions" 0 "only write files ending in .md, .csv, .txt" '$H -e "return select(2, halqa.save(\"run.sh\", \"x\"))"'
case_ "halqa.save never replaces a file" 0 "keep" 'echo keep > k.md; $H -e "return halqa.save(\"k.md\", \"x\")"; cat k.md'

# The score line is never stale: after /+ (or Alt-+, the same command) the new scores show; the
# scoreboard between questions has column headings.
case_ "after /+ the score line shows the new points" 0 "Red 1 · Green 0" 'printf "/+ Red\n/end\n" | timeout 10 $H drill --teams Red,Green $SEL --clock simulated'
case_ "after /undo the score line shows the points again" 0 "Red 0 · Green 0" 'printf "/+ Red\n/undo\n/end\n" | timeout 10 $H drill --teams Red,Green $SEL --clock simulated | sed -n "/Undone/,\$p"'
case_ "the scoreboard has column headings" 0 " #. Name    Pts Right" 'printf "$K1\n\n/end\n" | timeout 10 $H drill --teams Red,Green $SEL --clock simulated'
case_ "one point is \"1 point\"" 0 "1. Red — 1 point," 'printf "/+ Red\n/end\n" | timeout 10 $H drill --teams Red,Green $SEL --clock simulated'

finish
