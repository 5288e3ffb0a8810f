// Python `re` behaviour that JavaScript regexes do not share, as fragments for patterns compiled with the `u` flag.
// Each was checked against Python 3.11 over every code point (Unicode 14); characters assigned after Unicode 14
// may differ, which no question or answer is expected to hit.

/** Python's `\w` on str (str.isalnum() or "_"); JavaScript's `\w` is ASCII only. Use inside a character class. */
export const PY_WORD = '\\p{L}\\p{N}_';

/**
 * Python's `\s` on str, the same set str.isspace() and str.rstrip() use. JavaScript's `\s` lacks U+001C..U+001F
 * and U+0085 and adds U+FEFF. Use inside a character class.
 */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python's `$` without MULTILINE: the end of the text, or just before a newline that ends it. */
export const PY_END = '(?=\\n?$)';

/**
 * Letters that re.IGNORECASE matches beyond the two ASCII cases: "i" also matches U+0130 and U+0131,
 * "k" matches the Kelvin sign, "s" the long s. JavaScript's `i` flag (with `u`) folds K and ſ but not İ or ı.
 */
const PY_CASE_VARIANTS: Record<string, string> = { i: '\\u0130\\u0131', k: '\\u212a', s: '\\u017f' };

/** A letter matched as re.IGNORECASE would match it, e.g. "s" -> [Ssſ]. */
function letterIgnoringCase(letter: string): string {
  return `[${letter.toUpperCase()}${letter.toLowerCase()}${PY_CASE_VARIANTS[letter.toLowerCase()] ?? ''}]`;
}

/**
 * An ASCII word matched case-insensitively with Python's rules. This also stands in for the inline group
 * `(?i:...)`, which Node 20's regex engine does not support.
 */
export function ignoringCase(word: string): string {
  let out = '';
  for (const ch of word) out += /[A-Za-z]/.test(ch) ? letterIgnoringCase(ch) : escapeLiteral(ch);
  return out;
}

/** A character class of ASCII letters (e.g. "ABCDEFGHIJ") under re.IGNORECASE. */
export function letterClassIgnoringCase(letters: string): string {
  let body = '';
  for (const ch of letters) body += letterIgnoringCase(ch).slice(1, -1);
  return `[${body}]`;
}

/** Escapes text for a literal match in a `u`-flag pattern (the role re.escape plays). */
export function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const ONE_PY_SPACE = new RegExp(`^[${PY_SPACE}]$`, 'u');

/** Python's str.rstrip() with no argument (JavaScript's trimEnd() strips a different set). */
export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && ONE_PY_SPACE.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}
