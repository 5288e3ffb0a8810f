# Grades one LiveCodeBench sample inside the sandbox, reproducing the observable behaviour of
# lcb_runner/evaluation/testing_util.py at LiveCodeBench commit 28fef95: the same module preamble,
# stdin programs wrapped in a function and fed a mocked stdin, per-test alarms in whole seconds,
# stop at the first failure, exact-Decimal token comparison, one reused Solution instance.
#
# Input (stdin, JSON): {"code", "fn_name" | null, "inputs": [str], "outputs": [str], "timeout": int}
#   or {"compare": [[prediction, expected], ...]} to check only the stdout comparison rule.
# Output (the original stdout; the program's own stdout and stderr go to /dev/null): one JSON line per
# graded test, {"i", "r"} with r = true or an upstream code (-1 crash, -2 wrong, -3 time, -4 error),
# then {"done": true}. The protocol's plumbing, the alarm, the reliability guard and the preamble's text
# come from driver_support (harness/code-grading/driver_support.py), which the engine places next to this file.
import ast
import builtins
import io
import json
import os
import signal
import sys
from decimal import Decimal
from types import ModuleType

from driver_support import (
    Reporter, clip, disable_destructive_functions, failure, import_prelude, isolate_streams, on_alarm,
    unwrap_main_guard,
)

sys.set_int_max_str_digits(50000)

# the upstream module preamble, so programs may use e.g. `defaultdict` or `gcd` without importing them
PRELUDE = import_prelude("50000")


def wrap_in_function(code):
    """Imports stay at module level; every other top-level statement becomes wrapped_function's body."""
    try:
        tree = ast.parse(code)
        imports = [s for s in tree.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        others = [s for s in tree.body if not isinstance(s, (ast.Import, ast.ImportFrom))]
        fields = dict(name="wrapped_function",
                      args=ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]),
                      body=others, decorator_list=[], lineno=-1)
        if sys.version_info >= (3, 12):
            fields["type_params"] = []
        return PRELUDE + "\n" + ast.unparse(imports) + "\n" + ast.unparse(ast.FunctionDef(**fields))
    except Exception:
        return code


def load_module(code, timeout):
    signal.alarm(timeout)
    try:
        module = ModuleType("tmp_sol", "")
        exec(code, module.__dict__)
        target = module.Solution() if "class Solution" in code else module
        assert target is not None
    finally:
        signal.alarm(0)
    return target


class StdinBytes:
    def __init__(self, text):
        self.data = text.encode("utf-8")

    def read(self, *args):
        return self.data

    def readline(self, *args):
        return self.data.split(b"\n")[0] + b"\n"


class MockStdin:
    """read() is the whole input, readline() walks it, readlines() splits on newlines; not iterable."""

    def __init__(self, text):
        self.text = text
        self.stream = io.StringIO(text)
        self.buffer = StdinBytes(text)

    def read(self, *args):
        return self.text

    def readline(self, *args):
        return self.stream.readline(*args)

    def readlines(self, *args):
        return self.text.split("\n")

    def __getattr__(self, name):
        return getattr(self.stream, name)


# The process's own stdin object. Upstream's stacked mock.patch decorators patch read, readline and readlines
# on this object before they swap sys.stdin, so a name bound to it at module level (`from sys import stdin`,
# or `stdin` from the preamble's `from sys import *`) still reads the test input.
ORIGINAL_STDIN = sys.stdin
PATCHED_METHODS = ("read", "readline", "readlines")


def patch_original_stdin(text):
    lines = iter(text.split("\n"))
    saved = {name: ORIGINAL_STDIN.__dict__.get(name) for name in PATCHED_METHODS}
    ORIGINAL_STDIN.read = lambda *args: text
    ORIGINAL_STDIN.readline = lambda *args: next(lines)
    ORIGINAL_STDIN.readlines = lambda *args: text.split("\n")
    return saved


def restore_original_stdin(saved):
    for name, value in saved.items():
        if value is None:
            ORIGINAL_STDIN.__dict__.pop(name, None)
        else:
            setattr(ORIGINAL_STDIN, name, value)


