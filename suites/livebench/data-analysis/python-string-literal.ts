// Escape sequences of Python 3.11 string and bytes literals (the body between the quotes).
// An unknown escape keeps its backslash; \x needs two hex digits; bytes know no \u, \U or \N and
// keep octal escapes modulo 256. \N{NAME} would need Unicode's name table, which JavaScript lacks:
// it is refused (Python accepts a valid name), so such a literal does not parse here.
import { PySyntaxError } from './python-value.ts';

const SIMPLE_ESCAPES = new Map([
  ['\\', '\\'], ["'", "'"], ['"', '"'], ['a', '\x07'], ['b', '\b'], ['f', '\f'], ['n', '\n'], ['r', '\r'], ['t', '\t'], ['v', '\v'],
]);

export class UnsupportedEscapeError extends PySyntaxError {
  constructor() {
    super('\\N{...} escapes are not supported (no Unicode name table)');
    this.name = 'UnsupportedEscapeError';
  }
}

function hexEscape(body: string, at: number, length: number): [number, number] {
  const digits = body.slice(at, at + length);
  if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) throw new PySyntaxError(`truncated escape of ${length} hex digits`);
  return [Number.parseInt(digits, 16), at + length];
}

/** Decodes the escapes of a non-raw literal body; for bytes the result has one char per byte. */
export function decodeStringBody(body: string, bytes: boolean): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i] ?? '';
    if (ch !== '\\') {
      out += ch;
      i += 1;
      continue;
    }
    const next = body[i + 1] ?? '';
    i += 2;
    const simple = SIMPLE_ESCAPES.get(next);
    if (next === '\n') continue;
    if (simple !== undefined) {
      out += simple;
    } else if (/[0-7]/.test(next)) {
      let digits = next;
      while (digits.length < 3 && /[0-7]/.test(body[i] ?? '')) digits += body[i++] ?? '';
      const code = Number.parseInt(digits, 8);
      out += String.fromCharCode(bytes ? code & 0xff : code);
    } else if (next === 'x') {
      const [code, after] = hexEscape(body, i, 2);
      out += String.fromCharCode(code);
      i = after;
    } else if (!bytes && (next === 'u' || next === 'U')) {
      const [code, after] = hexEscape(body, i, next === 'u' ? 4 : 8);
      if (code > 0x10ffff) throw new PySyntaxError('illegal Unicode character');
      out += String.fromCodePoint(code);
      i = after;
    } else if (!bytes && next === 'N') {
      throw new UnsupportedEscapeError();
    } else {
      out += `\\${next}`;
    }
  }
  return out;
}
