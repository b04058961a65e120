#!/bin/sh
# tests/cli/screens.sh: every screen a learner, a script author and a teacher meets, rendered at 80
# and 40 columns (COLUMNS), must fit: no line wider than the screen in display width (wide and
# combining characters counted as a terminal does, not bytes). widths.py does the measuring.
set -u
: "${HALQA:?set HALQA to the halqa binary}"
: "${HALQA_SOURCE_DIR:?set HALQA_SOURCE_DIR}"
H="$HALQA --db :memory:"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
TF=dates.year_tf.russian_revolution_1917
NUM=events.figure.east_pakistan_election_1954.1
fail=0
for w in 80 40; do
  export COLUMNS=$w
  {
    printf 'help\n' | $HALQA --db :memory:            # the banner and the command list
    $H help; $H help quiz; $H help cards; $H help drill; $H help export; $H help circle; $H help stats
    $H quiz --help; $H cards --help; $H drill --help; $H circle --help; $H stats --help
    $H export --format json --help; $H export --format worksheet --help; $H export --format handout --help
    $H quiz --frobnicate
    $H quiz --list-generators
    $H circle --list
    printf '?\nxyz\nture\n' | $H quiz --seed 1 --id $TF
    printf 'true\n12\n' | $H quiz --seed 1 --id $NUM
    printf 'a\nb\n?\nc\nskip\nquit\n' | $H quiz --seed 3 -n 6
    printf 'x\n\n1\nquit\n' | $H cards dates --limit 3
    $H cards --optimize
    printf 'Who founded the CPP?\nA. Sajjad Zaheer\nB. Faiz Ahmed Faiz\nANSWER: A\n' > "$TMP/one.aiken"
    XDG_CONFIG_HOME="$TMP/xdg" $H import "$TMP/one.aiken"   # the preview, and how to write it
    $H cards organizations --new 0 -r 0.85 </dev/null   # a deck's retention kept; nothing to review
    $H stats
    rm -f "$TMP/stats.db"   # stats with a review: the deck table and the weakest facts
    printf 'xyz\n1\nquit\n' | $HALQA --db "$TMP/stats.db" cards leaders --limit 1
    $HALQA --db "$TMP/stats.db" stats
    printf '1\n' | $H circle   # the topics to pick from, then a circle whose input ends at once
    printf 'a\nb\nskip\nquit\na point the group made, long enough to wrap at forty columns\n\n\n\n' | $H circle cpp_founding
    printf '/+ Red\n/standings\n/end\n' | timeout 10 $H drill --teams "Red,Green" --kind truefalse --seed 11 -n 2 --clock simulated
  } > "$TMP/screens-$w.txt" 2>&1
  python3 "$HALQA_SOURCE_DIR/tests/cli/widths.py" "$w" "$TMP/screens-$w.txt" || fail=1
  # fitting is not enough: a deck name or a count cut short to fit reads as another word
  grep -qE "^organizations +14 " "$TMP/screens-$w.txt" || { echo "$w columns: the organizations deck's name is cut"; fail=1; }
  ! grep -E "[0-9] question$" "$TMP/screens-$w.txt" || { echo "$w columns: a topic's question count is cut"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "screens fit 80 and 40 columns"
exit $fail
