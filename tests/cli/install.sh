#!/bin/sh
# tests/cli/install.sh: `cmake --install` puts the binary, data and scripts in the usual prefix
# folders, and the installed binary finds its data and scripts there.
set -u
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
passed=0 failed=0
expect_() { # NAME COMMAND-OUTPUT EXPECTED
  if printf '%s' "$2" | grep -qF -- "$3"; then passed=$((passed + 1)); else failed=$((failed + 1)); printf 'FAIL: %s\n  got: %s\n' "$1" "$2"; fi
}
expect_ "the binary is in bin/" "$(ls "$prefix/bin")" "halqa"
expect_ "the data is in share/halqa/data" "$(ls "$prefix/share/halqa/data")" "parties.lua"
expect_ "the scripts are in share/halqa/scripts" "$(ls "$prefix/share/halqa/scripts/commands")" "help.lua"
expect_ "the installed binary uses the installed data" "$("$prefix/bin/halqa" -e 'return halqa.data_dir' 2>&1)" "$prefix/bin/../share/halqa/data"
expect_ "the installed binary uses the installed scripts" "$("$prefix/bin/halqa" -e 'return halqa.script_dirs[#halqa.script_dirs]' 2>&1)" "share/halqa/scripts"
expect_ "the phone page is in share/halqa/web" "$(ls "$prefix/share/halqa/web")" "app.js"
expect_ "the installed binary runs commands" "$("$prefix/bin/halqa" help 2>&1)" "Commands:"
expect_ "the installed check passes" "$("$prefix/bin/halqa" check 2>&1)" "no problems"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
