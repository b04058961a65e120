"""bench/classroom.py [HALQA] [STUDENTS]: a networked game with STUDENTS (default 300) simulated
students on loopback, each with its event stream open, all answering each question within the
same second — first all at one instant, then spread over the second. Prints the median and p99
from a student's answer to its acknowledgement (targets: <= 20 ms, <= 100 ms) beside the server's
bare round trip for an empty message (POST /api/ping, answered by the C server without the game)
sent the same way in the same run; the memory per student; and how long the teacher's loop went
without redrawing (its tick is 200 ms) and the longest batch of events it handled at once."""
import os
import random
import re
import statistics
import sys
import threading
import time
import http.client
import json

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "classroom"))
import harness  # noqa: E402

if len(sys.argv) > 1:
    harness.HALQA = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300
QUESTIONS = 4


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


def burst(teacher, make_body, path, spread):
    """Each of N threads sends one request on its own open connection, all released together
    (spread = 0) or at random moments within `spread` seconds; returns the latencies in ms."""
    conns = [http.client.HTTPConnection(teacher.host, teacher.port, timeout=30) for _ in range(N)]
    for c in conns:
        c.connect()
    lat, errors = [None] * N, []
    gate = threading.Barrier(N + 1)

    def one(i):
        body = make_body(i)
        gate.wait()
        if spread:
            time.sleep(random.random() * spread)
        t0 = time.perf_counter()
        conns[i].request("POST", path, body=body, headers={"Content-Type": "application/json"})
        r = conns[i].getresponse()
        r.read()
        lat[i] = (time.perf_counter() - t0) * 1000
        if r.status != 200:
            errors.append(r.status)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    gate.wait()
    for t in threads:
        t.join()
    for c in conns:
        c.close()
    if errors:
        raise AssertionError("%d requests failed: %s" % (len(errors), errors[:5]))
    return lat


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


import tempfile  # noqa: E402
db = os.path.join(tempfile.mkdtemp(), "progress.db")  # a real file: every answer is a committed write
teacher = harness.Teacher("--kind", "choice", "--seed", "9", "-n", str(QUESTIONS), "--time", "120", db=db)
time.sleep(0.3)
rss0 = rss_kib(teacher.p.pid)
students = [harness.Student(teacher, "S%03d" % i) for i in range(N)]
teacher.wait_for("S%03d joined" % (N - 1), timeout=60)
time.sleep(0.5)
rss1 = rss_kib(teacher.p.pid)
teacher.say("")

results = {}
for n in range(1, QUESTIONS + 1):
    spread = 0 if n % 2 == 1 else 1.0
    for s in students:
        s.expect("question", timeout=60)
    ping = burst(teacher, lambda i: "", "/api/ping", spread)
    ans = burst(teacher, lambda i: json.dumps({"token": students[i].token, "question": n, "answer": "a"}),
                "/api/answer", spread)
    for s in students:
        s.expect("reveal", timeout=60)
    mark = len(teacher.lines)
    teacher.say("/stats")
    stats = teacher.wait_for("teacher: ", start=mark) + teacher.wait_for("memory: ", start=mark)
    key = "spread over 1 s" if spread else "all at once"
    r = results.setdefault(key, {"ping": [], "answer": [], "batch": 0.0, "gap": 0.0})
    r["ping"] += ping
    r["answer"] += ans
    r["batch"] = max(r["batch"], float(re.search(r"longest batch ([\d.]+) ms", stats).group(1)))
    r["gap"] = max(r["gap"], float(re.search(r"longest between redraws ([\d.]+) ms", stats).group(1)))
    lua_kib = int(re.search(r"memory: Lua (\d+) KiB", stats).group(1))
    teacher.say("")
for s in students:
    s.expect("end", timeout=60)
teacher.finish(timeout=60)
for s in students:
    s.close()

print("classroom: %d students on loopback, %d questions (event streams open, answers graded, stored, acknowledged)"
      % (N, QUESTIONS))
for key, r in results.items():
    pm, pp = statistics.median(r["ping"]), pct(r["ping"], 99)
    am, ap = statistics.median(r["answer"]), pct(r["answer"], 99)
    print("  %-16s answer->ack median %6.1f ms (target <= 20), p99 %6.1f ms (target <= 100); "
          "bare round trip median %5.1f ms, p99 %5.1f ms; ratio median %.1fx, p99 %.1fx"
          % (key, am, ap, pm, pp, am / pm, ap / pp))
    print("  %-16s teacher: longest batch of events %.1f ms, longest gap between redraws %.0f ms (tick 200 ms)"
          % ("", r["batch"], r["gap"]))
print("  memory: %.1f KiB a student in the teacher's process (RSS %d -> %d KiB); Lua heap %d KiB in all"
      % ((rss1 - rss0) / N, rss0, rss1, lua_kib))