def run_with_stdin(function, text):
    """stdout goes to a buffer; sys.stdin and builtins.open serve the test input (upstream patches both)."""
    captured = io.StringIO()
    captured.close = lambda *args: None
    saved = sys.stdout, sys.stdin, builtins.open
    saved_methods = patch_original_stdin(text)
    sys.stdout, sys.stdin = captured, MockStdin(text)
    builtins.open = lambda *args, **kwargs: io.StringIO(text)
    try:
        function()
    except SystemExit:
        pass
    finally:
        sys.stdout, sys.stdin, builtins.open = saved
        restore_original_stdin(saved_methods)
    return captured.getvalue()


def stripped_lines(text):
    return [line.strip() for line in text.strip().split("\n")]


def as_decimals(line):
    try:
        return [Decimal(token) for token in line.split()]
    except Exception:
        return None


def outputs_match(prediction, expected):
    got, want = stripped_lines(prediction), stripped_lines(expected)
    if len(got) != len(want):
        return False, "Wrong answer: mismatched output length"
    for index, (a, b) in enumerate(zip(got, want)):
        if a == b:
            continue
        da, db = as_decimals(a), as_decimals(b)
        if da is None or db is None or da != db:
            return False, "Wrong answer at line %d: %s != %s" % (index, clip(a), clip(b))
    return True, ""


def grade_stdin(reporter, code, inputs, outputs, timeout):
    program = load_module(wrap_in_function(unwrap_main_guard(code)), timeout)
    function = getattr(program, "wrapped_function", None)
    if function is None:
        raise RuntimeError("no wrapped_function")
    for given, expected in zip(inputs, outputs):
        signal.alarm(timeout)
        try:
            prediction = run_with_stdin(function, given)
            signal.alarm(0)
        except Exception as error:
            signal.alarm(0)
            return failure(reporter, error, inputs=given, expected=expected)
        finally:
            signal.alarm(0)
        ok, message = outputs_match(prediction, expected)
        if not ok:
            return reporter.result(-2, error=message, output=prediction, inputs=given, expected=expected)
        reporter.result(True)


def grade_call(reporter, code, fn_name, inputs, outputs, timeout):
    target = load_module(PRELUDE + "\n\n" + code, timeout)
    method = getattr(target, fn_name, None)
    if method is None:
        raise RuntimeError("no method named %s" % fn_name)
    arguments = [[json.loads(line) for line in given.split("\n")] for given in inputs]
    expected_values = [json.loads(expected) for expected in outputs]
    for given, args, expected in zip(inputs, arguments, expected_values):
        signal.alarm(timeout)
        try:
            prediction = method(*args)
            signal.alarm(0)
            if isinstance(prediction, tuple):
                prediction = list(prediction)
            if not (prediction == expected):
                return reporter.result(-2, error="Wrong Answer", output=prediction, inputs=given, expected=expected)
            reporter.result(True)
        except Exception as error:
            signal.alarm(0)
            return failure(reporter, error, inputs=given, expected=expected)
        finally:
            signal.alarm(0)


def main():
    payload, reporter = isolate_streams()
    if "compare" in payload:
        for prediction, expected in payload["compare"]:
            ok, message = outputs_match(prediction, expected)
            reporter.result(True if ok else -2, error=message)
        return reporter.emit({"done": True})
    signal.signal(signal.SIGALRM, on_alarm)
    # upstream's grader has numpy imported before its reliability guard; importing it after the guard fails
    try:
        import numpy  # noqa: F401
    except ImportError:
        pass
    disable_destructive_functions()
    timeout = int(payload["timeout"])
    # upstream ignores what programs write to stderr; here it must not fill the sandbox's output cap
    sys.stderr = open(os.devnull, "w")
    try:
        if payload.get("fn_name") is None:
            grade_stdin(reporter, payload["code"], payload["inputs"], payload["outputs"], timeout)
        else:
            grade_call(reporter, payload["code"], payload["fn_name"], payload["inputs"], payload["outputs"], timeout)
    except Exception as error:
        signal.alarm(0)
        reporter.result(-4, error="Error during testing: %s" % clip(repr(error)))
    except BaseException as error:
        # upstream loses the whole result here (the worker process exits): every test counts as -1
        reporter.result(-1, error=repr(error))
    reporter.emit({"done": True})


main()
