# serve.py: `halqa serve --stdio` (docs/embedding.md) — JSON-RPC 2.0 one message a line: a quiz
# played to its summary and saved in the store, eval, export, and every kind of error object.
import base64
import json

from rpc import Checks, Server

t = Checks()
s = Server("--time-limit", "2")

# eval: values as JSON, errors as error objects with the message the command line prints
t.check(s.call("eval", lua="return 1 + 1") == 2, "eval 1 + 1")
t.check(s.call("eval", lua="return parties.CPP.name") == "Communist Party of Pakistan", "eval reads the dataset")
t.check(s.call("eval", lua="return 1, 'two'") == [1, "two"], "several values are an array")
t.check(s.call("eval", lua="x = 41") is None, "nothing returned is null")
t.check(s.call("eval", lua="return x + 1") == 42, "a variable stays for the next eval")
r = s.request("eval", lua="return nil + 1")
t.check(r.get("error", {}).get("code") == -32001 and "arithmetic" in r["error"]["message"], f"a script error: {r}")
r = s.request("eval", lua="parties.CPP.name = 'x'")
t.check("read-only" in r.get("error", {}).get("message", ""), f"the sandbox holds: {r}")
r = s.request("eval", lua="while true do end")
t.check(r.get("error", {}).get("code") == -32001 and "time limit" in r["error"]["message"], f"the time limit: {r}")
t.check(s.call("eval", lua="return 2") == 2, "the engine goes on after a time-out")

# a quiz, step by step, to the summary
sid = s.call("start", mode="quiz", options={"n": 2, "seed": 30, "topic": ["linked"]})["session"]
q1 = s.call("next", session=sid)
t.check(q1["type"] == "question" and q1["index"] == 1 and q1["total"] == 2, f"the first question: {q1}")
t.check("answer" not in q1 and "explanation" not in q1, "a question gives nothing away")
t.check(s.call("next", session=sid)["id"] == q1["id"], "next again is the same step")
g1 = s.call("answer", session=sid, answer="false")
t.check(g1["type"] == "grade" and g1["verdict"] == "correct", f"graded: {g1}")
q2 = s.call("next", session=sid)
t.check(q2["index"] == 2 and q2["kind"] == "number", f"the second question: {q2}")
hint = s.call("answer", session=sid, answer="?")
t.check(hint["type"] == "hint", f"? gives a hint: {hint}")
t.check(s.call("next", session=sid)["again"] is True, "the question is asked again after the hint")
g2 = s.call("answer", session=sid, answer="2")
t.check(g2["verdict"] == "correct" and g2["score"] == 0.5 and g2["hinted"], f"a hinted answer scores half: {g2}")
t.check(s.call("next", session=sid) is None, "no step after the last question")
summary = s.call("summary", session=sid)
t.check(summary["type"] == "summary" and summary["score"] == 1.5 and summary["asked"] == 2, f"summary: {summary}")
t.check(s.call("eval", lua="return #halqa.store.session_answers(1)") == 2, "both answers are in the store")
r = s.request("answer", session=sid, answer="x")
t.check(r.get("error", {}).get("code") == -32001 and "ended" in r["error"]["message"], f"answering an ended session: {r}")
t.check("\n" not in r["error"]["message"], f"answering an ended session is a one-line error: {r}")
t.check(s.call("end", session=sid) is True, "end")
r = s.request("next", session=sid)
t.check(r.get("error", {}).get("code") == -32602, f"an ended session is gone: {r}")

# a usage error is the command line's message
r = s.request("start", mode="quiz", options={"kind": "bogus"})
t.check(r.get("error", {}).get("code") == -32002 and "kind 'bogus'" in r["error"]["message"], f"bad option value: {r}")
t.check("\n" not in r["error"]["message"], f"a usage error is one line, not wrapped for a screen: {r}")
r = s.request("start", mode="quiz", options={"frobnicate": True})
t.check(r.get("error", {}).get("code") == -32002 and "frobnicate" in r["error"]["message"], f"unknown option: {r}")
r = s.request("start", mode="drill", options={"n": 2})
t.check(r.get("error", {}).get("code") == -32002 and "needs players or teams" in r["error"]["message"],
        f"a drill without players or teams is refused, not asked for them: {r}")
sid = s.call("start", mode="circle")["session"]
step = s.call("next", session=sid)
t.check(step["type"] == "input" and "again" not in step and "Which topic" in step["input"],
        f"circle without a topic asks which one, as a first input step: {step}")
t.check(s.call("answer", session=sid, answer="1")["type"] == "ok" and s.call("next", session=sid)["type"] == "page",
        "the topic's number starts its reading")
s.call("end", session=sid)
r = s.request("start", mode="stats")
t.check(r.get("error", {}).get("code") == -32002 and "unknown mode" in r["error"]["message"], f"not a mode: {r}")
r = s.request("start", mode="quiz", options=[1])
t.check(r.get("error", {}).get("code") == -32602, f"options must be an object: {r}")

r = s.request("start", mode="drill", options={"serve": True})
t.check(r.get("error", {}).get("code") == -32002 and "--serve" in r["error"]["message"], f"no networked drill in a session: {r}")
sid = s.call("start", mode="quiz", options={"help": True})["session"]
t.check(s.call("next", session=sid) is None, "--help ends the session at once")
t.check("--seed" in s.call("summary", session=sid)["text"], "and its summary carries the help text")
s.call("end", session=sid)

# export: text as text, a binary file as base64
gift = s.call("export", format="gift", options={"party": "CPP"})
t.check(gift["format"] == "gift" and "::" in gift["text"] and "{" in gift["text"], "export gift")
r = s.request("export", format="gift", options={"output": "x.gift"})
t.check(r.get("error", {}).get("code") == -32002, f"no output option: {r}")
r = s.request("export", format="nope")
t.check(r.get("error", {}).get("code") == -32002 and "unknown format" in r["error"]["message"], f"bad format: {r}")
if s.call("eval", lua="return halqa.zip ~= nil"):
    apkg = s.call("export", format="apkg", options={"party": "CPP"})
    t.check(base64.b64decode(apkg.get("base64", ""))[:2] == b"PK", "export apkg arrives as a zip in base64")

# the protocol's own errors
r = s.send_line("this is not json")
t.check(r["error"]["code"] == -32700 and r["id"] is None, f"parse error: {r}")
r = s.send_line(json.dumps({"id": 5, "method": "eval"}))
t.check(r["error"]["code"] == -32600, f"not 2.0: {r}")
r = s.request("frobnicate")
t.check(r["error"]["code"] == -32601, f"no such method: {r}")
r = s.request("eval", nope=1)
t.check(r["error"]["code"] == -32602, f"missing params: {r}")
r = s.request("next", session=99)
t.check(r["error"]["code"] == -32602, f"no such session: {r}")
# a notification gets no reply: the next line read is the reply to the request after it
s.proc.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "eval", "params": {"lua": "y = 7"}}) + "\n")
t.check(s.call("eval", lua="return y") == 7, "a notification runs and is not answered")
batch = s.send_line(json.dumps([{"jsonrpc": "2.0", "id": "a", "method": "eval", "params": {"lua": "return 1"}},
                                {"jsonrpc": "2.0", "id": "b", "method": "version"}]))
t.check(isinstance(batch, list) and [b["id"] for b in batch] == ["a", "b"] and batch[0]["result"] == 1, f"batch: {batch}")
t.check(s.call("version").count(".") == 2, "version")
s.close()
t.done()
