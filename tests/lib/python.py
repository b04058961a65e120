# python.py: bindings/python — the ctypes binding's calls, and its example playing a quiz from
# standard input (HALQA_LIBRARY names the libhalqa.so just built).
import os
import subprocess
import sys
import threading
import time

from rpc import Checks

SRC = os.environ["HALQA_SOURCE_DIR"]
sys.path.insert(0, os.path.join(SRC, "bindings", "python"))
import halqa  # noqa: E402

t = Checks()
example = os.path.join(SRC, "bindings", "python", "quiz.py")
run = subprocess.run([sys.executable, example, '{"n": 2, "seed": 30, "topic": ["linked"]}'], input="false\n2\n",
                     capture_output=True, text=True, timeout=60)
t.check(run.returncode == 0, f"the example exits 0: {run.stderr}")
t.check("Question 1 of 2" in run.stdout and "Right: false." in run.stdout, f"the example asks and grades: {run.stdout}")
t.check("Score: 2 of 2 (100%)" in run.stdout and "(score 2 of 2)" in run.stdout, "the example reads the summary")
run = subprocess.run([sys.executable, example, '{"kind": ["bogus"]}'], input="", capture_output=True, text=True, timeout=60)
t.check(run.returncode == 2 and "kind 'bogus'" in run.stderr, f"the example reports a bad option: {run.stderr}")

# the ctypes struct is halqa_config field for field: halqa_open reads every field of the C struct
import re  # noqa: E402
with open(os.path.join(SRC, "include", "halqa.h")) as f:
    struct = re.search(r"typedef struct halqa_config \{(.*?)\} halqa_config;", f.read(), re.S).group(1)
c_fields = re.findall(r"(\w+);", re.sub(r"/\*.*?\*/", "", struct, flags=re.S))
py_fields = [name for name, _ in halqa._Config._fields_]
t.check(py_fields == c_fields, f"the binding's _Config has halqa_config's fields: {py_fields} vs {c_fields}")

with halqa.Halqa(store=":memory:", user_scripts=False) as h:
    t.check(halqa.Halqa.version().count(".") == 2, "version")
    t.check(h.eval("return parties.CPP.founded") == {"day": 6, "month": 3, "year": 1948}, "eval gives Python values")
    try:
        h.eval("error('boom')")
        t.check(False, "an error raises")
    except halqa.HalqaError as e:
        t.check(e.status == halqa.ERROR and "boom" in str(e), f"an error raises HalqaError: {e}")
    try:
        h.start("quiz", frobnicate=True)
        t.check(False, "a bad option raises")
    except halqa.HalqaError as e:
        t.check(e.status == halqa.EUSAGE and "frobnicate" in str(e), f"a bad option is a usage error: {e}")
    # a circle through the binding: args, pages, a question skipped, a note
    s = h.start("circle", args=["cpp_founding"], player="Group A")
    kinds = []
    for step in s:
        kinds.append(step["type"])
        s.answer({"page": "", "question": "skip", "prompt": "a point"}.get(step["type"], "") if not step.get("again") else "")
    summary = s.summary()
    t.check(kinds[:2] == ["page", "page"] and "question" in kinds and "prompt" in kinds, f"a circle's steps: {kinds}")
    t.check(summary["mode"] == "circle" and summary["discussion"][0]["notes"] == ["a point"], f"its summary: {summary}")
    s.end()
    # options with a hyphen, a drill with its teams
    d = h.start("drill", teams="Red,Green", n=1, seed=2, no_pass=True)
    step = d.next()
    t.check(step["type"] == "question" and step["player"] == "Red", f"a drill's question: {step}")
    d.answer("x")
    t.check(d.next() is None and d.summary()["standings"][0]["answered"] == 1, "no pass: one try, then the end")
    d.end()
    gift = h.export("gift", party="CPP")
    t.check(isinstance(gift, bytes) and b"::" in gift, "export gives bytes")
    # an interrupt from another thread
    box = {}

    def spin():
        try:
            h.eval("while true do end")
        except halqa.HalqaError as e:
            box["status"] = e.status

    th = threading.Thread(target=spin)
    th.start()
    deadline = time.time() + 20
    while not h.interrupt() and time.time() < deadline:
        time.sleep(0.01)
    th.join(30)
    t.check(box.get("status") == halqa.EINTERRUPTED, f"interrupt stops a call in another thread: {box}")
    t.check(h.eval("return 3") == 3, "the engine goes on")
    # a session left open is ended by close

    h.start("quiz", n=1, seed=1)
# the text of every step and reply is wrapped to the width asked for, 40 columns as 80
import unicodedata  # noqa: E402


def width(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)


for cols in (40, 80):
    with halqa.Halqa(store=":memory:", user_scripts=False, columns=cols) as h:
        texts = []
        s = h.start("quiz", n=4, seed=12)
        for step in s:
            texts.append(step["text"])
            texts.append(s.answer("skip")["text"])
        texts.append(s.summary()["text"])
        widest = max(width(line) for text in texts for line in text.split("\n"))
        t.check(0 < widest <= cols, f"at {cols} columns the widest line is {widest}")
t.done()
