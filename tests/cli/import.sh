#!/bin/sh
# tests/cli/import.sh: `halqa import` — GIFT, Aiken, CSV and TSV question sets become generators
# in the user's scripts folder (a private XDG_CONFIG_HOME here), shown first and never
# overwriting; malformed files are reported as file:line with what was expected and write
# nothing; an imported GIFT file then plays as a quiz, as flashcards and as a drill; and an
# export of the bank in GIFT or Aiken imports back. Cases as in tests/cli/run.sh.
set -u
: "${HALQA:?set HALQA to the halqa binary}"
. "$(dirname "$0")/case.sh"
FIX="$HALQA_SOURCE_DIR/tests/fixtures/import"
export TMP XDG_CONFIG_HOME="$TMP/config"
GEN="$XDG_CONFIG_HOME/halqa/scripts/generators"
H="$HALQA --db :memory:"
export H FIX GEN HALQA XDG_CONFIG_HOME
cp "$FIX"/*.gift "$FIX"/*.aiken "$FIX"/*.csv "$FIX"/*.tsv "$TMP/"

case_ "a dry run shows the generator and writes nothing" 0 "Not written (add --yes to write generators/teacher.lua)." \
  '$H import teacher.gift && test ! -e "$GEN/teacher.lua"'
case_ "the generator is shown before it is written" 0 "2. line 10, choice: Who was the first general secretary of the CPP? → Sajjad" '$H import teacher.gift'
case_ "import --yes writes the generator" 0 "Wrote $GEN/teacher.lua: 9 questions." '$H import teacher.gift --yes'
case_ "a set of one question says so in the singular" 0 "Wrote $GEN/one.lua: 1 question." 'printf "Who founded the CPP? {=Sajjad Zaheer ~Faiz ~Ishaque}\n" > one.gift && $H import one.gift --yes | grep -v "1 questions"'
case_ "an import never overwrites" 1 "a generator named 'teacher' already exists" '$H import teacher.gift --yes'
case_ "an existing file is never replaced" 1 "already exists (halqa never replaces a file" \
  'O="$TMP/other/halqa/scripts/generators"; mkdir -p "$O" && echo "return { name = \"other\", generate = function() end }" > "$O/mine.lua" && XDG_CONFIG_HOME="$TMP/other" $H import teacher.aiken --name mine --yes; s=$?; grep -q "other" "$O/mine.lua" && exit $s'
case_ "the imported kinds are the GIFT kinds" 0 "choice cloze date match multi number short truefalse" \
  '$H -e "local k = {} for _, q in ipairs(require(\"lib.quiz.bank\").build(1)) do if q.generator == \"teacher\" then k[#k + 1] = q.kind end end table.sort(k) local u = {} for _, x in ipairs(k) do if u[#u] ~= x then u[#u + 1] = x end end print(table.concat(u, \" \"))"'

# The imported GIFT file plays as a quiz: the right answers are graded right, with the file cited.
case_ "an imported GIFT question plays in a quiz" 0 "Score: 1 of 1 (100%)" \
  'printf "Kolkata\n" | $H quiz --id teacher.q1.teacher_1'
case_ "an imported question cites its file and line" 0 'Source: teacher.gift, section “line 4”' \
  'printf "Kolkata\n" | $H quiz --id teacher.q1.teacher_1'
case_ "an imported choice is graded by letter" 0 "Score: 1 of 1" \
  'L=$(printf "skip\n" | $H quiz --generator teacher --kind choice -n 1 --seed 1 | sed -n "s/^ *\([a-f]\)) Sajjad Zaheer$/\1/p"); printf "%s\n" "$L" | $H quiz --generator teacher --kind choice -n 1 --seed 1'
case_ "an imported decade is graded as a date" 0 "Score: 1 of 1" 'printf "the 1950s\n" | $H quiz --generator teacher --kind date -n 1'
case_ "imported questions are a flashcard deck" 0 "[teacher · new]" 'printf "quit\n" | $H cards teacher'
case_ "imported questions come up in a drill" 0 "Final standings" \
  'printf "Calcutta\n/end\n" | timeout 60 $H drill --players Ali --generator teacher --kind short -n 1 --time 0'

# A path that begins a command's arguments is no Lua operator: `import /abs/file` is the command.
case_ "the REPL runs import with an absolute path" 0 "Wrote" \
  'printf "import $FIX/teacher.tsv --name abs_path --yes\n" | XDG_CONFIG_HOME="$TMP/abs" $H'
case_ "the REPL runs import with ./path" 0 "Wrote" \
  'printf "import ./teacher.tsv --name dot_path --yes\n" | XDG_CONFIG_HOME="$TMP/dot" $H'
case_ "the REPL plays an import at once, in the same session" 0 "Score: 1 of 1" \
  'printf "import teacher.tsv --name same_session --yes\nquiz --id same_session.q1.same_session_1\nCalcutta\n" | XDG_CONFIG_HOME="$TMP/fresh" $H'
case_ "the REPL survives a malformed file (and a piped run ends in failure)" 1 "still here" \
  'printf "import broken.gift\nprint(\"still here\")\n" | $H'

# Malformed input: file:line and what was expected; nothing written.
case_ "an unclosed GIFT brace is reported at its line" 1 "broken.gift:3: expected '}' to close the answers opened here" \
  '$H import broken.gift --yes; s=$?; test ! -e "$GEN/broken.lua" && exit $s'
case_ "an essay question is refused at its line" 1 "essay.gift:3: an essay question ({}) cannot be graded by halqa" \
  '$H import essay.gift --yes; s=$?; test ! -e "$GEN/essay.lua" && exit $s'
case_ "an Aiken answer that is no choice is reported" 1 "broken.aiken:5: expected 'ANSWER:' and one of the letters A to C" '$H import broken.aiken --yes'
case_ "an Aiken choice out of order is reported" 1 "order.aiken:3: expected choice B next, found C" '$H import order.aiken --yes'
case_ "an unclosed CSV quote is reported at its line" 1 'broken.csv:2: a quoted field that never ends (expected a closing ")' \
  '$H import broken.csv --yes; s=$?; test ! -e "$GEN/broken.lua" && exit $s'
case_ "a file that is not there" 1 "import: nope.gift: No such file or directory" '$H import nope.gift'
case_ "a file of another kind is refused" 1 "may only read question sets ending in" '$H import /etc/passwd'
case_ "a bad --format" 2 "option '--format': 'xls' is not csv, tsv, gift or aiken" '$H import teacher.csv --format xls'
case_ "a bad --name" 2 "option '--name': 'Bad Name' is not a small letter" '$H import teacher.gift --name "Bad Name"'

# Aiken, CSV (RFC 4180: quoted commas, doubled quotes, a line break) and TSV.
case_ "Aiken imports as choice and true/false" 0 "Wrote $GEN/teacher_aiken.lua: 2 questions." '$H import teacher.aiken --name teacher_aiken --yes'
case_ "CSV imports with RFC 4180 quoting" 0 'Who said "bread, land"? → the party' '$H import teacher.csv --name teacher_csv --yes'
case_ "a CSV back's first line is the answer" 0 "Score: 1 of 1" \
  'printf "Calcutta\n" | $H quiz --generator teacher_csv --topic founding -n 1'
case_ "TSV imports" 0 "Wrote $GEN/teacher_tsv.lua: 2 questions." '$H import teacher.tsv --name teacher_tsv --yes'

# The bank exported as GIFT and as Aiken imports back whole.
case_ "an exported GIFT bank imports back" 0 "708 questions" \
  'XDG_CONFIG_HOME="$TMP/empty" $H export --format gift -o bank.gift 2>/dev/null && $H import bank.gift --name bank_gift --yes'
case_ "an exported Aiken bank imports back" 0 "402 questions" \
  'XDG_CONFIG_HOME="$TMP/empty" $H export --format aiken -o bank.aiken 2>/dev/null && $H import bank.aiken --name bank_aiken --yes'
# What GIFT cannot carry is compared by meaning (tests/exports/same_bank.py says how).
case_ "the re-imported bank asks the same questions" 0 "703 same, 5 dates as years" \
  'XDG_CONFIG_HOME="$TMP/empty" $H export --format json > a.json && $H export --format json -g bank_gift > b.json && /usr/bin/python3 "$HALQA_SOURCE_DIR/tests/exports/same_bank.py" a.json b.json'
finish
