# Grades one LiveBench coding answer inside the sandbox, reproducing the observable behaviour of the
# run_test that LiveBench a8f61ff vendors (livebench/lcb_runner/evaluation/testing_util.py), an older
# LiveCodeBench grader than the one the livecodebench suite ports. Its differences, kept here:
#  - programs run from a plain dict (pyext RuntimeModule.from_string), so `__name__` is not "__main__";
#  - stdin programs are wrapped line by line: lines starting "from "/"import " stay at module level,
#    every other line gets a tab and goes into `def code():`, after `stdin = sys.stdin` and
#    `stdout = sys.stdout` bound at load time;
#  - sys.stdin is a plain StringIO per test; read/readline/readlines are patched on the process's own stdin;
#  - the reliability guard also sets builtins.exit to None, and the recursion limit is 6*10**5;
#  - stdout is compared by a ladder: stripped text, stripped lines, non-empty stripped lines, then whole
#    lines as floats with numpy.allclose (rtol 1e-5, atol 1e-8) unless every line pair is digits;
#  - call-based results must be json.dumps-able, match `expected` or `expected[0]`, and JSON object
#    keys are turned into ints where they all convert.
#
# Input (stdin, JSON): {"code", "fn_name" | null, "inputs": [str], "outputs": [str], "timeout": int}
#   or {"compare": [[prediction, expected], ...]} to check only the stdout comparison ladder.
# Output (the original stdout; the program's own stdout and stderr go to /dev/null): one JSON line per
# graded test, {"i", "r"} with r = true or a code (-1 crash, -2 wrong, -3 time, -4 error), then {"done": true}.
# The protocol's plumbing, the alarm, the rest of the reliability guard and the preamble's text come from
# driver_support (harness/code-grading/driver_support.py), which the engine places next to this file.
import builtins
import io
import json
import math
import os
import signal
import sys
import types
from unittest.mock import mock_open, patch

from driver_support import (
    disable_destructive_functions, failure, import_prelude, isolate_streams, on_alarm, unwrap_main_guard,
)

try:
    # upstream's grader imports numpy before its reliability guard; importing it after the guard fails.
    # `from numpy import allclose` also rejects a bare numpy directory that imports as a namespace package.
    import numpy
    from numpy import allclose as numpy_allclose
except ImportError:
    numpy_allclose = None

PRELUDE = import_prelude("6*10**5")
# the names pyext leaves out when it turns the executed dict into a module
PYEXT_HIDDEN = {"__name__", "__doc__", "__package__", "__loader__", "__spec__", "__file__", "__cached__", "__builtins__"}


def reliability_guard():
    builtins.exit = None
    disable_destructive_functions()


def runtime_module(source):
    """What pyext 0.7 RuntimeModule.from_string returns: a module holding the names the source defined
    when executed in a fresh dict (so the program's functions see that dict, without `__name__`)."""
    scope = {}
    exec(source, scope)
    module = types.ModuleType("tmp_sol", "")
    module.__dict__.update({key: value for key, value in scope.items() if key not in PYEXT_HIDDEN})
    module.__file__ = "<runtime_module>"
    sys.modules["tmp_sol"] = module
    return module


def wrap_stdin_program(code):
    lines = [(x + "\n") if x.startswith("from ") or x.startswith("import ") else ("\t" + x + "\n") for x in code.split("\n")]
    wrapped = ""
    started = False
    for line in lines:
        if line.startswith("\t") and not started:
            wrapped += "stdin = sys.stdin\nstdout = sys.stdout\ndef code():\n" + line
            started = True
        elif started and (line.startswith("from ") or line.startswith("import ")):
            wrapped += "\t" + line
        else:
            wrapped += line
    return wrapped


def call_with_stdin(function, text):
    lines = iter(text.split("\n"))

    # applied bottom-up and entered in that order: read/readline/readlines land on the process's own
    # stdin object (still sys.stdin then), and only afterwards is sys.stdin swapped for a StringIO
    @patch("builtins.open", mock_open(read_data=text))
    @patch("sys.stdin", io.StringIO(text))
    @patch("sys.stdin.readline", lambda *args: next(lines))
    @patch("sys.stdin.readlines", lambda *args: text.split("\n"))
    @patch("sys.stdin.read", lambda *args: text)
    def run(inner):
        try:
            return inner()
        except SystemExit:
            pass

    return run(function)


def run_captured(function, text):
    """Returns the captured stdout; exceptions propagate (stdout is restored first)."""
    saved = sys.stdout
    buffer = io.StringIO()
    buffer.close = lambda *args: 1
    sys.stdout = buffer
    try:
        call_with_stdin(function, text)
    finally:
        sys.stdout = saved
    return buffer.getvalue()


def is_int_like(value):
    return isinstance(value, int) or (isinstance(value, str) and value.isdigit())


def all_close(got, want):
    if numpy_allclose is not None:
        return bool(numpy_allclose(got, want))
    # numpy.isclose with rtol 1e-5, atol 1e-8: finite pairs by tolerance, others by equality
    for x, y in zip(got, want):
        if math.isfinite(x) and math.isfinite(y):
            if not abs(x - y) <= 1e-08 + 1e-05 * abs(y):
                return False
        elif not x == y:
            return False
    return True


