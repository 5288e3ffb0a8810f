"""Scores answers with LiveBench's own scorers, for measuring agreement; nothing of LiveBench is bundled.

usage: python3 upstream_reference.py <LiveBench checkout, e.g. at a8f61ff>
stdin: one JSON object per line {"task", "release_date", "question_text", "ground_truth", "answer"}
stdout: one JSON object per line, {"score": x} or {"error": "<exception type>"}
A call that runs past 20 s (upstream's endless header retry) reports {"error": "timeout"}.
"""
import contextlib
import io
import json
import signal
import sys
import warnings

sys.path.insert(0, sys.argv[1])
warnings.filterwarnings("ignore")

from livebench.process_results.data_analysis.cta.utils import cta_process_results  # noqa: E402
from livebench.process_results.data_analysis.tablejoin.utils import joinmap_process_results  # noqa: E402
from livebench.process_results.data_analysis.tablereformat.utils import table_process_results  # noqa: E402
from livebench.process_results.reasoning.spatial.utils import spatial_process_results  # noqa: E402
from livebench.process_results.reasoning.web_of_lies_v2.utils import web_of_lies_process_results  # noqa: E402
from livebench.process_results.reasoning.zebra_puzzle.utils import get_zebra_puzzle_evaluator  # noqa: E402


class Timeout(Exception):
    pass


def on_alarm(*_):
    raise Timeout()


def score(case):
    task, truth, answer = case["task"], case["ground_truth"], case["answer"]
    if task == "web_of_lies_v2":
        return web_of_lies_process_results(truth, answer)
    if task == "zebra_puzzle":
        return get_zebra_puzzle_evaluator(case["release_date"])(truth, answer)
    if task == "spatial":
        return spatial_process_results(truth, answer)
    if task == "cta":
        return cta_process_results(truth, answer)
    if task == "tablejoin":
        return joinmap_process_results(case["question_text"], truth, answer)
    if task == "tablereformat":
        return table_process_results(case["question_text"], truth, answer)
    raise ValueError("unknown task " + task)


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    out = sys.stdout
    for line in sys.stdin:
        case = json.loads(line)
        signal.alarm(20)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                result = {"score": float(score(case))}
        except Timeout:
            result = {"error": "timeout"}
        except Exception as error:
            result = {"error": type(error).__name__}
        finally:
            signal.alarm(0)
        out.write(json.dumps(result) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
