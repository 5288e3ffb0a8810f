// Python 3 string semantics that the IFEval checkers depend on, written for JavaScript strings.
// Python's `str.isspace()`, `\s`, `\w`, `\d`, `str.strip()`, `str.split()`, `isupper()` and `islower()`
// each draw on Unicode tables that differ from JavaScript's `\s`, `\w`, `trim()` and friends.

/** Characters for which Python's `str.isspace()` is true (and which Python's `re` `\s` matches). */
export const PY_SPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Python `\s` (str patterns): use inside a `u`-flag RegExp. */
export const PY_S = `[${PY_SPACE_CLASS}]`;
/** Python `\S`. */
export const PY_NOT_S = `[^${PY_SPACE_CLASS}]`;
/** Python `\w` (str patterns): alphanumerics (letters and numbers of every category) and underscore. */
export const PY_W_CLASS = '\\p{L}\\p{N}_';
export const PY_W = `[${PY_W_CLASS}]`;
/** Python `[^\W\d]`: a word character that is not a decimal digit. */
export const PY_W_NOT_DIGIT = '[\\p{L}\\p{Nl}\\p{No}_]';
/** Python `\d`: Unicode decimal digits. */
export const PY_D = '\\p{Nd}';
/** Python's `.` without DOTALL: anything but `\n` (JavaScript's `.` also stops at `\r`, U+2028, U+2029). */
export const PY_DOT = '[^\\n]';

const SPACE = new RegExp(`^${PY_S}$`, 'u');
const SPACE_RUNS = new RegExp(`${PY_S}+`, 'u');

/** True for one UTF-16 unit that Python counts as whitespace (all of them are in the BMP). */
export function isPySpace(ch: string): boolean {
  return SPACE.test(ch);
}

// Loops, not `\s+$`: a regex anchored at the end rescans every run of spaces, quadratic on long runs.
/** `s.strip()` with no argument. */
export function pyStrip(s: string): string {
  let start = 0;
  while (start < s.length && isPySpace(s[start] ?? '')) start++;
  return pyRstrip(s.slice(start));
}

/** `s.rstrip()` with no argument. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPySpace(s[end - 1] ?? '')) end--;
  return s.slice(0, end);
}

/** `s.strip(chars)`, `s.lstrip(chars)`, `s.rstrip(chars)` with an explicit character set. */
export function pyStripChars(s: string, chars: string, side: 'both' | 'left' | 'right' = 'both'): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  if (side !== 'right') while (start < end && set.has(cps[start] ?? '')) start++;
  if (side !== 'left') while (end > start && set.has(cps[end - 1] ?? '')) end--;
  return cps.slice(start, end).join('');
}

/** `s.split()` with no argument: runs of whitespace separate, leading and trailing whitespace is dropped. */
export function pySplitWhitespace(s: string): string[] {
  const stripped = pyStrip(s);
  return stripped === '' ? [] : stripped.split(SPACE_RUNS);
}

const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const TITLE = /\p{Lt}/u;

/** `s.isupper()`: no lowercase or titlecase character, and at least one uppercase one. */
export function pyIsUpper(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (LOWER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && UPPER.test(ch)) cased = true;
  }
  return cased;
}

/** `s.islower()`: no uppercase or titlecase character, and at least one lowercase one. */
export function pyIsLower(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && LOWER.test(ch)) cased = true;
  }
  return cased;
}

/** The first code point of `s` (Python's `s[0]`), or '' for an empty string. */
export function firstCodePoint(s: string): string {
  const cp = s.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Number of Python-Unicode `\w+` runs: nltk's `RegexpTokenizer(r"\w+")`, IFEval's `count_words`. */
export function countWords(text: string): number {
  return text.match(WORD_RUNS)?.length ?? 0;
}
const WORD_RUNS = new RegExp(`${PY_W}+`, 'gu');

/** `s.removeprefix(p)` and `s.removesuffix(p)`. */
export function removePrefix(s: string, prefix: string): string {
  return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}
export function removeSuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}
