#!/usr/bin/python3
"""read_back.py FORMAT FILE BANK.json: reads a halqa export with Debian's own parsers (xml.etree,
csv, zipfile + sqlite3, openpyxl) and checks it against halqa's JSON of the same bank: counts,
kinds, answers and citations. Prints "N passed, N failed"; exits 1 on a failure."""
import csv, io, json, sqlite3, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

fmt, path, bank_path = sys.argv[1:4]
bank = json.load(open(bank_path, encoding="utf-8"))
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def key(q):  # the answer as halqa's worksheet key (and every card format) gives it
    if q["kind"] in ("choice", "multi"):
        return "; ".join("%s) %s" % (chr(96 + c), q["choices"][c - 1]) for c in q["correct"])
    return q["answer"]


def moodle_xml():
    root = ET.parse(path).getroot()
    check(root.tag == "quiz", "root is <quiz>")
    qs = [q for q in root.findall("question") if q.get("type") != "category"]
    check(len(qs) == len(bank), "questions: %d, wanted %d" % (len(qs), len(bank)))
    types = {"short": "shortanswer", "cloze": "shortanswer", "choice": "multichoice", "multi": "multichoice",
             "truefalse": "truefalse", "match": "matching", "order": "ordering", "number": "numerical"}
    by_name = {q.findtext("name/text"): q for q in qs}
    for q in bank:
        x = by_name.get(q["id"])
        if x is None:
            check(False, q["id"] + ": missing")
            continue
        want = types.get(q["kind"]) or ("shortanswer" if q["date"].get("month") else "numerical")
        check(x.get("type") == want, "%s: type %s, wanted %s" % (q["id"], x.get("type"), want))
        check(x.findtext("questiontext/text") == q["prompt"], q["id"] + ": text")
        check(x.findtext("generalfeedback/text").endswith("Source: " + q["source"]), q["id"] + ": citation")
        answers = [(float(a.get("fraction")), a.findtext("text")) for a in x.findall("answer")]
        t = x.get("type")
        if t == "shortanswer":
            forms = [a for _, a in answers]
            check(forms[0] == q["answer"] and all(f == 100 for f, _ in answers), q["id"] + ": answer")
            check(all(a in forms for a in q["accepted"]), q["id"] + ": accepted forms")
        elif t == "multichoice":
            right = [i + 1 for i, (f, _) in enumerate(answers) if f > 0]
            check(right == q["correct"], "%s: right %s, wanted %s" % (q["id"], right, q["correct"]))
            check(abs(sum(f for f, _ in answers if f > 0) - 100) < 0.01, q["id"] + ": weights sum to 100")
            check([a for _, a in answers] == q["choices"], q["id"] + ": choices")
            check(x.findtext("single") == ("true" if q["kind"] == "choice" else "false"), q["id"] + ": single")
        elif t == "truefalse":
            right = [a for f, a in answers if f == 100]
            check(right == [q["answer"]], q["id"] + ": truth")
        elif t == "matching":
            pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in x.findall("subquestion")]
            check(pairs == [(l, q["choices"][c - 1]) for l, c in zip(q["left"], q["correct"])], q["id"] + ": pairs")
        elif t == "ordering":
            check([a for _, a in answers] == [q["choices"][c - 1] for c in q["correct"]], q["id"] + ": order")
        elif t == "numerical":
            value, tol = float(answers[0][1]), float(x.find("answer/tolerance").text)
            if q["kind"] == "number":
                check(value == q["number"] and abs(tol - (abs(q["number"]) * 0.1 if q["approx"] else 0)) < 1e-9, q["id"] + ": number")
            else:
                d = q["date"]
                lo = d["decade"] if "decade" in d else d["year"]
                check(lo <= value - tol and value + tol <= lo + (9 if "decade" in d else 0), q["id"] + ": year span")


def delimited(sep):
    rows = list(csv.reader(io.open(path, newline="", encoding="utf-8"), delimiter=sep, strict=True))
    check(len(rows) == len(bank), "rows: %d, wanted %d" % (len(rows), len(bank)))
    check(open(path, "rb").read().endswith(b"\r\n"), "rows end in CRLF")
    for q, r in zip(bank, rows):
        check(len(r) == 3, q["id"] + ": 3 columns (front, back, tags)")
        front, back, tags = r[0], r[1], r[2] if len(r) > 2 else ""
        check(front.split("\n")[0] == q["prompt"], q["id"] + ": front")
        check(back.split("\n")[0] == key(q), "%s: back %r, wanted %r" % (q["id"], back.split("\n")[0], key(q)))
        check(back.endswith("Source: " + q["source"]), q["id"] + ": citation")
        check(tags.split(" ") == [t.replace(" ", "_") for t in q["tags"]], q["id"] + ": tags")


