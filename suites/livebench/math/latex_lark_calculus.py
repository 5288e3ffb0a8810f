"""Tree-to-SymPy rules of SymPy 1.13's Lark backend for integrals, sums, products and limits (see latex_lark.py)."""
import sympy
from sympy.parsing.latex.errors import LaTeXParsingError


def _bounds(tokens):
    """Lower and upper bound of an integral, found after "_" and "^" as SymPy does (index 0 counts as absent)."""
    under = tokens.index("_") if "_" in tokens else None
    caret = tokens.index("^") if "^" in tokens else None
    lower = tokens[under + 1] if under else None
    upper = tokens[caret + 1] if caret else None
    if lower is not None and upper is None:
        raise LaTeXParsingError("Lower bound for the integral was found, but upper bound was not found.")
    if upper is not None and lower is None:
        raise LaTeXParsingError("Upper bound for the integral was found, but lower bound was not found.")
    return under, caret, lower, upper


class CalculusRules:
    def normal_integral(self, c):
        under, caret, lower, upper = _bounds(c)
        d = next((s for s in ("d", r"\text{d}", r"\mathrm{d}") if s in c), None)
        if d is None:
            raise LaTeXParsingError("Differential symbol was not found in the expression.")
        at = c.index(d) + 1
        variable = c[at]
        if under is not None and under == at - 3:
            integrand = 1
        elif caret is not None and caret == at - 3:
            integrand = 1
        elif at == 2:
            integrand = 1
        else:
            integrand = c[at - 2]
        if lower is not None:
            return sympy.Integral(integrand, (variable, lower, upper))
        return sympy.Integral(integrand, variable)

    def group_curly_parentheses_int(self, c):
        if len(c) == 3:
            return 1, c[1]
        if len(c) == 4:
            return c[1], c[2]
        return None

    def special_fraction(self, c):
        numerator, variable = c[1]
        return sympy.Mul(numerator, sympy.Pow(c[2], -1)), variable

    def integral_with_special_fraction(self, c):
        _, _, lower, upper = _bounds(c)
        integrand, variable = c[-1]
        if lower is not None:
            return sympy.Integral(integrand, (variable, lower, upper))
        return sympy.Integral(integrand, variable)

    def group_curly_parentheses_special(self, c):
        under = c.index("_")
        caret = c.index("^")
        bottom = c[c.index("{", under) + 1 : c.index("}", under)]
        top = c[caret + 1 :]
        return bottom[0], bottom[-1], top[0]

    def summation(self, c):
        return sympy.Sum(c[2], c[1])

    def product(self, c):
        return sympy.Product(c[2], c[1])

    def limit_dir_expr(self, c):
        caret = c.index("^")
        direction = c[c.index("{", caret) + 1] if "{" in c else c[caret + 1]
        return c[0], direction if direction in ("+", "-") else "+-"

    def group_curly_parentheses_lim(self, c):
        if isinstance(c[3], tuple):
            destination, direction = c[3]
        else:
            destination, direction = c[3], "+-"
        return c[1], destination, direction

    def limit(self, c):
        variable, destination, direction = c[2]
        return sympy.Limit(c[-1], variable, destination, direction)

    def differential(self, c):
        return c[1]
