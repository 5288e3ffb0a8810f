// A tokenizer for the part of Python's expression syntax ast.literal_eval can accept (3.11):
// numbers, string/bytes literals, names, brackets and , : + - ~. Everything else Python would
// either reject as a syntax error or parse into a node literal_eval refuses, so both raise here.
import { decodeStringBody } from './python-string-literal.ts';
import { PySyntaxError } from './python-value.ts';

export type PyToken =
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string; bytes: boolean; formatted: boolean }
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'newline' };

const DIGITS = '[0-9](?:_?[0-9])*';
const EXPONENT = `[eE][+-]?${DIGITS}`;
const PREFIXED_INT = /0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)/y;
const FLOAT = new RegExp(`(?:(?:${DIGITS})?\\.${DIGITS}(?:${EXPONENT})?|${DIGITS}\\.(?:${EXPONENT})?|${DIGITS}${EXPONENT})[jJ]?`, 'y');
const DECIMAL_INT = new RegExp(`${DIGITS}[jJ]?`, 'y');
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*/uy;
const NAME_CHAR = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]/u;
const STRING_PREFIXES = new Set(['', 'r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']);
/** the tokenizer's MAXLEVEL: deeper bracket nesting is "too many nested parentheses" */
const MAX_NESTING = 200;

function stickyMatch(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? null;
}

function readNumber(src: string, at: number): string {
  const text = stickyMatch(PREFIXED_INT, src, at) ?? stickyMatch(FLOAT, src, at) ?? stickyMatch(DECIMAL_INT, src, at);
  if (text === null) throw new PySyntaxError('invalid number');
  // "07" is refused, "07.5", "07j" and "00" are not
  if (/^0[0-9_]*[1-9]/.test(text) && /^[0-9_]+$/.test(text)) throw new PySyntaxError('leading zeros in decimal integer literal');
  const next = src[at + text.length];
  if (next !== undefined && NAME_CHAR.test(next)) throw new PySyntaxError('invalid decimal literal');
  return text;
}

/** Reads a string literal whose opening quote is at `at`; returns the token and the index after it. */
function readString(src: string, at: number, prefix: string): [PyToken, number] {
  const quote = src[at] ?? '';
  const delimiter = src.startsWith(quote.repeat(3), at) ? quote.repeat(3) : quote;
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  let i = at + delimiter.length;
  for (;;) {
    const ch = src[i];
    if (ch === undefined) throw new PySyntaxError('unterminated string literal');
    if (src.startsWith(delimiter, i)) break;
    if (ch === '\n' && delimiter.length === 1) throw new PySyntaxError('unterminated string literal');
    i += ch === '\\' ? 2 : 1;
  }
  const body = src.slice(at + delimiter.length, i);
  if (bytes && /[^\x00-\x7f]/.test(body)) throw new PySyntaxError('bytes can only contain ASCII literal characters');
  const value = raw ? body : decodeStringBody(body, bytes);
  return [{ kind: 'string', value, bytes, formatted: prefix.includes('f') }, i + delimiter.length];
}

/**
 * Measures a line's indentation from `at`; returns [column, index of the first other character].
 * As in CPython 3.11, with a backslash continuation inside the indentation the column at the first
 * backslash counts when it is not 0 ("\t\\\n\f1" is indented), else the column reached on the next line.
 */
function indentation(src: string, at: number): [number, number] {
  let column = 0;
  let columnAtContinuation = 0;
  let i = at;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') column += 1;
    else if (ch === '\t') column = Math.floor(column / 8) * 8 + 8;
    else if (ch === '\f') column = 0;
    else if (ch === '\\' && src[i + 1] === '\n') {
      if (columnAtContinuation === 0) columnAtContinuation = column;
      i += 2;
      if (i >= src.length) throw new PySyntaxError('unexpected EOF while parsing');
      continue;
    } else break;
    i += 1;
  }
  return [columnAtContinuation === 0 ? column : columnAtContinuation, i];
}

/** Tokens of `source` as Python reads an eval-mode string (newlines translated, blank lines skipped). */
export function tokenizePython(source: string): PyToken[] {
  if (source.includes('\0')) throw new PySyntaxError('source code string cannot contain null bytes');
  const src = source.replaceAll('\r\n', '\n').replaceAll('\r', '\n');
  const tokens: PyToken[] = [];
  let depth = 0;
  let lineStart = true;
  let i = 0;
  while (i < src.length) {
    if (lineStart && depth === 0) {
      const [column, next] = indentation(src, i);
      i = next;
      const ch = src[i];
      if (ch === '\n') { i += 1; continue; }
      if (ch === '#') { while (i < src.length && src[i] !== '\n') i += 1; continue; }
      // a last line of only spaces, or an indented line, is an IndentationError
      if (column > 0) throw new PySyntaxError('unexpected indent');
      if (ch === undefined) break;
      lineStart = false;
    }
    const ch = src[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\f') { i += 1; continue; }
    if (ch === '#') { while (i < src.length && src[i] !== '\n') i += 1; continue; }
    if (ch === '\n') {
      i += 1;
      if (depth === 0) { tokens.push({ kind: 'newline' }); lineStart = true; }
      continue;
    }
    if (ch === '\\') {
      if (src[i + 1] !== '\n') throw new PySyntaxError('unexpected character after line continuation character');
      i += 2;
      if (i >= src.length) throw new PySyntaxError('unexpected EOF while parsing');
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const text = readNumber(src, i);
      tokens.push({ kind: 'number', text });
      i += text.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const [token, next] = readString(src, i, '');
      tokens.push(token);
      i = next;
      continue;
    }
    const name = stickyMatch(NAME, src, i);
    if (name !== null) {
      const after = src[i + name.length];
      if (after === '"' || after === "'") {
        if (!STRING_PREFIXES.has(name.toLowerCase())) throw new PySyntaxError(`invalid string prefix ${name}`);
        const [token, next] = readString(src, i + name.length, name.toLowerCase());
        tokens.push(token);
        i = next;
      } else {
        tokens.push({ kind: 'name', text: name });
        i += name.length;
      }
      continue;
    }
    if (src.startsWith('...', i)) { tokens.push({ kind: 'op', text: '...' }); i += 3; continue; }
    if ('([{'.includes(ch)) {
      if (depth >= MAX_NESTING) throw new PySyntaxError('too many nested parentheses');
      depth += 1;
    } else if (')]}'.includes(ch)) {
      if (depth === 0) throw new PySyntaxError(`unmatched '${ch}'`);
      depth -= 1;
    } else if (!',:+-~'.includes(ch)) {
      // every other operator or character makes a node literal_eval refuses, or a syntax error
      throw new PySyntaxError(`unexpected character ${JSON.stringify(ch)}`);
    }
    tokens.push({ kind: 'op', text: ch });
    i += 1;
  }
  return tokens;
}
