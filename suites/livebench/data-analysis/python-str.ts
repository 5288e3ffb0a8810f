// Python `str` and `re` semantics the LiveBench scorers lean on, where JavaScript's built-ins differ:
// Python counts code points (JS counts UTF-16 units), its whitespace set adds \x1c-\x1f and \x85 and
// lacks \ufeff, its `.` matches everything but "\n" (JS also refuses "\r", \u2028, \u2029), and its
// `\w` is Unicode-aware (JS `\w` is ASCII even with the u flag).

/** Characters Python's str.isspace() accepts: what strip() removes and split() splits on. */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`, 'u');
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`, 'u');
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'u');

/** The body of a character class equal to Python's Unicode `\w` (letters, numeric characters, underscore). */
export const PY_WORD_CLASS = '\\p{L}\\p{N}_';
/** Python's `.` without DOTALL, as a JS class: anything but "\n". */
export const PY_DOT = '[^\\n]';

/** str.strip() */
export function pyStrip(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

/** str.split() with no argument: runs of whitespace separate, no empty strings. */
export function pySplitWhitespace(text: string): string[] {
  const stripped = pyStrip(text);
  return stripped === '' ? [] : stripped.split(SPACE_RUN);
}

/** len(str): code points. */
export function pyLen(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** str[start:end] with Python's code-point indexing and negative indices. */
export function pySlice(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** str.count(sub) for a non-empty sub: non-overlapping occurrences. */
export function pyCount(text: string, sub: string): number {
  return text.split(sub).length - 1;
}

/** str.lower(): JavaScript's toLowerCase applies the same full Unicode mapping (final sigma included). */
export function pyLower(text: string): string {
  return text.toLowerCase();
}
