"""harness.py: drives a networked game for the classroom tests and the benchmark — a teacher
(`halqa drill --serve` with its input on a pipe) and students speaking docs/classroom.md over
HTTP and Server-Sent Events, with Python's own http.client."""
import http.client
import json
import os
import queue
import subprocess
import threading
import time

HALQA = os.environ.get("HALQA", "build/halqa")


class Teacher:
    """halqa drill --serve on a pipe; its output lines are collected as they come."""

    def __init__(self, *args, db=":memory:", env=None):
        cmd = [HALQA, "--db", db, "drill", "--serve", "--port", "0", *args]
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, bufsize=1, env=env)
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        addr = self.wait_for("address: ")[len("address: "):]
        self.host, port = addr.rsplit(":", 1)
        self.port = int(port)
        self.code = self.wait_for("code: ")[len("code: "):]

    def _read(self):
        for line in self.p.stdout:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()
        with self.cond:
            self.lines.append(None)
            self.cond.notify_all()

    def wait_for(self, text, timeout=20, start=0):
        """The first output line (from index start) containing text."""
        end = time.time() + timeout
        with self.cond:
            while True:
                for line in self.lines[start:]:
                    if line is not None and text in line:
                        return line
                if None in self.lines:
                    raise AssertionError("halqa ended before printing %r; output:\n%s" % (text, self.output()))
                left = end - time.time()
                if left <= 0:
                    raise AssertionError("no %r within %ss; output:\n%s" % (text, timeout, self.output()))
                self.cond.wait(left)

    def output(self):
        return "\n".join(l for l in self.lines if l is not None)

    def say(self, line):
        self.p.stdin.write(line + "\n")
        self.p.stdin.flush()

    def finish(self, timeout=20):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        return self.p.wait(timeout)

    def request(self, method, path, body=None, raw=None):
        c = http.client.HTTPConnection(self.host, self.port, timeout=20)
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        c.request(method, path, body=data, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        text = r.read().decode()
        c.close()
        try:
            return r.status, json.loads(text) if text else None
        except ValueError:
            return r.status, text


class Student:
    """One student: joins, follows the event stream on a thread, answers."""

    def __init__(self, teacher, name, code=None, token=None):
        self.t = teacher
        self.name = name
        self.events = queue.Queue()
        self.all = []
        if token is None:
            status, reply = teacher.request("POST", "/api/join", {"code": code or teacher.code, "name": name})
            if status != 200:
                raise AssertionError("join %s: %s %s" % (name, status, reply))
            token = reply["token"]
            self.seat = reply["seat"]
        self.token = token
        self.conn = http.client.HTTPConnection(teacher.host, teacher.port, timeout=60)
        self.answer_conn = None
        self.stream_status = None
        self.ready = threading.Event()
        threading.Thread(target=self._stream, daemon=True).start()
        self.ready.wait(10)

    def _stream(self):
        try:
            self.conn.request("GET", "/api/events?token=" + self.token)
            r = self.conn.getresponse()
            self.stream_status = r.status
            self.ready.set()
            if r.status != 200:
                self.events.put(("refused", r.read().decode()))
                return
            event, data = None, None
            while True:
                line = r.fp.readline()
                if not line:
                    break
                line = line.decode().rstrip("\r\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: "):
                    data = line[6:]
                elif line == "":
                    if event:
                        item = (event, json.loads(data))
                        self.all.append(item)
                        self.events.put(item)
                    event, data = None, None
        except OSError:
            pass
        finally:
            self.ready.set()
            self.events.put(("closed", None))

    def expect(self, name, timeout=20):
        """The next event called name (others before it are skipped)."""
        end = time.time() + timeout
        while True:
            left = end - time.time()
            if left <= 0:
                raise AssertionError("%s: no %r event within %ss (had %s)" % (self.name, name, timeout, self.all))
            try:
                ev, data = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if ev == name:
                return data
            if ev == "closed" and name != "closed":
                raise AssertionError("%s: the stream closed before %r (had %s)" % (self.name, name, self.all))

    def answer(self, n, text, token=None):
        if self.answer_conn is None:
            self.answer_conn = http.client.HTTPConnection(self.t.host, self.t.port, timeout=20)
        body = json.dumps({"token": token or self.token, "question": n, "answer": text})
        self.answer_conn.request("POST", "/api/answer", body=body, headers={"Content-Type": "application/json"})
        r = self.answer_conn.getresponse()
        return r.status, json.loads(r.read().decode())

    def close(self):
        try:
            self.conn.sock and self.conn.sock.shutdown(2)
        except OSError:
            pass
        self.conn.close()
        if self.answer_conn:
            self.answer_conn.close()


def answer_key(seed, count):
    """[{letter, answer}] for the questions of `drill --serve --kind choice --seed SEED -n COUNT`."""
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run([HALQA, "--db", ":memory:", os.path.join(here, "key.lua"), str(seed), str(count)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def choice_game(seed, count, *args, db=":memory:"):
    """A teacher serving `count` choice questions of `seed`, and their answer key."""
    teacher = Teacher("--kind", "choice", "--seed", str(seed), "-n", str(count), *args, db=db)
    return teacher, answer_key(seed, count)


class Suite:
    """Named checks, counted: prints each failure and "N passed, N failed"."""

    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s %s" % (name, detail))

    def done(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed else 0
