// nltk.word_tokenize(text) as of NLTK 3.8: Punkt English sentences, each split by NLTKWordTokenizer
// (`nltk/tokenize/destructive.py`), whose regex substitutions run here in the same order with Python's meaning.
import { punktSentences } from './punkt.ts';
import { pythonRegex } from './python-regex.ts';
import { pySplitWhitespace } from './python-text.ts';

type Rule = { pattern: RegExp; replacement: string };

/** Python pattern and `re.sub` replacement (`\1`, `\g<0>`) to a JavaScript RegExp and replacement. */
function rule(pattern: string, replacement: string): Rule {
  const ignoreCase = pattern.startsWith('(?i)');
  const source = pattern.replace(/^\(\?i\)/, '').replaceAll('(?#X)', '');
  return { pattern: pythonRegex(source, ignoreCase ? 'gi' : 'g'), replacement: replacement.replaceAll('\\g<0>', () => '$&').replace(/\\(\d)/g, '$$$1') };
}

const STARTING_QUOTES = [
  rule('([«“‘„]|[`]+)', ' \\1 '),
  rule('^\\"', '``'),
  rule('(``)', ' \\1 '),
  rule('([ \\(\\[{<])(\\"|\\\'{2})', '\\1 `` '),
  rule("(?i)(\\')(?!re|ve|ll|m|t|s|d|n)(\\w)\\b", '\\1 \\2'),
];
const ENDING_QUOTES = [
  rule('([»”’])', ' \\1 '),
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '\\1 \\2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '\\1 \\2 '),
];
const PUNCTUATION = [
  rule('([^\\.])(\\.)([\\]\\)}>"\\\'»”’ ]*)\\s*$', '\\1 \\2 \\3 '),
  rule('([:,])([^\\d])', ' \\1 \\2'),
  rule('([:,])$', ' \\1 '),
  rule('\\.{2,}', ' \\g<0> '),
  rule('[;@#$%&]', ' \\g<0> '),
  rule('([^\\.])(\\.)([\\]\\)}>"\\\']*)\\s*$', '\\1 \\2\\3 '),
  rule('[?!]', ' \\g<0> '),
  rule("([^'])' ", "\\1 ' "),
  rule('[*]', ' \\g<0> '),
];
const PARENS_BRACKETS = rule('[\\]\\[\\(\\)\\{\\}\\<\\>]', ' \\g<0> ');
const DOUBLE_DASHES = rule('--', ' -- ');
const CONTRACTIONS = [
  rule("(?i)\\b(can)(?#X)(not)\\b", ' \\1 \\2 '),
  rule("(?i)\\b(d)(?#X)('ye)\\b", ' \\1 \\2 '),
  rule('(?i)\\b(gim)(?#X)(me)\\b', ' \\1 \\2 '),
  rule('(?i)\\b(gon)(?#X)(na)\\b', ' \\1 \\2 '),
  rule('(?i)\\b(got)(?#X)(ta)\\b', ' \\1 \\2 '),
  rule('(?i)\\b(lem)(?#X)(me)\\b', ' \\1 \\2 '),
  rule("(?i)\\b(more)(?#X)('n)\\b", ' \\1 \\2 '),
  rule('(?i)\\b(wan)(?#X)(na)(?=\\s)', ' \\1 \\2 '),
  rule("(?i) ('t)(?#X)(is)\\b", ' \\1 \\2 '),
  rule("(?i) ('t)(?#X)(was)\\b", ' \\1 \\2 '),
];

const apply = (text: string, rules: Rule[]): string => rules.reduce((t, r) => t.replace(r.pattern, r.replacement), text);

/** NLTKWordTokenizer.tokenize(text) with default options. */
export function treebankTokenize(text: string): string[] {
  let t = apply(text, STARTING_QUOTES);
  t = apply(t, PUNCTUATION);
  t = apply(t, [PARENS_BRACKETS, DOUBLE_DASHES]);
  t = apply(` ${t} `, ENDING_QUOTES);
  t = apply(t, CONTRACTIONS);
  return pySplitWhitespace(t);
}

/** `nltk.word_tokenize(text)` (language "english", preserve_line False). */
export function nltkWordTokenize(text: string): string[] {
  return punktSentences(text).flatMap(treebankTokenize);
}
