"""resume.py: the teacher's halqa is killed mid-question (SIGKILL: no chance to tidy up); every
answer it acknowledged is in the store, and `drill --serve --resume` continues the game on the
same address and code — the students' tokens still hold their seats and scores, answers given
before the crash stand (and cannot be given again), and the game finishes with one report."""
import os
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

suite = harness.Suite()
check = suite.check
folder = tempfile.mkdtemp()
db = os.path.join(folder, "progress.db")
report = os.path.join(folder, "class.md")

status = subprocess.run([harness.HALQA, "--db", db, "drill", "--serve", "--resume"], capture_output=True, text=True,
                        stdin=subprocess.DEVNULL)
check("--resume with no unfinished game: status 1 and why", status.returncode == 1 and "no networked game" in status.stderr,
      status.stderr)

first, key = harness.choice_game(13, 2, "--time", "60", db=db)
a, b, c = (harness.Student(first, n) for n in ("Asma", "Babar", "Chand"))
first.say("")
q = a.expect("question")
check("Asma's answer is taken", a.answer(q["n"], key[0]["letter"])[0] == 200)
check("Babar's answer is taken", b.answer(q["n"], "a" if key[0]["letter"] != "a" else "b")[0] == 200)
first.p.send_signal(signal.SIGKILL)
first.p.wait()
rows = subprocess.run(["sqlite3", db, "SELECT count(*) FROM answers WHERE question NOT LIKE '@%'"],
                      capture_output=True, text=True).stdout.strip()
check("the acknowledged answers survived the kill", rows == "2", rows)

second = harness.Teacher("--resume", "--port", str(first.port), "--report", report, db=db)
check("the resumed game keeps its code", second.code == first.code, (second.code, first.code))
check("and its address", second.port == first.port)
check("the teacher is told what was resumed", "3 players, 2 answers, question 1 of 2" in second.output(), second.output())
students = [harness.Student(second, s.name, token=s.token) for s in (a, b, c)]
a2, b2, c2 = students
w = a2.expect("welcome")
check("a student's token still holds the seat", w["seat"] == a.seat and w["name"] == "Asma", w)
q = c2.expect("question")
check("the interrupted question is asked again", q["n"] == 1)
check("an answer given before the crash cannot be given again", a2.answer(1, "a")[0] == 409)
check("a student who had not answered can", c2.answer(1, key[0]["letter"])[0] == 200)
r = a2.expect("reveal")
check("the answer from before the crash counts", r["right"] and r["points"] == 10, r)
check("Babar's wrong answer from before the crash stands", b2.expect("reveal")["right"] is False)
second.say("")
for s in students:
    s.expect("question")
second.say("/reveal")
second.say("")
ends = [s.expect("end") for s in students]
check("the game ends for everyone", len(ends) == 3)
check("halqa ends cleanly", second.finish() == 0, second.output()[-1500:])
text = open(report).read() if os.path.exists(report) else ""
check("the report lists the answers from both runs", text.count("| 1 | Asma | %s | correct" % key[0]["letter"]) == 1
      and "| 1 | Chand | %s | correct" % key[0]["letter"] in text and "| 1 | Babar |" in text, text[-1500:])
again = subprocess.run([harness.HALQA, "--db", db, "drill", "--serve", "--resume"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
check("a finished game is not resumed again", again.returncode == 1, again.stderr)
for s in students:
    s.close()
sys.exit(suite.done())
