// IFEval's layout checkers (LiveBench a8f61ff `instructions.py`): bullets, highlights, sections, paragraphs,
// placeholders, postscript, title, JSON, constrained response. Regexes keep Python's meaning (see python-regex.ts).
import type { KwargsReader } from './kwargs.ts';
import { pythonJsonLoads } from './python-json.ts';
import { pythonRegex } from './python-regex.ts';
import { PY_S, pyStrip, pyStripChars, pySplitWhitespace, removePrefix, removeSuffix } from './python-text.ts';

export type Checker = (response: string) => boolean;
/** IFEval's build_description: no instruction of the registry takes the `prompt` argument evaluation_main can pass. */
export type CheckerBuilder = (args: KwargsReader) => Checker;

const count = (re: RegExp, text: string): number => Array.from(text.matchAll(re)).length;

// ^\s*\*[^\*].*$ and ^\s*-.*$ with MULTILINE: `\s*` may run over blank lines, `[^\*]` may be a newline
const STAR_BULLET = new RegExp(`(?:^|(?<=\\n))${PY_S}*\\*[^*][^\\n]*(?=\\n|$)`, 'gu');
const DASH_BULLET = new RegExp(`(?:^|(?<=\\n))${PY_S}*-[^\\n]*(?=\\n|$)`, 'gu');
export const numberBulletLists: CheckerBuilder = (args) => {
  const n = args.int('num_bullets');
  return (value) => count(STAR_BULLET, value) + count(DASH_BULLET, value) === n;
};

const CONSTRAINED_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];
export const constrainedResponse: CheckerBuilder = () => (value) => {
  const stripped = pyStrip(value);
  return CONSTRAINED_OPTIONS.some((option) => stripped.includes(option));
};

const HIGHLIGHT = /\*[^\n*]*\*/gu;
const DOUBLE_HIGHLIGHT = /\*\*[^\n*]*\*\*/gu;
export const numberHighlightedSections: CheckerBuilder = (args) => {
  const n = args.int('num_highlights');
  return (value) => {
    let found = 0;
    for (const [h] of value.matchAll(HIGHLIGHT)) if (pyStrip(pyStripChars(h, '*')) !== '') found++;
    for (const [h] of value.matchAll(DOUBLE_HIGHLIGHT)) if (pyStrip(removeSuffix(removePrefix(h, '**'), '**')) !== '') found++;
    return found >= n;
  };
};

export const multipleSections: CheckerBuilder = (args) => {
  const splitter = args.strippedStr('section_spliter');
  const n = args.int('num_sections');
  const pattern = pythonRegex(`\\s?${splitter}\\s?\\d+\\s?`, 'g');
  return (value) => value.split(pattern).length - 1 >= n;
};

const PARAGRAPH_DIVIDER = new RegExp(`${PY_S}?\\*\\*\\*${PY_S}?`, 'u');
export const numberParagraphs: CheckerBuilder = (args) => {
  const n = args.int('num_paragraphs');
  return (value) => {
    const paragraphs = value.split(PARAGRAPH_DIVIDER);
    let found = paragraphs.length;
    for (const [index, paragraph] of paragraphs.entries()) {
      if (pyStrip(paragraph) !== '') continue;
      if (index === 0 || index === paragraphs.length - 1) found--;
      else return false;
    }
    return found === n;
  };
};

const FIRST_WORD_PUNCTUATION = new Set(['.', ',', '?', '!', "'", '"']);
export const nthParagraphFirstWord: CheckerBuilder = (args) => {
  const numParagraphs = args.int('num_paragraphs');
  const nth = args.int('nth_paragraph', 1);
  if (nth > numParagraphs) args.refuseRandom('nth_paragraph');
  const firstWord = args.str('first_word').toLowerCase();
  return (value) => {
    const paragraphs = value.split('\n\n');
    const found = paragraphs.filter((p) => pyStrip(p) !== '').length;
    if (nth > found) return false;
    // indexed among all pieces, empty ones included, as IFEval does
    const paragraph = pyStrip(paragraphs[nth - 1] ?? '');
    if (paragraph === '') return false;
    const word = pyStripChars(pyStripChars(pyStrip(pySplitWhitespace(paragraph)[0] ?? ''), "'", 'left'), '"', 'left');
    let first = '';
    for (const letter of word) {
      if (FIRST_WORD_PUNCTUATION.has(letter)) break;
      first += letter.toLowerCase();
    }
    return found === numParagraphs && first === firstWord;
  };
};

const PLACEHOLDER = /\[[^\n]*?\]/gu;
export const numberPlaceholders: CheckerBuilder = (args) => {
  const n = args.int('num_placeholders');
  return (value) => count(PLACEHOLDER, value) >= n;
};

export const postscript: CheckerBuilder = (args) => {
  const marker = args.strippedStr('postscript_marker');
  let source: string;
  if (marker === 'P.P.S') source = '\\s*p\\.\\s?p\\.\\s?s.*$';
  else if (marker === 'P.S.') source = '\\s*p\\.\\s?s\\..*$';
  else source = `\\s*${marker.toLowerCase()}.*$`;
  const pattern = pythonRegex(source, '', true);
  return (value) => pattern.test(value.toLowerCase());
};

const TITLE = /<<[^\n]+>>/gu;
export const title: CheckerBuilder = () => (value) => {
  for (const [t] of value.matchAll(TITLE)) if (pyStrip(pyStripChars(pyStripChars(t, '<', 'left'), '>', 'right')) !== '') return true;
  return false;
};

export const jsonFormat: CheckerBuilder = () => (value) => {
  let text = pyStrip(value);
  for (const prefix of ['```json', '```Json', '```JSON', '```']) text = removePrefix(text, prefix);
  return pythonJsonLoads(pyStrip(removeSuffix(text, '```')));
};
