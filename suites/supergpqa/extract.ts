// Port of extract_option_labels and extract_option_content (SuperGPQA/SuperGPQA eval/eval.py), quirks included:
// - the three patterns are tried on the last line, then on the whole text, and re.search's first match wins;
// - labels match case-insensitively and the captured letter is kept as written, so "answer: f" is wrong;
// - pattern 3 has no MULTILINE flag, so on the whole text `^` is the start of the text only;
// - option text is matched case-sensitively except for the word "Answer".
// Where Python's `re` and JavaScript differ, sub-patterns are rewritten to match what Python matches, in the order
// Python tries it (python-re.ts has the character classes):
// - the opener `(?:[*$\{([\\]*?(?:(?:\\boxed|...){)?)*` becomes `T*(?:[...]T*)*?`: Python accepts an empty loop
//   iteration and so tries tokens greedily, then the shortest run of symbols; JavaScript would take the longest;
// - the suffix `(?:\\?\}?\$?\)?\]?\}?)*` becomes `[\\}$)\]]*` (same text; only success or failure depends on it);
// - label pattern 3 becomes an unambiguous equivalent (its letter cannot differ: a letter inside `\boxed{` is always
//   followed by a letter or `{`), and content pattern 3 is searched by leading-option.ts.
// The originals backtrack exponentially on runs of a few dozen symbols; eval.py gives each search 5 s and then
// counts it as no match. This port runs in linear or quadratic time, so it can differ from an official run only on
// such degenerate responses, where the official result depended on the machine's speed.
import { LETTERS } from './dataset.ts';
import { searchLeadingOption } from './leading-option.ts';
import { PY_END, PY_SPACE, PY_WORD, escapeLiteral, ignoringCase, letterClassIgnoringCase, pyRstrip } from './python-re.ts';

export type ExtractorName = 'official' | 'lenient';
export type Extraction = { letter: string | null; via: 'label' | 'content' | null };

const S = `[${PY_SPACE}]`;
const W = `[${PY_WORD}]`;
const NOT_WORD_NOR_NEWLINE = `[^${PY_WORD}\\r\\n]`;
const SYMBOL = '[*$\\{(\\[\\\\]';
const SUFFIX = '[\\\\}$)\\]]*';
const END = `(?:[${PY_SPACE}:.*)]|${PY_END})`;

/** `\boxed{`, `\mathbf{`, `\mathrm{` or `\text{`. */
function token(caseInsensitive: boolean): string {
  const word = (w: string): string => (caseInsensitive ? ignoringCase(w) : w);
  return `(?:\\\\(?:${word('boxed')}|${word('mathbf')}|${word('mathrm')}|${word('text')})\\{)`;
}

/** The symbols and `\boxed{`-style openers that may precede the answer, tried in Python's order. */
function opener(caseInsensitive: boolean): string {
  const t = token(caseInsensitive);
  return `${t}*(?:${SYMBOL}${t}*)*?`;
}

function labelSources(): string[] {
  const open = opener(true);
  const t = token(true);
  const letter = `(${letterClassIgnoringCase(LETTERS)})`;
  const answerOrOption = `(?:${ignoringCase('answer')}|${ignoringCase('option')})`;
  return [
    // "The final answer to this question is: A." / "The best option is $\boxed{B}:"
    `[Tt]${ignoringCase('he')}${S}+(?:${W}+${S}+)?${answerOrOption}(?:${W}+${S}+)?${S}+${ignoringCase('i')}${ignoringCase('s')}?:?${S}*${open}${S}*${letter}${SUFFIX}${END}`,
    // "ANSWER: A" / "Answer: $\boxed{B}."
    `${ignoringCase('Answer')}[*${PY_SPACE}]*:${S}*${open}${S}*${letter}${SUFFIX}${END}`,
    // "A" / "(C)." / "[D]:" at the start. `^[^\w\r\n]*(?:opener)\s*` in linear form: the opener's symbols and all
    // whitespace but \r and \n are already in [^\w\r\n], so only a token or a line break needs a branch of its own.
    `^${NOT_WORD_NOR_NEWLINE}*(?:${t}(?:${t}|${SYMBOL})*${S}*|[\\r\\n]${S}*)?${letter}${SUFFIX}${END}`,
  ];
}

