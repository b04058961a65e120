#!/usr/bin/python3
"""same_bank.py BEFORE.json AFTER.json: whether a bank exported (GIFT) and imported back asks the
same questions with the same answers. What GIFT cannot carry is compared by what it means: an
ordering question is left out (GIFT has none), a number's unit is dropped ("191 votes" comes back
191), a matching question's pairs are compared (its letters follow a new shuffle), and a date with
a part of a year ("late 2009") comes back as its year; a year question comes back as a number
question with that number. Prints "N same, M dates as years"."""
import json, sys

before = [q for q in json.load(open(sys.argv[1])) if q["kind"] != "order"]
after = json.load(open(sys.argv[2]))


def meaning(q):
    if q["kind"] == "match":
        return tuple(sorted((l, q["choices"][c - 1]) for l, c in zip(q["left"], q["correct"])))
    if q["kind"] == "number":  # a year comes back as a number question
        return str(q["number"])
    if q["kind"] in ("choice", "multi"):
        return tuple(sorted(q["choices"][c - 1] for c in q["correct"]))
    return q["answer"]


lossy = {q["prompt"] for q in before if q["kind"] == "date" and "part" in q["date"] and "year" in q["date"]}
a = sorted((q["prompt"], repr(meaning(q))) for q in before if q["prompt"] not in lossy)
b = sorted((q["prompt"], repr(meaning(q))) for q in after if q["prompt"] not in lossy)
if a == b and len(after) == len(before):
    print(len(b), "same,", len(lossy), "dates as years")
else:
    print("different:", [x for x in a if x not in b][:3], [x for x in b if x not in a][:3])
    sys.exit(1)
