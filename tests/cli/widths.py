"""tests/cli/widths.py WIDTH FILE: fails naming every line of FILE wider than WIDTH terminal
columns (East Asian wide/full-width characters count two, combining marks and escapes none)."""
import re
import sys
import unicodedata

def width(line):
    line = re.sub(r"\x1b\[[0-9;]*m", "", line)
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w

limit = int(sys.argv[1])
bad = 0
with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if width(line) > limit:
            bad += 1
            print(f"{sys.argv[2]}:{n}: {width(line)} columns > {limit}: {line}")
print(f"{limit} columns: {bad} lines too wide")
sys.exit(1 if bad else 0)
