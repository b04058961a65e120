#!/usr/bin/env bash
# tests/soak/kill.sh HALQA ROUNDS [full]: piped cards, quiz and drill sessions on one progress
# store, each killed with SIGKILL at a random moment. After every kill: the store passes PRAGMA
# integrity_check, it holds at least every answer the sessions acknowledged on screen (a
# feedback line: cards' "Good: next review ...", quiz's "✓"/"✗"/"~", drill's "✓ Right, NAME"),
# and the next session (`stats`) starts with no complaint. With `full`, every session runs under
# a file size limit (ulimit -f) a little above the store's size, a full disk in small: answers
# acknowledged before halqa said it stopped saving must be held, and the store must stay sound.
# Prints the rounds, the answers acknowledged and held, lost answers and damaged stores; exits 1
# if any answer was lost or any store damaged. A few hundred rounds in CI, thousands by hand.
set -uo pipefail
halqa=${1:?usage: tests/soak/kill.sh HALQA ROUNDS [full]}
rounds=${2:-200}
full=${3:-}
command -v sqlite3 >/dev/null || { echo "soak: sqlite3 is needed (apt-get install sqlite3)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_CONFIG_HOME=$tmp/config XDG_STATE_HOME=$tmp/state NO_COLOR=1 COLUMNS=200
db=$tmp/progress.db
acked_reviews=0 acked_answers=0 lost=0 damaged=0 unclean=0 kills=0 stopped_saving=0
RANDOM=${SOAK_SEED:-16}

count() { sqlite3 "$db" "SELECT count(*) FROM $1" 2>/dev/null || echo 0; }
# The acknowledgements in a session's output, up to the store's "not saving" notice if any.
acks() { # FILE REGEX
  awk -v re="$2" '/not saving progress/ { exit } $0 ~ re { n++ } END { print n + 0 }' "$1"
}
feed() { # KIND: answer lines, a little apart, for longer than any session lasts
  local i
  for ((i = 0; i < 400; i++)); do
    case $1 in
      cards) printf '%s\n' "" "$((RANDOM % 4 + 1))" ;;
      quiz) printf '%s\n' "$(((RANDOM % 2) ? 1948 : RANDOM))" ;;
      drill) printf '%s\n' "$(printf '\x'$((61 + RANDOM % 4)))" ;;
    esac
    sleep 0.0$((RANDOM % 4 + 1))
  done
}

for ((r = 1; r <= rounds; r++)); do
  kind=$(echo cards quiz drill | cut -d' ' -f$((r % 3 + 1)))
  case $kind in
    cards) args=(cards -n 30) re='^(Again|Hard|Good|Easy): ' ;;
    quiz) args=(quiz -n 15 --seed "$r") re='^(✓|✗|~) ' ;;
    drill) args=(drill --players Ali,Sara -n 15 --seed "$r" --time 0) re='^(✓ Right, |✗ Not right, |✗ Time is up)' ;;
  esac
  limit=unlimited
  if [ "$full" = full ]; then
    size=$(( ($(stat -c %s "$db" 2>/dev/null || echo 0) + $(stat -c %s "$db-wal" 2>/dev/null || echo 0)) / 1024 ))
    limit=$((size + 8 + RANDOM % 96))
  fi
  mkfifo "$tmp/in"
  (ulimit -f "$limit"; exec stdbuf -oL "$halqa" --db "$db" "${args[@]}" < "$tmp/in" > "$tmp/out" 2>&1) &
  pid=$!
  feed "$kind" > "$tmp/in" &
  feeder=$!
  sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
  kill -KILL "$pid" 2>/dev/null && kills=$((kills + 1))
  wait "$pid" 2>/dev/null
  kill "$feeder" 2>/dev/null
  wait "$feeder" 2>/dev/null
  rm -f "$tmp/in"
  grep -q 'not saving progress' "$tmp/out" && stopped_saving=$((stopped_saving + 1))
  n=$(acks "$tmp/out" "$re")
  if [ "$kind" = cards ]; then acked_reviews=$((acked_reviews + n)); else acked_answers=$((acked_answers + n)); fi
  if [ -e "$db" ]; then
    check=$(sqlite3 "$db" "PRAGMA integrity_check" 2>&1)
    if [ "$check" != ok ]; then
      damaged=$((damaged + 1))
      echo "round $r ($kind): integrity_check says: $check"
      cp "$db" "$tmp/../halqa-soak-damaged-$r.db" 2>/dev/null
    fi
  fi
  held_reviews=$(count reviews) held_answers=$(count answers)
  if [ "$held_reviews" -lt "$acked_reviews" ] || [ "$held_answers" -lt "$acked_answers" ]; then
    lost=$(( (acked_reviews - held_reviews > 0 ? acked_reviews - held_reviews : 0) + (acked_answers - held_answers > 0 ? acked_answers - held_answers : 0) ))
    echo "round $r ($kind): acknowledged $acked_reviews reviews and $acked_answers answers, the store holds $held_reviews and $held_answers"
    break
  fi
  if ! "$halqa" --db "$db" stats > "$tmp/next" 2>&1 || grep -q '^halqa:' "$tmp/next"; then
    unclean=$((unclean + 1))
    echo "round $r ($kind): the next session did not start cleanly:"; head -3 "$tmp/next"
  fi
done
echo "soak${full:+ (full disk)}: $((r > rounds ? rounds : r)) rounds, $kills kills, $stopped_saving sessions stopped saving; acknowledged $acked_reviews reviews and $acked_answers answers, held $(count reviews) and $(count answers); $lost lost answers, $damaged damaged stores, $unclean unclean starts"
[ "$lost" -eq 0 ] && [ "$damaged" -eq 0 ] && [ "$unclean" -eq 0 ]
