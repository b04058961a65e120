# shapes.py: every JSON shape of docs/embedding.md checked against real outputs of every mode,
# played through `halqa serve --stdio`: the schemas are read from the page itself, so the page
# and the library cannot drift apart. A small validator for the subset of JSON Schema the page
# uses (type, properties, required, items, enum), so no package is needed.
import os
import re

from rpc import Checks, Server

DOC = os.path.join(os.environ["HALQA_SOURCE_DIR"], "docs", "embedding.md")
import json

schemas = {m.group(1): json.loads(m.group(2))
           for m in re.finditer(r"```json schema=(\w+)\n(.*?)```", open(DOC, encoding="utf-8").read(), re.S)}

TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def problems(value, schema, where="$"):
    out = []
    t = schema.get("type")
    if t == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool) or (isinstance(value, float) and value.is_integer())
    elif t == "number":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif t:
        ok = isinstance(value, TYPES[t])
    else:
        ok = True
    if not ok:
        return [f"{where}: {value!r} is not {t}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not one of {schema['enum']}")
    if isinstance(value, dict):
        for k in schema.get("required", []):
            if k not in value:
                out.append(f"{where}: no '{k}'")
        for k, sub in schema.get("properties", {}).items():
            if k in value:
                out += problems(value[k], sub, f"{where}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            out += problems(v, schema["items"], f"{where}[{i}]")
    return out


t = Checks()
t.check(set(schemas) >= {"question", "grade", "card", "rating", "summary"}, f"the page has the schemas: {sorted(schemas)}")
seen = {}


def validate(obj, what):
    kind = obj.get("type")
    seen[kind] = seen.get(kind, 0) + 1
    if kind in schemas:
        p = problems(obj, schemas[kind])
        t.check(not p, f"{what}: {kind} does not fit its schema: {p}\n{obj}")
    for ev in obj.get("events", []):
        validate(ev, what)


def play(s, mode, options, answers):
    """Plays a session with the answers in turn (then Enter), validating every output."""
    sid = s.call("start", mode=mode, options=options)["session"]
    for i in range(200):
        step = s.call("next", session=sid)
        if step is None:
            break
        validate(step, mode)
        reply = s.call("answer", session=sid, answer=answers[i] if i < len(answers) else "")
        validate(reply, mode)
    summary = s.call("summary", session=sid)
    validate(summary, mode)
    t.check(summary["mode"] == mode, f"{mode}: the summary says its mode")
    s.call("end", session=sid)
    return summary


s = Server()
# a quiz with every kind of question: an answer of each kind (right or wrong), a hint, a skip
kinds = ["short", "choice", "multi", "truefalse", "order", "match", "cloze", "date", "number"]
quiz = play(s, "quiz", {"n": 9, "seed": 7, "kind": kinds}, ["CPP", "?", "a", "a c", "true", "skip", "1a 2b", "x", "1948", "3"])
t.check(quiz["asked"] == 9, f"the quiz asked them all: {quiz['asked']}")
# cards: one typed, one shown and rated, one typed then overridden, an undo
cards = play(s, "cards", {"limit": 4}, ["1948", "", "3", "", "2", "undo", "", "4"])
t.check(cards["reviewed"] >= 2, f"cards were reviewed: {cards}")
# a circle: the pages, the questions, a prompt with notes
circle = play(s, "circle", {"args": ["cpp_founding"]},
              ["", "", "1917", "x", "skip", "quit", "a point", "another point", ""])
t.check(len(circle["discussion"]) >= 1 and circle["discussion"][0]["notes"] == ["a point", "another point"],
        f"the circle kept the notes: {circle['discussion']}")
# a drill: wrong, passed on, right; a reveal; a timeout by /wait
drill = play(s, "drill", {"teams": "Red,Green", "n": 3, "seed": 3}, ["x", "CPI", "/reveal", "/wait 31", "x"])
t.check([p["name"] for p in drill["standings"]] != [], f"the drill has standings: {drill}")
s.close()
for kind in ["question", "grade", "card", "rating", "rated", "page", "prompt", "summary", "hint", "closed"]:
    t.check(seen.get(kind, 0) > 0, f"no {kind} was seen (seen: {seen})")
t.done()
