"""join.py: `halqa join` — a student at a terminal (a real pseudo-terminal: the question drawn,
a countdown prompt, the answer typed) and from a pipe (a line an answer), playing one game
together with a student on the HTTP protocol; and its errors: a wrong code, no server, usage."""
import os
import pty
import select
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

suite = harness.Suite()
teacher, key = harness.choice_game(5, 2, "--time", "30")
check = suite.check
address = "%s:%d" % (teacher.host, teacher.port)

# the student at a terminal
pid, fd = pty.fork()
if pid == 0:
    os.environ["COLUMNS"] = "60"
    os.execv(harness.HALQA, [harness.HALQA, "--db", ":memory:", "join", address, teacher.code, "--name", "Tahira"])
screen = b""


def read_until(text, timeout=20):
    global screen
    end = time.time() + timeout
    while text.encode() not in screen:
        left = end - time.time()
        if left <= 0:
            raise AssertionError("no %r on the terminal; it shows:\n%s" % (text, screen.decode(errors="replace")))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break
    return screen


read_until("Joined as Tahira")
check("the terminal student is on the teacher's list", "Tahira joined" in teacher.wait_for("Tahira joined"))

# the student on a pipe
piped = subprocess.Popen([harness.HALQA, "--db", ":memory:", "join", address, teacher.code, "--name", "Omar"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
teacher.wait_for("Omar joined")
web = harness.Student(teacher, "Web")
teacher.say("")
q = web.expect("question")
read_until("Question 1 of 2")
read_until("Tahira > ")
check("the terminal shows the question and its choices", b"a)" in screen and b"(one letter)" in screen)
check("the terminal prompt counts down", b"s] Tahira > " in screen)
os.write(fd, (key[0]["letter"] + "\r").encode())
read_until("Answer sent")
piped.stdin.write("z\n")
piped.stdin.flush()
web.answer(q["n"], key[0]["letter"])
web.expect("reveal")
read_until("Right!")
check("the terminal shows right and the rank", b"10 points" in screen and b"rank 1 of 3" in screen)
teacher.say("")
q = web.expect("question")
read_until("Question 2 of 2")
os.write(fd, b"a\r")
piped.stdin.write(key[1]["letter"] + "\n")
piped.stdin.flush()
web.answer(q["n"], key[1]["letter"])
web.expect("reveal")
teacher.say("")
web.expect("end")
read_until("The game is over")
os.waitpid(pid, 0)
out = piped.communicate(timeout=20)[0]
check("the piped student gets its verdicts", "Not right" in out and "Right! +10" in out, out)
check("the piped student hears the end", "The game is over: you came" in out, out)
check("halqa ends cleanly", teacher.finish() == 0)

# errors
def run(*args):
    p = subprocess.run([harness.HALQA, "--db", ":memory:", "join", *args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, timeout=30)
    return p.returncode, p.stderr


t2 = harness.Teacher("-n", "1")
status, err = run("%s:%d" % (t2.host, t2.port), "000", "--name", "X")
check("a wrong code: status 1 and why", status == 1 and "wrong join code" in err, (status, err))
t2.say("/end")
t2.finish()
status, err = run("127.0.0.1:1", "123456", "--name", "X")
check("no server there: status 1 and the address", status == 1 and "127.0.0.1:1" in err, (status, err))
status, err = run("127.0.0.1:1")
check("no code: a usage error", status == 2 and "join code" in err, (status, err))
web.close()
sys.exit(suite.done())
