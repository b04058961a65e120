# rpc.py: `halqa serve --stdio` driven from Python for the tests of tests/lib — one JSON-RPC
# message a line each way.
import json
import os
import subprocess


class Server:
    def __init__(self, *args):
        halqa = os.environ["HALQA"]
        self.proc = subprocess.Popen([halqa, "--db", ":memory:", *args, "serve", "--stdio"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.next_id = 0

    def send_line(self, line):
        """Sends a raw line; returns the parsed reply line (None when nothing comes back)."""
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        return json.loads(reply) if reply else None

    def request(self, method, **params):
        """The whole reply object of one call."""
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}
        reply = self.send_line(json.dumps(msg))
        assert reply["id"] == self.next_id, reply
        return reply

    def call(self, method, **params):
        """The result of one call; fails the test on an error reply."""
        reply = self.request(method, **params)
        assert "result" in reply, f"{method} {params}: {reply}"
        return reply["result"]

    def close(self):
        self.proc.stdin.close()
        status = self.proc.wait(timeout=30)
        assert status == 0, f"halqa serve exited with {status}"


class Checks:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL:", what)

    def done(self):
        print(f"{self.passed} passed, {self.failed} failed")
        raise SystemExit(1 if self.failed else 0)