def apkg():
    z = zipfile.ZipFile(path)
    check(sorted(z.namelist()) == ["collection.anki2", "media"], "package entries %s" % z.namelist())
    check(json.loads(z.read("media")) == {}, "empty media list")
    with tempfile.NamedTemporaryFile(suffix=".anki2") as f:
        f.write(z.read("collection.anki2"))
        f.flush()
        db = sqlite3.connect(f.name)
        check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "collection integrity")
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check(tables >= {"col", "notes", "cards", "revlog", "graves"}, "schema 11 tables %s" % tables)
        ver, models, decks = db.execute("SELECT ver, models, decks FROM col").fetchone()
        check(ver == 11, "collection version 11")
        models, decks = json.loads(models), json.loads(decks)
        notes = {g: (mid, tags, flds.split("\x1f")) for g, mid, tags, flds in db.execute("SELECT guid, mid, tags, flds FROM notes")}
        check(len(notes) == len(bank), "notes: %d, wanted %d" % (len(notes), len(bank)))
        cards = {nid: did for nid, did in db.execute("SELECT nid, did FROM cards")}
        nids = {g: i for i, g in db.execute("SELECT id, guid FROM notes")}
        check(len(cards) == len(bank), "one card a note")
        kinds_seen = set()
        for q in bank:
            if q["id"] not in notes:
                check(False, q["id"] + ": missing")
                continue
            mid, tags, flds = notes[q["id"]]
            model = models[str(mid)]
            kinds_seen.add(q["kind"])
            check(model["name"] == "halqa " + q["kind"], q["id"] + ": note type " + model["name"])
            check([f["name"] for f in model["flds"]] == ["Front", "Back", "Source"], q["id"] + ": fields")
            check(flds[0].split("<br>")[0] == q["prompt"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), q["id"] + ": front")
            check(flds[1].split("<br>")[0] == key(q).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), q["id"] + ": back")
            check(flds[2] == "Source: " + q["source"].replace("&", "&amp;"), q["id"] + ": source on the back")
            check(tags.split() == [t.replace(" ", "_") for t in q["tags"]], q["id"] + ": tags")
            check(decks[str(cards[nids[q["id"]]])]["name"] == "halqa::" + q["generator"], q["id"] + ": deck")
        check(len(models) == len(kinds_seen), "one note type per kind")
        if len(sys.argv) > 4:  # --with-progress: the reviews of the cards named (id=count,...)
            for spec in sys.argv[4].split(","):
                qid, n = spec.split("=")
                rows = db.execute("SELECT r.ease, r.ivl, c.type, c.queue, c.reps FROM revlog r JOIN cards c ON c.id = r.cid JOIN notes n ON n.id = c.nid WHERE n.guid = ?", (qid,)).fetchall()
                check(len(rows) == int(n), "%s: %d revlog rows, wanted %s" % (qid, len(rows), n))
                check(all(r[2] == 2 and r[3] == 2 and r[4] == int(n) for r in rows), qid + ": scheduled as a review card")
                check(all(1 <= r[0] <= 4 and r[1] >= 1 for r in rows), qid + ": ease and interval")


def kahoot():
    import openpyxl
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    check(rows[7][1] == "Question - max 120 characters" and rows[7][7] == "Correct answer(s) - choose at least one", "template header on row 8")
    data = [r for r in rows[8:] if r[1]]
    want = [q for q in bank if q["kind"] in ("choice", "truefalse") and all(len(c) <= 75 for c in q["choices"])]
    check(len(data) == len(want), "questions: %d, wanted %d" % (len(data), len(want)))
    for q, r in zip(want, data):
        check(len(r[1]) <= 120, q["id"] + ": question within 120 characters")
        check(r[1] == q["prompt"] or (r[1].endswith("…") and q["prompt"].startswith(r[1][:-1])), q["id"] + ": question")
        answers = [a for a in r[2:6] if a is not None]
        check(answers == (q["choices"] if q["kind"] == "choice" else ["True", "False"]), q["id"] + ": answers")
        check(all(len(a) <= 75 for a in answers), q["id"] + ": answers within 75 characters")
        right = q["correct"][0] if q["kind"] == "choice" else (1 if q["answer"] == "true" else 2)
        check(int(r[7]) == right, q["id"] + ": correct answer")
        check(r[6] in (5, 10, 20, 30, 60, 90, 120, 240), q["id"] + ": time limit")
        check(r[9] == q["id"] + " — Source: " + q["source"], q["id"] + ": citation")


{"moodle-xml": moodle_xml, "csv": lambda: delimited(","), "tsv": lambda: delimited("\t"),
 "apkg": apkg, "kahoot": kahoot}[fmt]()
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
