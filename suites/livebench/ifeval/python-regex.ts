// Translates the Python `re` patterns IFEval builds from kwargs (a keyword searched as a pattern, a section
// splitter, a postscript marker) into JavaScript `u`-flag source with Python's meaning: Unicode `\w`, `\s`,
// `\d` and `\b`, `.` that stops only at `\n`, `$` that also matches before a final newline. Constructs with
// no faithful translation (inline flags, conditionals, `\W` inside a class) are refused with a clear error.
import { PY_D, PY_DOT, PY_NOT_S, PY_S, PY_SPACE_CLASS, PY_W, PY_W_CLASS } from './python-text.ts';

const WORD_BOUNDARY = `(?:(?<=${PY_W})(?!${PY_W})|(?<!${PY_W})(?=${PY_W}))`;
const NOT_WORD_BOUNDARY = `(?:(?<=${PY_W})(?=${PY_W})|(?<!${PY_W})(?!${PY_W}))`;
const OUTSIDE: Record<string, string> = {
  w: PY_W,
  W: `[^${PY_W_CLASS}]`,
  s: PY_S,
  S: PY_NOT_S,
  d: PY_D,
  D: '\\P{Nd}',
  b: WORD_BOUNDARY,
  B: NOT_WORD_BOUNDARY,
  A: '^',
  Z: '$',
};
const INSIDE: Record<string, string> = { w: PY_W_CLASS, s: PY_SPACE_CLASS, d: '\\p{Nd}' };
/** Escapes that mean the same in both engines. */
const SAME_ESCAPES = new Set(['n', 't', 'r', 'f', 'v', '0', 'x', 'u', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const SYNTAX = new Set(Array.from('^$\\.*+?()[]{}|/-'));

export class PythonRegexError extends Error {}

function escapeOf(pattern: string, i: number, inClass: boolean): string {
  const c = pattern[i] ?? '';
  if (c === '') throw new PythonRegexError(`pattern ${JSON.stringify(pattern)} ends with a lone backslash`);
  if (inClass && c in INSIDE) return INSIDE[c] ?? '';
  if (inClass && 'WSDbB'.includes(c)) throw new PythonRegexError(`pattern ${JSON.stringify(pattern)}: \\${c} inside [...] has no faithful translation`);
  if (!inClass && c in OUTSIDE) return OUTSIDE[c] ?? '';
  if (SAME_ESCAPES.has(c)) return `\\${c}`;
  if (/[A-Za-z]/.test(c)) throw new PythonRegexError(`pattern ${JSON.stringify(pattern)}: escape \\${c} is not supported`);
  // Python allows escaping any punctuation; JavaScript's u flag only syntax characters
  return SYNTAX.has(c) && (inClass || c !== '-') ? `\\${c}` : c;
}

// Under IGNORECASE Python also matches dotless ı and dotted İ for i/I; JavaScript's case folding does not.
const TURKIC_I = 'İı';
const coversI = (classBody: string): boolean => new RegExp(`[${classBody}]`, 'iu').test('i');

/** JavaScript source (for a `u`-flag RegExp without `m` or `s`) matching what Python's `re` matches. */
export function translatePythonRegex(pattern: string, multiline = false, ignoreCase = false): string {
  let out = '';
  let inClass = false;
  let classBody = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      out += escapeOf(pattern, ++i, inClass);
    } else if (inClass) {
      if (c === ']') {
        inClass = false;
        if (ignoreCase && coversI(out.slice(classBody))) out += TURKIC_I;
      }
      out += c === '[' ? '\\[' : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') (out += '^'), (i += 1);
      classBody = out.length;
      // Python takes a leading ']' literally
      if (pattern[i + 1] === ']') (out += '\\]'), (i += 1);
    } else if (ignoreCase && (c === 'i' || c === 'I')) {
      out += `[iI${TURKIC_I}]`;
    } else if (c === '.') {
      out += PY_DOT;
    } else if (c === '$') {
      out += multiline ? '(?=\\n|$)' : '(?=\\n?$)';
    } else if (c === '^') {
      out += multiline ? '(?:^|(?<=\\n))' : '^';
    } else if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('P<')) {
        // the group name is copied as written
        const end = pattern.indexOf('>', i);
        if (end < 0) throw new PythonRegexError(`pattern ${JSON.stringify(pattern)} has an unterminated group name`);
        out += `(?<${pattern.slice(i + 4, end)}>`;
        i = end;
      }
      else if (rest.startsWith('P=')) {
        const end = pattern.indexOf(')', i);
        out += `\\k<${pattern.slice(i + 4, end)}>`;
        i = end;
      } else if (/^(?:[:=!]|<[=!])/.test(rest)) (out += '(?'), (i += 1);
      else throw new PythonRegexError(`pattern ${JSON.stringify(pattern)}: group construct (?${rest.slice(0, 2)} is not supported`);
    } else if (c === '{' && !/^\{\d*(?:,\d*)?\}/.test(pattern.slice(i))) {
      // Python reads a brace that opens no quantifier literally
      out += '\\{';
    } else if (c === '}' && !/\{\d*(?:,\d*)?$/.test(pattern.slice(0, i))) {
      out += '\\}';
    } else {
      out += c;
    }
  }
  if (inClass) throw new PythonRegexError(`pattern ${JSON.stringify(pattern)} has an unterminated [...]`);
  return out;
}

/** A RegExp with Python's meaning; `flags` from g, i, y. A pattern neither engine accepts is a PythonRegexError. */
export function pythonRegex(pattern: string, flags: string, multiline = false): RegExp {
  const source = translatePythonRegex(pattern, multiline, flags.includes('i'));
  try {
    return new RegExp(source, `${flags}u`);
  } catch (error) {
    throw new PythonRegexError(`pattern ${JSON.stringify(pattern)} cannot be used as a regular expression: ${String(error)}`);
  }
}
