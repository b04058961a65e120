#!/bin/sh
# tests/lib/install.sh BUILD SOURCE: libhalqa as an outside program gets it — `cmake --install`
# into a new prefix, examples/quiz.c compiled against the installed header and library through
# pkg-config and played on the bundled data, the CMake package config used by a project of its
# own (linking the static library), the SONAME, and only halqa_* exported.
set -u
build=$1
src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
passed=0 failed=0
expect_() { # NAME OUTPUT EXPECTED
  if printf '%s' "$2" | grep -qF -- "$3"; then passed=$((passed + 1)); else failed=$((failed + 1)); printf 'FAIL: %s\n  got: %s\n' "$1" "$2"; fi
}
pc=$(find "$prefix" -name halqa.pc)
libdir=$(dirname "$(dirname "$pc")")
expect_ "halqa.pc is installed" "$pc" "pkgconfig/halqa.pc"
expect_ "the header is installed" "$(ls "$prefix/include")" "halqa.h"
expect_ "the SONAME carries the major version" "$(readelf -d "$libdir/libhalqa.so" 2>&1)" "Library soname: [libhalqa.so.0]"
exported=$(nm -D --defined-only "$libdir/libhalqa.so" | awk '$2 == "T" { print $3 }' | grep -cv '^halqa_')
expect_ "only halqa_* is exported" "$exported others" "0 others"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
expect_ "pkg-config knows the version" "$(pkg-config --modversion halqa 2>&1)" "0.1.0"

# examples/quiz.c, built from the installed files only (the source tree's headers are not seen)
cflags=${EXAMPLE_CFLAGS:-} # a sanitizer's, when the library was built with one
cc -std=c11 -Wall -Wextra -Werror $cflags -o "$prefix/quiz" "$src/examples/quiz.c" \
  $(pkg-config --cflags --libs halqa libcjson) -Wl,-rpath,"$libdir" 2>&1
expect_ "the example compiles against the installed library" "$(ls "$prefix")" "quiz"
out=$(printf 'false\n2\n' | "$prefix/quiz" '{"n": 2, "seed": 30, "topic": ["linked"]}' 2>&1)
expect_ "the example asks the first question" "$out" "Question 1 of 2"
expect_ "the example grades" "$out" "Right: false."
expect_ "the example reads the summary" "$out" "Score: 2 of 2 (100%)"
out=$(printf 'skip\n' | "$prefix/quiz" '{"n": 3, "seed": 1}' 2>&1)
expect_ "end of input ends the quiz early, with its summary" "$out" "Stopped after 1 of 3 questions."
out=$("$prefix/quiz" '{"kind": ["bogus"]}' </dev/null 2>&1)
expect_ "a bad option is the command line's message" "$out" "quiz: no questions with kind 'bogus'"
# the command docs/embedding.md gives, as printed, with its prefix
doc_cc=$(grep -m1 '^cc quiz.c ' "$src/docs/embedding.md" | sed "s|/opt/halqa/lib|$libdir|g; s|/opt/halqa|$prefix|g")
(cd "$prefix" && cp "$src/examples/quiz.c" . && unset PKG_CONFIG_PATH && eval "$doc_cc $cflags -o doc_quiz" 2>&1)
expect_ "docs/embedding.md's cc line builds the example" "$(printf 'skip\n' | "$prefix/doc_quiz" '{"n": 1}' 2>&1)" "Skipped."
expect_ "the example runs the installed library" "$(ldd "$prefix/quiz" | grep libhalqa)" "$libdir/libhalqa.so.0"
cat > "$prefix/where.c" <<C
#include <stdio.h>
#include <halqa.h>
int main(void) {
  halqa_config cfg = {.store_path = ":memory:"};
  char *out = NULL, *err = NULL;
  halqa *h = halqa_open(&cfg, &err);
  if (h) halqa_eval(h, "return halqa.data_dir", &out, &err);
  puts(out ? out : err ? err : "?");
  halqa_free(out), halqa_free(err), halqa_close(h);
  return 0;
}
C
cc -std=c11 $cflags -o "$prefix/where" "$prefix/where.c" $(pkg-config --cflags --libs halqa) -Wl,-rpath,"$libdir"
where=$("$prefix/where" 2>&1)
expect_ "the library finds the data installed beside it" "$where" "\"$libdir/"
expect_ "the library finds the data in share/halqa" "$where" "/share/halqa/data\""

# the CMake package config, with the static library
mkdir -p "$prefix/proj"
cat > "$prefix/proj/CMakeLists.txt" <<CM
cmake_minimum_required(VERSION 3.20)
project(quiz_static C)
find_package(halqa 0.1 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(CJSON REQUIRED IMPORTED_TARGET libcjson)
add_executable(quiz_static $src/examples/quiz.c)
target_link_libraries(quiz_static PRIVATE halqa::halqa_static PkgConfig::CJSON)
CM
cmake -S "$prefix/proj" -B "$prefix/proj/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="$cflags" \
  -DCMAKE_EXE_LINKER_FLAGS="$cflags" >/dev/null 2>&1 &&
  cmake --build "$prefix/proj/build" >/dev/null 2>&1
expect_ "find_package(halqa) links the static library" "$(ls "$prefix/proj/build" 2>&1)" "quiz_static"
out=$(printf 'false\n2\n' | "$prefix/proj/build/quiz_static" '{"n": 2, "seed": 30, "topic": ["linked"]}' 2>&1)
expect_ "the statically linked example plays" "$out" "Score: 2 of 2 (100%)"
expect_ "the static example needs no libhalqa.so" "$(ldd "$prefix/proj/build/quiz_static" 2>&1 | grep -c libhalqa)" "0"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
