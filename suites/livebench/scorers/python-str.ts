// Python str behaviour that JavaScript strings do not share, for porting LiveBench's scorers exactly.
// Checked against Python 3.11 (Unicode 14) over every code point: str.isspace() is the set below, and
// JavaScript's toLowerCase() equals str.lower() on every code point assigned by Unicode 14.

/** The characters str.isspace() accepts; JavaScript's trim() lacks U+001C..U+001F and U+0085 and adds U+FEFF. */
const PY_SPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE_CLASS}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE_CLASS}]+$`);

/** Python's str.strip() with no argument. */
export function pyStrip(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** Python's str.lower() (see the note above on Unicode versions). */
export function pyLower(text: string): string {
  return text.toLowerCase();
}

/**
 * Python's str ordering: by code point. JavaScript's `<` compares UTF-16 units, which puts an astral
 * character (a surrogate pair, 0xD800..) below U+E000..U+FFFF where Python puts it above.
 */
export function pyCompare(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = x.codePointAt(i) ?? 0;
    const b = y.codePointAt(j) ?? 0;
    if (a !== b) return a < b ? -1 : 1;
    i += a > 0xffff ? 2 : 1;
    j += b > 0xffff ? 2 : 1;
  }
  const restX = x.length - i;
  const restY = y.length - j;
  return restX === restY ? 0 : restX < restY ? -1 : 1;
}

/** A string as Python indexes it: one element per code point (a lone surrogate is its own element, as in Python). */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) ?? 0);
  return out;
}
