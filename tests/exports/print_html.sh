#!/bin/sh
# print_html.sh: the html worksheet and handout, printed by headless Chromium to PDF, have the
# pages they should (pdfinfo): the answer key begins a page of its own (pdftotext of each page),
# nothing of the key is on the pages before it and no question after it; a 4-question worksheet
# is exactly 2 pages. The HTML is read back by Python's html.parser (Debian) for its questions,
# key entries and citations. Needs $HALQA, $PYTHON, $CHROMIUM and a scratch folder $WORK.
set -eu
here=$(dirname "$0")
dir="$WORK/html"
rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

print_pdf() { # print_pdf NAME: NAME.html -> NAME.pdf
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$dir/chrome-$1" --print-to-pdf="$dir/$1.pdf" "file://$dir/$1.html" > /dev/null 2>&1
}
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }
# The number of the page whose first line begins with $2 (0 if none).
key_page() {
  n=$(pages "$1"); i=1
  while [ "$i" -le "$n" ]; do
    if pdftotext -f "$i" -l "$i" "$1" - | sed '/^\s*$/d' | head -1 | grep -q "^$2"; then echo "$i"; return; fi
    i=$((i + 1))
  done
  echo 0
}

"$HALQA" --db :memory: export --format html --seed 5 -n 4 --kind short -o small.html
"$HALQA" --db :memory: export --format html --seed 42 -n 12 -o sheet.html
"$HALQA" --db :memory: export --format json --seed 42 > bank.json
"$HALQA" --db :memory: export --format html cpp_founding -o circle.html
for f in small sheet circle; do print_pdf $f; done

check "a 4-question worksheet prints on 2 pages" '[ "$(pages small.pdf)" -eq 2 ]'
check "its key is page 2" '[ "$(key_page small.pdf "Answer key")" -eq 2 ]'
for f in sheet circle; do
  k=$(key_page $f.pdf "Answer key")
  n=$(pages $f.pdf)
  check "$f: the answer key begins a page" '[ "$k" -gt 1 ]'
  check "$f: no key before its page" '! pdftotext -l $((k - 1)) $f.pdf - | grep -q "Answer key"'
  check "$f: no question after the key" '! pdftotext -f "$k" -l "$n" $f.pdf - | grep -q "Circle one letter\|True / False\|Name:"'
done
check "the handout prints its reading and timeline before the key" \
  'pdftotext -l 1 circle.pdf - | grep -q "Reading" && pdftotext -l $(( $(key_page circle.pdf "Answer key") - 1 )) circle.pdf - | grep -q "Timeline"'
"$PYTHON" "$here/read_html.py" sheet.html 12 || failed=$((failed + 1))
"$PYTHON" "$here/read_html.py" circle.html 8 || failed=$((failed + 1))
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