type Pick = 'first' | 'last';
/** One pattern: group 1 of the first (or last) match in the target, or null. */
type Matcher = (target: string, pick: Pick) => string | null;

function regexMatcher(source: string): Matcher {
  const first = new RegExp(source, 'u');
  const all = new RegExp(source, 'gu');
  return (target, pick) => {
    if (pick === 'first') {
      const match = first.exec(target);
      return match ? (match[1] ?? '') : null;
    }
    let last: string | null = null;
    for (const match of target.matchAll(all)) last = match[1] ?? '';
    return last;
  };
}

const CONTENT_TOKEN = new RegExp(token(false), 'uy');

function contentMatchers(options: readonly string[]): Matcher[] {
  const open = opener(false);
  const option = `(${options.map(escapeLiteral).join('|')})`;
  const tail = new RegExp(`${S}*${option}${SUFFIX}${END}`, 'uy');
  return [
    regexMatcher(`[Tt]he${S}+(?:${W}+${S}+)?(?:answer|option)(?:${W}+${S}+)?${S}+is:?${S}*${open}${S}*${option}${SUFFIX}${END}`),
    regexMatcher(`${ignoringCase('Answer')}${S}*${open}${S}*${option}${SUFFIX}${END}`),
    // `^[^\w\r\n]*(?:opener)\s*(option|...)...`: anchored, so it matches at most once and "last" is "first"
    (target) => searchLeadingOption(target, tail, CONTENT_TOKEN),
  ];
}

const LABEL_MATCHERS = labelSources().map(regexMatcher);
const ANY_LETTER = new RegExp(letterClassIgnoringCase(LETTERS), 'u');

/**
 * The last line, then the whole text, each pattern in turn; a match's group 1 is returned even if empty.
 * `possible` skips texts that cannot match (no letter, no option text), which only saves time.
 */
function search(matchers: Matcher[], text: string, pick: Pick, possible: (target: string) => boolean): string | null {
  const whole = pyRstrip(text);
  const lastLine = whole.slice(whole.lastIndexOf('\n') + 1);
  for (const target of [lastLine, whole]) {
    if (!possible(target)) continue;
    for (const matcher of matchers) {
      const found = matcher(target, pick);
      if (found !== null) return found;
    }
  }
  return null;
}

/** extract_option_labels(text, 'ABCDEFGHIJ'): the letter as written (may be lower case), or null. */
export function extractOptionLabels(text: string, pick: Pick = 'first'): string | null {
  return search(LABEL_MATCHERS, text, pick, (target) => ANY_LETTER.test(target));
}

/** extract_option_content(text, options): the option text found (may be ""), or null. */
export function extractOptionContent(text: string, options: readonly string[], pick: Pick = 'first'): string | null {
  if (options.length === 0) return null;
  return search(contentMatchers(options), text, pick, (target) => options.some((o) => target.includes(o)));
}

/** One zero-shot attempt: labels, then option text mapped to its first letter; "" counts as nothing. */
function extractOnce(text: string, options: readonly string[], pick: Pick): Extraction | null {
  const label = extractOptionLabels(text, pick);
  if (label !== null) return { letter: label, via: 'label' };
  const content = extractOptionContent(text, options, pick);
  if (!content) return null;
  return { letter: String.fromCharCode(65 + options.indexOf(content)), via: 'content' };
}

/**
 * The official extraction for a prompt mode. Five-shot first reads only the text before the first "Question:"
 * (base models go on to write new questions), then the whole response. The lenient extractor, a named deviation,
 * takes the last match of each pattern instead of the first and upper-cases the letter.
 */
export function extractAnswer(
  response: string,
  options: readonly string[],
  mode: 'zero-shot' | 'five-shot',
  extractor: ExtractorName,
): Extraction {
  const pick: Pick = extractor === 'official' ? 'first' : 'last';
  let found: Extraction | null = null;
  if (mode === 'five-shot') found = extractOnce(response.split('Question:')[0] ?? '', options, pick);
  found ??= extractOnce(response, options, pick);
  if (found === null) return { letter: null, via: null };
  return extractor === 'lenient' && found.letter !== null ? { ...found, letter: found.letter.toUpperCase() } : found;
}
