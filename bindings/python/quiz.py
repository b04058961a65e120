#!/usr/bin/python3
"""quiz.py: a quiz played from Python — halqa asks and grades, this loop reads and shows.

    python3 quiz.py '{"n": 5, "party": ["CPP"]}' < answers.txt
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from halqa import Halqa, HalqaError  # noqa: E402


def main():
    options = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"n": 3}
    with Halqa(store=":memory:", columns=72) as h:
        try:
            session = h.start("quiz", **options)
        except HalqaError as e:
            print(f"quiz: {e}", file=sys.stderr)
            return 2
        for step in session:
            print(step["text"], end="")
            line = sys.stdin.readline()
            if not line:
                break  # end of input ends the quiz early
            reply = session.answer(line.rstrip("\n"))
            print(reply["text"], end="")
        summary = session.summary()
        print(summary["text"], end="")
        print(f"(score {summary['score']} of {summary['asked']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
