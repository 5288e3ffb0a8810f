"""LaTeX -> SymPy through SymPy's ANTLR backend (parse_latex(x) with the default backend), on Debian's packages.

Debian 12's SymPy 1.11.1 refuses to parse: its generated parser needs the ANTLR 4.10 runtime and Debian has
4.9.1. The same grammar (LaTeX.g4, shipped with Debian's SymPy and unchanged up to SymPy 1.13) is compiled by
Debian's ANTLR tool into antlr_generated/, and SymPy 1.11.1's own tree-to-SymPy functions run on it, with the
two changes SymPy 1.13 made to them: the input is stripped, and "a - <atom>" is built as a + (-1*atom).
"""
import hashlib
import os
import sys

import antlr4
import sympy
from antlr4.Recognizer import Recognizer
import sympy.parsing.latex._parse_latex_antlr as _convert

_GENERATED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "antlr_generated")


def _check_grammar():
    """The generated parser must come from the grammar the installed SymPy's conversion functions expect."""
    installed = os.path.join(os.path.dirname(_convert.__file__), "LaTeX.g4")
    with open(installed, "rb") as grammar, open(os.path.join(_GENERATED, "LaTeX.g4.sha256"), encoding="ascii") as recorded:
        if hashlib.sha256(grammar.read()).hexdigest() != recorded.read().strip():
            raise ImportError(
                "%s differs from the grammar antlr_generated/ was built from; run "
                "suites/livebench/math/generate-antlr-parser.sh (needs `apt-get install antlr4`)" % installed
            )


_check_grammar()
sys.path.insert(0, _GENERATED)
from LaTeXLexer import LaTeXLexer  # noqa: E402
from LaTeXParser import LaTeXParser  # noqa: E402

sys.path.pop(0)


def _quiet_version_check(self, tool_version):
    # the generated code (4.7.2) and the runtime (4.9.1) differ by design; the check only prints a warning
    return None


LaTeXLexer.checkVersion = _quiet_version_check
LaTeXParser.checkVersion = _quiet_version_check
assert isinstance(LaTeXParser, type) and issubclass(LaTeXParser, Recognizer)
_convert.LaTeXLexer = LaTeXLexer
_convert.LaTeXParser = LaTeXParser
_convert_add_1_11 = _convert.convert_add


def _convert_add(add):
    # SymPy 1.13: a subtracted atom is negated directly instead of wrapped in an unevaluated Mul(-1, atom)
    if add.SUB():
        lh = _convert.convert_add(add.additive(0))
        rh = _convert.convert_add(add.additive(1))
        if hasattr(rh, "is_Atom") and rh.is_Atom:
            return sympy.Add(lh, -1 * rh, evaluate=False)
        return sympy.Add(lh, sympy.Mul(-1, rh, evaluate=False), evaluate=False)
    return _convert_add_1_11(add)


_convert.convert_add = _convert_add


def parse_latex_antlr(text):
    """As SymPy 1.13's parse_latex(text) with strict=False; raises LaTeXParsingError on what it cannot read."""
    text = text.strip()
    errors = _convert.MathErrorListener(text)
    lexer = LaTeXLexer(antlr4.InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(errors)
    parser = LaTeXParser(antlr4.CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errors)
    return _convert.convert_relation(parser.math().relation())
