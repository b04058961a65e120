"""security.py: what a student's device must not be able to do — answer before the question
opens, or one that is not open; answer twice; answer after the time; answer with a forged or
another game's token; send oversized, malformed or non-UTF-8 bodies, or names with control
characters; flood one connection; and open and drop 1,000 connections — and the game goes on."""
import http.client
import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

suite = harness.Suite()
teacher, key = harness.choice_game(11, 2, "--time", "3")
check = suite.check
post = lambda path, body=None, raw=None: teacher.request("POST", path, body, raw)  # noqa: E731

ali = harness.Student(teacher, "Ali")
check("an answer before the game starts is refused", ali.answer(1, "a")[0] == 409)
check("a wrong join code is refused", post("/api/join", {"code": "x" + teacher.code, "name": "Eve"})[0] == 403)
check("a forged token cannot answer", ali.answer(1, "a", token="0" * 32)[0] == 403)
check("a token of the wrong length cannot answer", ali.answer(1, "a", token="abc")[0] == 403)
bad = http.client.HTTPConnection(teacher.host, teacher.port, timeout=10)
bad.request("GET", "/api/events?token=" + "f" * 32)
check("a forged token opens no event stream", bad.getresponse().status == 403)
bad.close()
check("a body over the size limit is refused", post("/api/answer", raw="x" * 5000)[0] == 413)
check("a body that is not JSON is refused", post("/api/answer", raw="{\"token\": ")[0] == 400)
check("JSON that is not an object is refused", post("/api/join", raw="[1,2]")[0] == 400)
check("an answer without its fields is refused", post("/api/answer", {"token": ali.token})[0] == 400)
check("a name that is not UTF-8 is refused",
      post("/api/join", raw=b'{"code":"%s","name":"\xff\xfe"}' % teacher.code.encode())[0] == 400)
check("a name with control characters is refused",
      post("/api/join", {"code": teacher.code, "name": "Eve\u001b[2J"})[0] == 400)
check("a name with direction overrides is refused",
      post("/api/join", {"code": teacher.code, "name": "Eve\u202e"})[0] == 400)
check("an empty name is refused", post("/api/join", {"code": teacher.code, "name": "   "})[0] == 409)
status, reply = post("/api/join", {"code": teacher.code, "name": "<b>Bilal</b> " + "x" * 40})
check("a long name is cut to 20 columns, its text kept as text", status == 200 and reply["name"] == "<b>Bilal</b> xxxxxxx",
      reply)
check("an unknown path is 404", teacher.request("GET", "/etc/passwd")[0] == 404)
check("a path outside the page is 404", teacher.request("GET", "/../CMakeLists.txt")[0] == 404)
check("a method the server does not take is 405", teacher.request("DELETE", "/api/join")[0] == 405)
check("the page is served", teacher.request("GET", "/")[0] == 200)

teacher.say("")
q = ali.expect("question")
check("an answer to a question not yet asked is refused", ali.answer(q["n"] + 1, key[0]["letter"])[0] == 409)
status, reply = ali.answer(q["n"], key[0]["letter"])
check("the first answer is taken", status == 200, reply)
check("a second answer to the same question is refused", ali.answer(q["n"], "b")[0] == 409)
r = ali.expect("reveal")
check("the reveal counts the first answer only", r["right"] and r["points"] == 10, r)
check("an answer after the question closed is refused", ali.answer(q["n"], "a")[0] == 409)
teacher.say("")
q = ali.expect("question")
time.sleep(3.3)  # past the 3 seconds: the teacher's clock closes it
check("an answer after the time is refused", ali.answer(q["n"], key[1]["letter"])[0] == 409)
ali.expect("reveal")

# One connection that floods: after its burst it is told to slow down.
flood = http.client.HTTPConnection(teacher.host, teacher.port, timeout=10)
codes = []
for _ in range(60):
    flood.request("POST", "/api/ping", body="")
    resp = flood.getresponse()
    resp.read()
    codes.append(resp.status)
flood.close()
check("a connection that floods is rate-limited", 429 in codes and codes[0] == 200, codes[:5])

# 1,000 connections opened and dropped: some mid-request, some sending nothing, some half a body.
socks = []
for i in range(1000):
    s = socket.create_connection((teacher.host, teacher.port), timeout=10)
    if i % 3 == 1:
        s.sendall(b"POST /api/answer HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"tok")
    elif i % 3 == 2:
        s.sendall(b"GET /api/even")
    socks.append(s)
    if len(socks) == 250:
        for s in socks:
            s.close()
        socks = []
for s in socks:
    s.close()
status, _ = teacher.request("POST", "/api/ping", raw="")
check("after 1,000 connections dropped the server still answers", status == 200)
time.sleep(1)
teacher.say("/stats")
line = teacher.wait_for("server: ")
opened = int(line.split("connections open")[0].split(",")[-1].split()[0]) if "connections open" in line else -1
check("the dropped connections are closed on the server", 0 <= opened <= 5, line)
teacher.say("")  # final standings
ali.expect("end")
check("halqa ends cleanly", teacher.finish() == 0, teacher.output()[-1500:])
try:
    status, reply = post("/api/join", {"code": teacher.code, "name": "After"})
    expired = status == 410
except OSError:
    expired = True  # the server is gone with the game
check("the join code expires with the game", expired)
ali.close()
sys.exit(suite.done())
