"""A persistent worker: loads one Python module and runs its top-level functions on request.

Protocol (JSON lines): the worker first writes {"ready": true} once the module is imported, or
{"ready": false, "message": ...} and exits. Then, for each request line {"id", "fn", "args"} read from
stdin, it writes one line {"id", "ok": true, "value"} or {"id", "ok": false, "message"}.
The protocol uses a private copy of the original stdout; the module's own prints go to stderr.
"""
import importlib.util
import inspect
import json
import os
import sys
import traceback


def open_protocol_channel():
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return channel


def send(channel, message):
    channel.write(json.dumps(message, allow_nan=False, ensure_ascii=False) + "\n")
    channel.flush()


def load_module(path):
    sys.path.insert(0, os.path.dirname(path))
    name = "_served_" + os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError("cannot load " + path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def callable_function(module, name):
    # Only public functions defined at the module's top level may be called.
    target = getattr(module, name, None) if isinstance(name, str) and not name.startswith("_") else None
    if target is None or not inspect.isfunction(target):
        raise LookupError("no public top-level function named %r in %s" % (name, module.__file__))
    return target


def answer(channel, request_id, run):
    try:
        value = run()
        line = json.dumps({"id": request_id, "ok": True, "value": value}, allow_nan=False, ensure_ascii=False)
    except Exception as error:  # reported to the caller as kind 'exception'
        detail = "".join(traceback.format_exception_only(type(error), error)).strip()
        line = json.dumps({"id": request_id, "ok": False, "message": detail}, ensure_ascii=False)
    channel.write(line + "\n")
    channel.flush()


def main():
    channel = open_protocol_channel()
    try:
        module = load_module(sys.argv[1])
    except BaseException:
        send(channel, {"ready": False, "message": traceback.format_exc(limit=5)})
        return 1
    send(channel, {"ready": True})
    for raw in sys.stdin.buffer:
        request = json.loads(raw.decode("utf-8"))
        request_id = request.get("id")

        def run():
            return callable_function(module, request.get("fn"))(*request.get("args", []))

        answer(channel, request_id, run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
