"""halqa.py: libhalqa from Python through ctypes — no compiled extension (docs/embedding.md).

    from halqa import Halqa
    with Halqa(store=":memory:") as h:
        s = h.start("quiz", n=3, seed=4)
        for step in s:                      # a dict: {"type": "question", "prompt": ...}
            grade = s.answer(input(step["text"]))
        print(h.eval("return parties.CPP.name"), s.summary()["score"])

Options are the command line's: n=3 is -n 3, party=["CPP"] is --party CPP, no_pass=True is
--no-pass, args=["cpp_founding"] the other arguments. The library is HALQA_LIBRARY if set, else
libhalqa.so.0 wherever the dynamic loader finds it.
"""
import ctypes
import json
import os

__all__ = ["Halqa", "Session", "HalqaError"]

OK, ERROR, EUSAGE, ENOMEM, EINTERRUPTED = range(5)


class HalqaError(Exception):
    """A failed call: status is one of ERROR, EUSAGE, ENOMEM, EINTERRUPTED."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class _Config(ctypes.Structure):
    _fields_ = [("data_dir", ctypes.c_char_p), ("script_dirs", ctypes.POINTER(ctypes.c_char_p)),
                ("store_path", ctypes.c_char_p), ("mem_limit", ctypes.c_size_t),
                ("time_limit", ctypes.c_double), ("columns", ctypes.c_int),
                ("no_user_scripts", ctypes.c_int), ("catch_sigint", ctypes.c_int),
                ("terminal", ctypes.c_int), ("no_cache", ctypes.c_int)]  # every field of halqa_config, in order: C reads them all


_WRITER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)
_lib = None


def _load(path=None):
    global _lib
    if _lib is None:
        lib = ctypes.CDLL(path or os.environ.get("HALQA_LIBRARY") or "libhalqa.so.0")
        P, S, I = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        out = ctypes.POINTER(ctypes.c_void_p)  # char **: freed with halqa_free
        for name, res, args in [
            ("halqa_version", S, []), ("halqa_free", None, [P]),
            ("halqa_open", P, [ctypes.POINTER(_Config), out]), ("halqa_close", None, [P]),
            ("halqa_eval", I, [P, S, out, out]), ("halqa_start", P, [P, S, S, out]),
            ("halqa_next", S, [P]), ("halqa_answer", I, [P, S, out]), ("halqa_summary", P, [P]),
            ("halqa_end", None, [P]), ("halqa_export", I, [P, S, S, _WRITER, P, out]),
            ("halqa_interrupt", I, [P]), ("halqa_last_status", I, [P])]:
            f = getattr(lib, name)
            f.restype, f.argtypes = res, args
        _lib = lib
    return _lib


def _take(ptr):
    """The text of a char * the library returned, freed."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8")
    finally:
        _lib.halqa_free(ptr)


def _options(args, options):
    """Keyword options as the JSON object of the command line's options."""
    out = {k.replace("_", "-"): v for k, v in options.items()}
    if args:
        out["args"] = list(args)
    return json.dumps(out).encode()


class Session:
    """A quiz, cards, drill or circle, played step by step."""

    def __init__(self, h, ptr):
        self._h, self._ptr = h, ptr

    def next(self):
        """The step waiting for an answer (a dict), or None at the end."""
        if not self._ptr:
            return None
        step = _lib.halqa_next(self._ptr)
        return json.loads(step.decode("utf-8")) if step else None

    def answer(self, text):
        """Answers the step; returns what the answer brought (a grade, a hint...)."""
        out = ctypes.c_void_p()
        st = _lib.halqa_answer(self._ptr, str(text).encode(), ctypes.byref(out))
        reply = json.loads(_take(out.value) or "null")
        if st != OK:
            raise HalqaError(st, (reply or {}).get("message", "error"))
        return reply

    def summary(self):
        """Ends the session if it has not ended; its summary."""
        return json.loads(_take(_lib.halqa_summary(self._ptr)) or "null")

    def end(self):
        if self._ptr and _lib is not None:
            _lib.halqa_end(self._ptr)
            self._h._sessions.discard(self)
            self._ptr = None

    def __iter__(self):
        while (step := self.next()) is not None:
            yield step


class Halqa:
    """An engine: its own sandbox, dataset and progress store. Use it from one thread at a time."""

    def __init__(self, store=None, data_dir=None, script_dirs=(), mem_limit=0, time_limit=0, columns=0,
                 user_scripts=True, library=None):
        _load(library)
        dirs = (ctypes.c_char_p * (len(script_dirs) + 1))(*[d.encode() for d in script_dirs], None)
        cfg = _Config(data_dir.encode() if data_dir else None, dirs, store.encode() if store else None,
                      mem_limit, time_limit, columns, 0 if user_scripts else 1, 0)
        err = ctypes.c_void_p()
        self._ptr = _lib.halqa_open(ctypes.byref(cfg), ctypes.byref(err))
        if not self._ptr:
            raise HalqaError(ERROR, _take(err.value) or "halqa_open failed")
        self._sessions = set()

    @staticmethod
    def version():
        return _load().halqa_version().decode()

    def eval(self, lua):
        """Runs sandboxed Lua; returns what it returns (JSON turned into Python)."""
        out, err = ctypes.c_void_p(), ctypes.c_void_p()
        st = _lib.halqa_eval(self._ptr, lua.encode(), ctypes.byref(out), ctypes.byref(err))
        result, message = _take(out.value), _take(err.value)
        if st != OK:
            raise HalqaError(st, message)
        return json.loads(result)

    def start(self, mode, args=None, **options):
        """Starts "quiz", "cards", "drill" or "circle" with the command line's options."""
        err = ctypes.c_void_p()
        ptr = _lib.halqa_start(self._ptr, mode.encode(), _options(args, options), ctypes.byref(err))
        if not ptr:
            raise HalqaError(_lib.halqa_last_status(self._ptr), _take(err.value))
        s = Session(self, ptr)
        self._sessions.add(s)
        return s

    def export(self, format, args=None, **options):
        """Any export format, as bytes."""
        parts = []

        def write(ud, data, n):
            parts.append(ctypes.string_at(data, n))
            return 0

        err = ctypes.c_void_p()
        st = _lib.halqa_export(self._ptr, format.encode(), _options(args, options), _WRITER(write), None,
                               ctypes.byref(err))
        message = _take(err.value)
        if st != OK:
            raise HalqaError(st, message)
        return b"".join(parts)

    def interrupt(self):
        """Stops the running call (from another thread); True if one was running."""
        return bool(_lib.halqa_interrupt(self._ptr))

    def close(self):
        if getattr(self, "_ptr", None) and _lib is not None:  # also from __del__, at any time
            for s in list(self._sessions):
                s.end()
            _lib.halqa_close(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
