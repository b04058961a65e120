"""browser.py: the phone page in a real browser — Debian's headless Chromium, driven through the
DevTools protocol over --remote-debugging-pipe (no driver to install) — joins a game, answers a
question, and sees the reveal; a screenshot of each step is kept (ARTIFACTS, default
build/tests/artifacts) for CI. Skipped (status 77) without Chromium."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import base64

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("skipped: no chromium")
    sys.exit(77)
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(os.getcwd(), "artifacts"))
os.makedirs(ARTIFACTS, exist_ok=True)


class Browser:
    """Chromium with the DevTools protocol on a pipe: JSON messages ended by a NUL byte."""

    def __init__(self):
        self.profile = tempfile.mkdtemp()
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        self.p = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--remote-debugging-pipe", "--user-data-dir=" + self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False,
            preexec_fn=lambda: self._pipe_fds(to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.next_id, self.buf, self.session = 0, b"", None
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=390, height=760, deviceScaleFactor=2, mobile=True)

    @staticmethod
    def _pipe_fds(r, w):
        # Chromium reads the protocol on fd 3 and writes on fd 4; copied high first so that
        # neither dup2 overwrites the other's source.
        r2, w2 = os.dup(r), os.dup(w)
        os.dup2(r2, 3)
        os.dup2(w2, 4)

    def call(self, method, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self.buf:
                chunk = os.read(self.from_chrome, 1 << 20)
                if not chunk:
                    raise AssertionError("chromium closed the DevTools pipe")
                self.buf += chunk
            raw, self.buf = self.buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise AssertionError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise AssertionError("page error: %s" % r["exceptionDetails"])
        return r["result"].get("value")

    def wait(self, expression, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            v = self.js(expression)
            if v:
                return v
            time.sleep(0.1)
        raise AssertionError("the page never showed: %s; body: %s" % (expression, self.js("document.body.innerText")))

    def screenshot(self, name):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path = os.path.join(ARTIFACTS, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path

    def close(self):
        self.p.kill()
        self.p.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


suite = harness.Suite()
teacher, key = harness.choice_game(3, 2, "--time", "60")
check = suite.check
b = Browser()
try:
    b.call("Page.navigate", url="http://%s:%d/?code=%s" % (teacher.host, teacher.port, teacher.code))
    b.wait("document.readyState === 'complete' && !document.getElementById('join').hidden")
    check("the join code comes from the QR code's address", b.js("document.getElementById('code').value") == teacher.code)
    b.js("document.getElementById('name').value = '<i>Zara</i>'; "
         "document.getElementById('join-form').requestSubmit(); true")
    b.wait("!document.getElementById('wait').hidden")
    check("the page says the student is in", "You are in, <i>Zara</i>" in b.js("document.body.innerText"))
    check("a name is shown as text, never as HTML", b.js("document.querySelectorAll('main i').length") == 0)
    b.screenshot("classroom-phone-lobby.png")
    teacher.wait_for("Zara")
    quiet = harness.Student(teacher, "Quiet")  # keeps the question open until the teacher reveals
    teacher.say("")
    b.wait("!document.getElementById('question').hidden")
    check("the question shows its choices as buttons", b.js("document.querySelectorAll('#q-choices button').length") == 4)
    b.wait("/\\d+ s/.test(document.getElementById('q-clock').textContent)")
    check("the page counts down", True)
    b.screenshot("classroom-phone-question.png")
    letter = key[0]["letter"]
    b.js("document.querySelectorAll('#q-choices button')[%d].click(); true" % (ord(letter) - 97))
    b.wait("document.getElementById('q-status').textContent.includes('Answer sent')")
    check("the answer is acknowledged", True)
    # a reload keeps the seat: the token is in localStorage
    b.call("Page.reload")
    b.wait("document.readyState === 'complete' && !document.getElementById('question').hidden")
    b.wait("document.getElementById('q-status').textContent.includes('Answer sent')")
    check("after a reload the seat and the sent answer are kept", True)
    teacher.say("/reveal")
    b.wait("!document.getElementById('reveal').hidden")
    text = b.js("document.body.innerText")
    check("the reveal says right, gives the answer, points and rank",
          "Right!" in text and key[0]["answer"] in text and "10 points" in text and "rank 1 of 2" in text, text)
    shot = b.screenshot("classroom-phone-reveal.png")
    check("the screenshot is saved", os.path.getsize(shot) > 5000)
    teacher.say("")
    b.wait("!document.getElementById('question').hidden")
    teacher.say("/end")
    b.wait("!document.getElementById('over').hidden")
    check("the page shows the end of the game", "You came 1 of 2" in b.js("document.body.innerText"))
    b.screenshot("classroom-phone-end.png")
    quiet.close()
finally:
    b.close()
check("halqa ends cleanly", teacher.finish() == 0)
print("screenshots in " + ARTIFACTS)
sys.exit(suite.done())
