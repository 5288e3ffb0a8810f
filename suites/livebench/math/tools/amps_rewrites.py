"""Equivalent forms of an AMPS_Hard ground truth written by SymPy (expanded, factored, together), for the
agreement measurement in amps-agreement.ts. Not used in scoring."""
import os
import sys
import warnings

import sympy

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from amps_hard import _readings  # noqa: E402
from latex_antlr import parse_latex_antlr  # noqa: E402


def sympy_forms(ground_truth):
    """{"expanded", "factored", "together"}: LaTeX of each form, and "decimal" (10 digits) for a real number. The ground truth is read by the Lark backend
    when that gives one reading, else by the ANTLR backend; {} when neither gives a plain expression."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        readings, _ = _readings(ground_truth)
        if len(readings) != 1:
            try:
                readings = [parse_latex_antlr(ground_truth)]
            except Exception:
                return {}
        expr = readings[0]
        # an undefined function means a misreading such as "x (a+b)" taken as x applied to a+b
        if not isinstance(expr, sympy.Expr) or expr.atoms(sympy.core.function.AppliedUndef):
            return {}
        forms = {}
        for name, transform in (("expanded", sympy.expand), ("factored", sympy.factor), ("together", sympy.together)):
            try:
                forms[name] = sympy.latex(transform(expr))
            except Exception:
                pass
        if expr.is_number and expr.is_real:
            forms["decimal"] = str(sympy.N(expr, 10))
        return forms
