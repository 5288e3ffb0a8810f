// More Python `str` and `re` semantics the reasoning and data_analysis scorers lean on, beside the shared
// ../scorers/python-str.ts: Python counts code points (JS counts UTF-16 units), its `.` matches everything
// but "\n" (JS also refuses "\r", \u2028, \u2029), and its `\w` is Unicode-aware (JS `\w` is ASCII).
import { pyLower, pyStrip } from '../scorers/python-str.ts';

export { pyLower, pyStrip };

/** Characters Python's str.isspace() accepts: what split() splits on. */
const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'u');

/** The body of a character class equal to Python's Unicode `\w` (letters, numeric characters, underscore). */
export const PY_WORD_CLASS = '\\p{L}\\p{N}_';
/** Python's `.` without DOTALL, as a JS class: anything but "\n". */
export const PY_DOT = '[^\\n]';

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
