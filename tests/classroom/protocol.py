"""protocol.py: a whole networked game on loopback with many students at once — they join, every
one answers every question, each gets a private acknowledgement, then a reveal with their own
result, points and rank, and the standings at the end agree with what they sent. Also: a
reconnect by token keeps the seat, /lock and /kick, and the progress store holds every answer."""
import os
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

STUDENTS, QUESTIONS, SEED = 40, 3, 7

t_ok = harness.Suite()
db = os.path.join(tempfile.mkdtemp(), "progress.db")
teacher, key = harness.choice_game(SEED, QUESTIONS, "--time", "20", "--report",
                                   os.path.join(os.path.dirname(db), "class.md"), db=db)
check = t_ok.check

students = [harness.Student(teacher, "Student %02d" % i) for i in range(STUDENTS)]
check("every student gets a seat of their own", len({s.seat for s in students}) == STUDENTS)
welcome = students[0].expect("welcome")
check("the welcome names the student", welcome["name"] == "Student 00", welcome)
teacher.wait_for("Student %02d joined" % (STUDENTS - 1))

# A name that is taken is refused; a reconnecting student keeps the seat.
status, reply = teacher.request("POST", "/api/join", {"code": teacher.code, "name": "student 00"})
check("a name already taken (in any case) is refused", status == 409, (status, reply))
late = harness.Student(teacher, "Latecomer")
late.close()
again = harness.Student(teacher, "Latecomer", token=late.token)
check("a reconnect with the token is welcomed back to the same seat",
      again.expect("welcome")["seat"] == late.seat)
students.append(again)

teacher.say("")  # Enter: the game starts
points = {s.name: 0 for s in students}
for n in range(1, QUESTIONS + 1):
    qs = [s.expect("question") for s in students]
    q = qs[0]
    check("Q%d is the same question for everyone" % n, all(x == q for x in qs))
    # the answer is among the choices, but nothing says which: only these fields go out
    check("Q%d carries no answer before the reveal" % n,
          set(q) <= {"n", "total", "prompt", "kind", "how", "seconds", "left", "choices", "left_items"}, q)
    right = key[n - 1]["letter"]
    wrong = "a" if right != "a" else "b"
    acks, lock = {}, threading.Lock()

    def answer(i, s):
        reply = s.answer(q["n"], right if i % 2 == 0 else wrong)
        with lock:
            acks[s.name] = reply

    threads = [threading.Thread(target=answer, args=(i, s)) for i, s in enumerate(students)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    check("Q%d: every answer is acknowledged" % n, all(a[0] == 200 for a in acks.values()),
          [a for a in acks.values() if a[0] != 200][:3])
    check("Q%d: an acknowledgement says nothing of right or wrong" % n,
          all(set(a[1]) == {"ok", "n"} for a in acks.values()))
    for i, s in enumerate(students):
        r = s.expect("reveal")
        if i % 2 == 0:
            points[s.name] += 10
        if not (r["right"] == (i % 2 == 0) and r["points"] == points[s.name] and r["answer"] == key[n - 1]["answer"]):
            check("Q%d: %s's reveal is their own" % (n, s.name), False, r)
            break
    else:
        check("Q%d: each reveal gives the student's own result, points and answer" % n, True)
    if n == 1:
        # the teacher locks the room: nobody new; then kicks one student
        teacher.say("/lock")
        teacher.wait_for("The room is locked")
        status, reply = teacher.request("POST", "/api/join", {"code": teacher.code, "name": "Intruder"})
        check("a locked room refuses to join", status == 423, (status, reply))
        kicked = students.pop()
        teacher.say("/kick " + kicked.name)
        check("a kicked student is told so", kicked.expect("kicked") == {})
        status, reply = kicked.answer(2, right)
        check("a kicked student's token no longer works", status == 403, (status, reply))
    teacher.say("")  # Enter: next question (or the final standings)

finals = [s.expect("end") for s in students]
best = max(points[s.name] for s in students)
check("the final standings put the right answerers first",
      all(f["rank"] == 1 for s, f in zip(students, finals) if points[s.name] == best))
check("halqa ends cleanly", teacher.finish() == 0, teacher.output()[-2000:])
out = teacher.output()
check("the teacher's screen shows how many answered", "answered" in out)
check("the report is written", os.path.exists(os.path.join(os.path.dirname(db), "class.md")))

# Every answer is in the store: students x questions, less the one kicked after Q1.
rows = subprocess.run(["sqlite3", db, "SELECT count(*) FROM answers WHERE question NOT LIKE '@%'"], capture_output=True, text=True)
if rows.returncode == 0:
    expected = len(students) * QUESTIONS + 1  # the kicked student's first answer
    check("the store holds every answer", int(rows.stdout.strip()) == expected, (rows.stdout, expected))
for s in students:
    s.close()
sys.exit(t_ok.done())
