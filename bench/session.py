#!/usr/bin/env python3
"""bench/session.py: what a session costs on synthetic datasets (bench/synth.lua) 1x, 100x, 1000x
the bundled one, each figure beside a baseline measured in the same run, alternating:

  first question   quiz, cards, drill and circle started with stdin at EOF (start-up, the first
                   question built and shown, then the end), beside plain start-up on the same
                   dataset (`-e 'return 1'`); spawn_time.c times the processes. Target <= 1.2x.
  peak memory      the 10-question quiz's peak resident memory beside start-up's (the dataset
                   loaded alone). Target <= 1.3x.
  one interaction  piped, answer -> grade -> commit to the store -> next question shown: the
                   time from writing an answer to reading the next question, in a quiz and in
                   cards, median and worst. Target: median <= 1 ms at 1000x.
  full export      `export --format json` (time, peak memory, questions) beside plain lua5.4
                   building and writing as JSON as many tables of a question's shape
                   (bench/json_floor.lua). Target at 1000x: <= 20 s and <= 300 MiB.

usage: bench/session.py [HALQA] [SIZE...] [--runs N] [--no-export]   (defaults: build/halqa 1 100)
"""
import os
import resource
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def synth(size, out):
    subprocess.run(["lua5.4", os.path.join(HERE, "synth.lua"), os.path.join(HERE, "..", "data"), out, str(size)],
                   check=True, stdout=subprocess.DEVNULL)


def spawn_times(timer, runs, cmds):
    """Runs the commands round-robin under spawn_time; {name: (median ms, min ms, maxrss KiB)}."""
    args = [timer, str(runs), "-i", "/dev/null"]
    for name, argv in cmds:
        args += ["--", name] + argv
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        name, med, mn, rss = line.split()
        res[name] = (float(med), float(mn), int(rss))
    return res


