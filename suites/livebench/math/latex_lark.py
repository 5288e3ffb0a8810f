"""LaTeX -> SymPy through Lark, with the semantics of SymPy 1.13's Lark backend (parse_latex(x, backend="lark")).

SymPy 1.13 is not packaged by Debian 12 (it ships 1.11.1, which has no Lark backend), so the grammar
(latex.lark, next to this file) and the tree-to-SymPy rules are restated here. The parser is Earley with
explicit ambiguity, as in SymPy: an ambiguous top level comes back as a lark.Tree whose children are the
readings; an ambiguity below the top reaches a SymPy constructor as a Tree and fails, as it does in SymPy.
"""
import os
import re

import lark
import sympy
from sympy.parsing.latex.errors import LaTeXParsingError

from latex_lark_calculus import CalculusRules

_GRAMMAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "latex.lark")


def _without_var(name):
    # "\varphi" and "\phi" name the same symbol
    return re.sub("var", "", name)


def _subscripted(symbol, sub):
    return sympy.Symbol("%s_{%s}" % (symbol, sub[1:-1] if sub.startswith("{") else sub))


class LatexToSympy(CalculusRules, lark.Transformer):
    SYMBOL = sympy.Symbol
    DIGIT = sympy.Integer

    def CMD_INFTY(self, token):
        return sympy.oo

    def GREEK_SYMBOL(self, token):
        return sympy.Symbol(_without_var(token[1:]))

    def BASIC_SUBSCRIPTED_SYMBOL(self, token):
        symbol, sub = token.value.split("_")
        return _subscripted(symbol, sub)

    def GREEK_SUBSCRIPTED_SYMBOL(self, token):
        greek, sub = token.value.split("_")
        return _subscripted(_without_var(greek[1:]), sub)

    def SYMBOL_WITH_GREEK_SUBSCRIPT(self, token):
        symbol, sub = token.value.split("_")
        greek = sub[2:-1] if sub.startswith("{") else sub[1:]
        return sympy.Symbol("%s_{%s}" % (symbol, _without_var(greek)))

    def multi_letter_symbol(self, c):
        return sympy.Symbol(c[2])

    def number(self, c):
        return sympy.Float(c[0]) if "." in c[0] else sympy.Integer(c[0])

    def latex_string(self, c):
        return c[0]

    def group_round_parentheses(self, c):
        return c[1]

    group_square_brackets = group_round_parentheses
    group_curly_parentheses = group_round_parentheses

    def eq(self, c):
        return sympy.Eq(c[0], c[2])

    def ne(self, c):
        return sympy.Ne(c[0], c[2])

    def lt(self, c):
        return sympy.Lt(c[0], c[2])

    def lte(self, c):
        return sympy.Le(c[0], c[2])

    def gt(self, c):
        return sympy.Gt(c[0], c[2])

    def gte(self, c):
        return sympy.Ge(c[0], c[2])

    def add(self, c):
        return sympy.Add(c[0], c[2])

    def sub(self, c):
        return -c[1] if len(c) == 2 else sympy.Add(c[0], -c[2])

    def mul(self, c):
        return sympy.Mul(c[0], c[2])

    def div(self, c):
        return sympy.Mul(c[0], sympy.Pow(c[2], -1))

    def adjacent_expressions(self, c):
        from sympy.physics.quantum import Bra, Ket, OuterProduct

        if isinstance(c[0], Ket) and isinstance(c[1], Bra):
            return OuterProduct(c[0], c[1])
        if c[0] == sympy.Symbol("d"):
            return c[0], c[1]  # a differential, passed up
        if isinstance(c[0], tuple):
            return sympy.Derivative(c[1], c[0][1])
        return sympy.Mul(c[0], c[1])

    def superscript(self, c):
        return sympy.Pow(c[0], c[2])

    def fraction(self, c):
        if isinstance(c[2], tuple):
            return "derivative", c[2][1]
        return sympy.Mul(c[1], sympy.Pow(c[2], -1))

    def binomial(self, c):
        return sympy.binomial(c[1], c[2])

    def list_of_expressions(self, c):
        if len(c) == 1:
            return c

        def not_a_comma(item):
            if isinstance(item, lark.Token):
                if item.type != "COMMA":
                    raise LaTeXParsingError("A comma token was expected, but some other token was encountered.")
                return False
            return True

        return filter(not_a_comma, c)

    def function_applied(self, c):
        return sympy.Function(c[0])(*c[2])

    def min(self, c):
        return sympy.Min(*c[2])

    def max(self, c):
        return sympy.Max(*c[2])

    def bra(self, c):
        from sympy.physics.quantum import Bra

        return Bra(c[1])

    def ket(self, c):
        from sympy.physics.quantum import Ket

        return Ket(c[1])

    def inner_product(self, c):
        from sympy.physics.quantum import Bra, InnerProduct, Ket

        return InnerProduct(Bra(c[1]), Ket(c[3]))

    def abs(self, c):
        return sympy.Abs(c[1])

    def floor(self, c):
        return sympy.floor(c[1])

    def ceil(self, c):
        return sympy.ceiling(c[1])

    def factorial(self, c):
        return sympy.factorial(c[0])

    def conjugate(self, c):
        return sympy.conjugate(c[1])

    def square_root(self, c):
        return sympy.sqrt(c[1]) if len(c) == 2 else sympy.root(c[2], c[1])

    def exponential(self, c):
        return sympy.exp(c[1])

    def log(self, c):
        if c[0].type == "FUNC_LG":
            return sympy.log(c[1], 10)
        if c[0].type == "FUNC_LN":
            return sympy.log(c[1])
        if "_" in c:
            return sympy.log(c[3], c[2])
        return sympy.log(c[1])


def _unary(function):
    return lambda self, c: function(c[1])


def _power(function, inverse):
    # "\sin^{-1} x" is the inverse function; any other exponent is a power
    return lambda self, c: inverse(c[-1]) if c[2] == -1 else sympy.Pow(function(c[-1]), c[2])


_FUNCTIONS = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "csc": sympy.csc, "sec": sympy.sec, "cot": sympy.cot,
    "arcsin": sympy.asin, "arccos": sympy.acos, "arctan": sympy.atan,
    "arccsc": sympy.acsc, "arcsec": sympy.asec, "arccot": sympy.acot,
    "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
    "asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh,
}
_INVERSES = {"sin": sympy.asin, "cos": sympy.acos, "tan": sympy.atan, "csc": sympy.acsc, "sec": sympy.asec, "cot": sympy.acot}
for _name, _function in _FUNCTIONS.items():
    setattr(LatexToSympy, _name, _unary(_function))
for _name, _inverse in _INVERSES.items():
    setattr(LatexToSympy, _name + "_power", _power(_FUNCTIONS[_name], _inverse))

with open(_GRAMMAR, encoding="utf-8") as _file:
    _PARSER = lark.Lark(
        _file.read(),
        parser="earley",
        start="latex_string",
        lexer="auto",
        ambiguity="explicit",
        propagate_positions=False,
        maybe_placeholders=False,
        keep_all_tokens=True,
    )


def parse_latex_lark(text):
    """A SymPy expression, or a lark.Tree whose children are the readings of an ambiguous text; raises on failure."""
    return LatexToSympy().transform(_PARSER.parse(text))
