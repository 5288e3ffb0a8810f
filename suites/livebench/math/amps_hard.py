"""Answer equivalence for LiveBench's AMPS_Hard task (is_equiv in process_results/math/AMPS_Hard/utils.py).

Each side is parsed with the Lark backend, then the Lark backend on the text with "\\\\" turned into "\\", then
the ANTLR backend; an ambiguous Lark parse gives several readings. The two answers are equal when, for any pair
of readings, simplify(a - b) == 0 or Abs(simplify(a - b)) < 0.001. Anything that fails counts as not equal.
Called through the Python worker pool; the caller's timeout plays the role of LiveBench's 8 s subprocess limit.
"""
import warnings

import lark
import sympy

from latex_antlr import parse_latex_antlr
from latex_lark import parse_latex_lark


def _readings(text):
    """The candidate expressions for one side, and which backend produced them."""
    try:
        parsed, backend = parse_latex_lark(text), "lark"
    except Exception:
        try:
            parsed, backend = parse_latex_lark(text.replace("\\\\", "\\")), "lark-unescaped"
        except Exception:
            try:
                parsed, backend = parse_latex_antlr(text), "antlr"
            except Exception:
                return [], "unparsed"
    if isinstance(parsed, lark.Tree):
        return list(parsed.children), backend + "-ambiguous"
    return [parsed], backend


def _equal(a, b):
    try:
        difference = a - b
    except Exception:
        return False
    try:
        if sympy.simplify(difference) == 0:
            return True
    except Exception:
        pass
    try:
        # simplified a second time, as the reference does (its cost counts against the same time limit)
        if sympy.Abs(sympy.simplify(difference)) < 0.001:
            return True
    except Exception:
        pass
    return False


def is_equiv(ground_truth, answer):
    """{"equal": bool, "parsed_by": [ground truth backend, answer backend]}"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        truths, truth_backend = _readings(ground_truth)
        answers, answer_backend = _readings(answer)
        equal = any(_equal(a, b) for a in truths for b in answers)
    return {"equal": equal, "parsed_by": [truth_backend, answer_backend]}