def stdout_matches(printed, expected):
    """The comparison ladder of the vendored run_test for one stdin test."""
    got = printed.splitlines()
    if "\n".join(got).strip() == expected.strip():
        return True
    if "\n".join(line.strip() for line in got).strip() == expected.strip():
        return True
    if got == [expected]:
        return True
    want = [x.strip() for x in expected.split("\n") if len(x)]
    if got == [want] or got == want:
        return True
    got = [line for line in got if len(line)]
    if got == [want] or got == want:
        return True
    try:
        if not all(is_int_like(a) and is_int_like(b) for a, b in zip(got, want)):
            got_floats = [float(e) for e in got]
            want_floats = [float(e) for e in want]
            if len(got_floats) == len(want_floats) and all_close(got_floats, want_floats):
                return True
    except Exception:
        pass
    # upstream then compares the lines with sets of the expected tokens, which only two empty lists pass
    return got == [set(line.split()) for line in want]


def load(source, timeout, reporter, instantiate=False):
    """Loads the program (and makes its Solution) under the alarm; a failure is upstream's compilation error."""
    signal.alarm(timeout)
    try:
        module = runtime_module(source)
        target = module.Solution() if instantiate else module
        signal.alarm(0)
        return target
    except Exception as error:
        signal.alarm(0)
        # upstream records -2 with error_code -1, "Compilation Error"; any failure code fails the answer
        reporter.result(-4, error="Compilation Error: %s" % repr(error))
        return None


def int_keys(value):
    return {int(k): v for k, v in value.items()}


def grade_call(reporter, code, fn_name, inputs, outputs, timeout):
    target = load(PRELUDE + code, timeout, reporter, instantiate="class Solution" in code)
    if target is None:
        return
    try:
        method = getattr(target, fn_name)
    except BaseException as error:
        return reporter.result(-4, error="Unable to extract code: %s" % repr(error))
    for given, raw_expected in zip(inputs, outputs):
        args = [json.loads(line) for line in given.split("\n")]
        expected = json.loads(raw_expected)
        # JSON object keys are strings; upstream turns them into ints where every key converts
        try:
            if isinstance(args[0], dict):
                args = [int_keys(args[0])]
        except Exception:
            pass
        try:
            if isinstance(expected, dict):
                expected = [int_keys(expected)]
        except Exception:
            pass
        try:
            if isinstance(expected[0], dict):
                expected = [int_keys(expected[0])]
        except Exception:
            pass
        signal.alarm(timeout)
        try:
            output = method(*args)
            json.dumps(output)
            if isinstance(output, tuple):
                output = list(output)
            ok = output == expected
            if isinstance(expected, list) and expected:
                ok = ok or (output == expected[0])
            try:
                if isinstance(output[0], tuple):
                    ok = ok or ([list(x) for x in output] == expected[0])
            except Exception:
                pass
            if ok != True:  # noqa: E712 - upstream's test: a truthy non-True value fails
                return reporter.result(-2, error="Wrong Answer", output=output, inputs=given, expected=raw_expected)
            signal.alarm(0)
        except Exception as error:
            signal.alarm(0)
            return failure(reporter, error, inputs=given, expected=raw_expected)
        signal.alarm(0)
        reporter.result(True)


def grade_stdin(reporter, code, inputs, outputs, timeout):
    module = load(PRELUDE + wrap_stdin_program(unwrap_main_guard(code)), timeout, reporter)
    if module is None:
        return
    try:
        function = getattr(module, "code")
    except BaseException as error:
        return reporter.result(-4, error="Unable to extract code: %s" % repr(error))
    for given, expected in zip(inputs, outputs):
        signal.alarm(timeout)
        try:
            printed = run_captured(function, given)
            signal.alarm(0)
        except Exception as error:
            signal.alarm(0)
            return failure(reporter, error, inputs=given, expected=expected)
        signal.alarm(0)
        if not stdout_matches(printed, expected):
            return reporter.result(-2, error="Wrong Answer", output=printed, inputs=given, expected=expected)
        reporter.result(True)


def main():
    payload, reporter = isolate_streams(show=repr)
    if "compare" in payload:
        for printed, expected in payload["compare"]:
            reporter.result(True if stdout_matches(printed, expected) else -2)
        return reporter.emit({"done": True})
    signal.signal(signal.SIGALRM, on_alarm)
    reliability_guard()
    timeout = int(payload["timeout"])
    # upstream ignores what programs write to stderr; here it must not fill the sandbox's output cap
    sys.stderr = open(os.devnull, "w")
    try:
        if payload.get("fn_name") is None:
            grade_stdin(reporter, payload["code"], payload["inputs"], payload["outputs"], timeout)
        else:
            grade_call(reporter, payload["code"], payload["fn_name"], payload["inputs"], payload["outputs"], timeout)
    except BaseException as error:
        # upstream loses the whole result here (the grading process dies): every test counts as -1
        signal.alarm(0)
        reporter.result(-1, error=repr(error))
    reporter.emit({"done": True})


main()