class Piped:
    """A halqa session on pipes: send a line, read until a text appears (or a timeout)."""

    def __init__(self, argv):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""

    def until(self, text, timeout=30.0):
        end = time.perf_counter() + timeout
        fd = self.p.stdout.fileno()
        while text.encode() not in self.buf:
            left = end - time.perf_counter()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return False
            chunk = os.read(fd, 65536)
            if not chunk:
                return False
            self.buf += chunk
        i = self.buf.index(text.encode()) + len(text)
        self.seen, self.buf = self.buf[:i].decode(errors="replace") + self.buf[i:].decode(errors="replace"), self.buf[i:]
        return True

    def send(self, line):
        self.p.stdin.write((line + "\n").encode())
        self.p.stdin.flush()

    def close(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.p.kill()  # ours, started above
            self.p.wait()


ANSWERS = {"choice": "a", "multi": "a", "order": "a b c", "match": "1a", "truefalse": "true", "date": "1950",
           "number": "7", "short": "x", "cloze": "x"}


def quiz_interactions(base, n):
    """ms from each answer to the next question shown, over a quiz of n questions."""
    s = Piped(base + ["quiz", "-n", str(n), "--seed", "1"])
    times = []
    if not s.until("Question 1 of", timeout=1800):
        s.close()
        return times
    for i in range(2, n + 1):
        s.until("(")  # the kind's line of instructions ends the question
        kind = s.seen.split("·", 1)[1].split("]", 1)[0].strip() if "·" in s.seen else "short"
        t0 = time.perf_counter()
        s.send(ANSWERS.get(kind, "x"))
        if not s.until("Question %d of" % i, timeout=5):
            s.send("skip")  # an answer it asks again for: skip it (untimed)
            if not s.until("Question %d of" % i):
                break
            continue
        times.append((time.perf_counter() - t0) * 1000)
    s.close()
    return times


def card_interactions(base, n):
    """ms from each rating to the next card shown, over n new cards."""
    s = Piped(base + ["cards", "--new", str(n), "--limit", str(n)])
    times = []
    if not s.until("Card 1 of", timeout=1800):
        s.close()
        return times
    for i in range(2, n + 1):
        s.send("")  # Enter: the back
        if not s.until("4 Easy"):
            break
        t0 = time.perf_counter()
        s.send("3")
        if not s.until("Card %d of" % i, timeout=10):
            break
        times.append((time.perf_counter() - t0) * 1000)
    s.close()
    return times


def timed(timer, argv, out_path):
    """Runs argv once under spawn_time with stdout to out_path; (seconds, maxrss KiB). (A child
    forked from Python would count Python's own memory in its peak; posix_spawn's does not.)"""
    out = subprocess.run([timer, "1", "-i", "/dev/null", "-o", out_path, "--", "x"] + argv, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[1]) / 1000, int(out[3])


def fmt_ratio(x, target):
    return "%.2fx (target <= %.1fx): %s" % (x, target, "ok" if x <= target else "over target")


def main():
    args = [a for a in sys.argv[1:]]
    runs, export = 5, True
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    if "--no-export" in args:
        export = False
        args.remove("--no-export")
    halqa = os.path.abspath(args.pop(0)) if args and not args[0].isdigit() else os.path.join(HERE, "..", "build", "halqa")
    sizes = [int(a) for a in args] or [1, 100]
    timer = os.path.join(os.path.dirname(halqa), "spawn_time")
    for tool in (halqa, timer):
        if not os.access(tool, os.X_OK):
            raise SystemExit("session: no %s (build first)" % tool)
    work = tempfile.mkdtemp()
    try:
        for k in ("CONFIG", "CACHE", "DATA", "STATE"):
            os.environ["XDG_%s_HOME" % k] = os.path.join(work, k.lower())
        for size in sizes:
            data = os.path.join(work, "d%d" % size)
            synth(size, data)
            base = [halqa, "--data", data, "--db", ":memory:", "--time-limit", "0", "--mem-limit", "4000"]
            subprocess.run(base + ["-e", "return 1"], check=True, stdout=subprocess.DEVNULL)  # fills the cache
            r = max(1, runs if size < 1000 else min(runs, 3))
            res = spawn_times(timer, r, [
                ("plain", base + ["-e", "return 1"]),
                ("quiz", base + ["quiz", "-n", "10", "--seed", "1"]),
                ("cards", base + ["cards"]),
                ("drill", base + ["drill", "--teams", "A,B", "-n", "10", "--seed", "1"]),
                ("circle", base + ["circle", "cpp_founding"]),
                ("lua", ["lua5.4", "-e", ""]),
            ])
            plain = res["plain"][0]
            print("session: %dx dataset, medians of %d runs; plain start-up %.1f ms (lua5.4 -e '' %.1f ms), %.1f MiB"
                  % (size, r, plain, res["lua"][0], res["plain"][2] / 1024))
            for m in ("quiz", "cards", "drill", "circle"):
                print("session: %dx first question of %-6s %8.1f ms  %s" % (size, m, res[m][0], fmt_ratio(res[m][0] / plain, 1.2)))
            print("session: %dx peak memory of a 10-question quiz %.1f MiB, start-up alone %.1f MiB: %s"
                  % (size, res["quiz"][2] / 1024, res["plain"][2] / 1024, fmt_ratio(res["quiz"][2] / res["plain"][2], 1.3)))
            for name, fn in (("quiz", quiz_interactions), ("cards", card_interactions)):
                t = fn(base, 21)
                if t:
                    print("session: %dx one piped %s interaction: median %.2f ms, worst %.2f ms over %d (target median <= 1 ms): %s"
                          % (size, name, statistics.median(t), max(t), len(t), "ok" if statistics.median(t) <= 1 else "over target"))
                else:
                    print("session: %dx one piped %s interaction: could not be driven" % (size, name))
            if export:
                out = os.path.join(work, "bank.json")
                secs, rss = timed(timer, base + ["export", "--format", "json"], out)
                with open(out, "rb") as f:
                    n = sum(1 for line in f if line.startswith(b'\t"id":'))
                os.remove(out)
                fsecs, frss = timed(timer, ["lua5.4", os.path.join(HERE, "json_floor.lua"), str(n)], os.devnull)
                print("session: %dx full export %.2f s, %.1f MiB, %d questions; plain lua5.4 the same shape %.2f s, %.1f MiB "
                      "(ratio %.1fx time, %.1fx memory; target at 1000x <= 20 s, <= 300 MiB)"
                      % (size, secs, rss / 1024, n, fsecs, frss / 1024, secs / max(fsecs, 1e-3), rss / max(frss, 1)))
            shutil.rmtree(data)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
