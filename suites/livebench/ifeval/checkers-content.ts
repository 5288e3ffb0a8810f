// IFEval's content, length, start/end and case checkers (LiveBench a8f61ff `instructions.py`).
import type { CheckerBuilder } from './checkers-format.ts';
import { compare } from './kwargs.ts';
import { languageDetectionUnavailable } from './language.ts';
import { countSentences } from './punkt.ts';
import { pythonRegex } from './python-regex.ts';
import { countWords, pyIsLower, pyIsUpper, pyStrip, pyStripChars } from './python-text.ts';
import { nltkWordTokenize } from './word-tokenize.ts';

/** keywords:existence, `_NUM_KEYWORDS = 5` in LiveBench (only matters when IFEval draws them). */
export const keywordExistence: CheckerBuilder = (args) => {
  const patterns = [...args.strList('keywords')].sort().map((k) => pythonRegex(k, 'i'));
  return (value) => patterns.every((p) => p.test(value));
};

export const keywordFrequency: CheckerBuilder = (args) => {
  const raw = args.str('keyword');
  if (raw === '') args.refuseRandom('keyword');
  const keyword = pyStrip(raw);
  const frequency = args.int('frequency');
  const relation = args.relation('relation');
  const pattern = pythonRegex(keyword, 'gi');
  return (value) => compare(Array.from(value.matchAll(pattern)).length, relation, frequency);
};

export const forbiddenWords: CheckerBuilder = (args) => {
  const patterns = [...new Set(args.strList('forbidden_words'))].sort().map((w) => pythonRegex(`\\b${w}\\b`, 'i'));
  return (value) => !patterns.some((p) => p.test(value));
};

export const letterFrequency: CheckerBuilder = (args) => {
  const letter = args.str('letter');
  const cps = Array.from(letter);
  const code = (cps[0] ?? '').toLowerCase().codePointAt(0) ?? 0;
  if (cps.length !== 1 || code < 97 || code > 122) args.refuseRandom('letter');
  const target = pyStrip(letter).toLowerCase();
  const frequency = args.int('let_frequency');
  const relation = args.relation('let_relation');
  return (value) => {
    let n = 0;
    for (const ch of value.toLowerCase()) if (ch === target) n++;
    return compare(n, relation, frequency);
  };
};

export const responseLanguage: CheckerBuilder = (args) => {
  const language = args.str('language');
  return () => languageDetectionUnavailable('language:response_language', language);
};

export const numberSentences: CheckerBuilder = (args) => {
  const threshold = args.int('num_sentences');
  const relation = args.relation('relation');
  return (value) => compare(countSentences(value), relation, threshold);
};

export const numberWords: CheckerBuilder = (args) => {
  const threshold = args.int('num_words');
  const relation = args.relation('relation');
  return (value) => compare(countWords(value), relation, threshold);
};

export const twoResponses: CheckerBuilder = () => (value) => {
  const valid: string[] = [];
  const responses = value.split('******');
  for (const [index, response] of responses.entries()) {
    if (pyStrip(response) === '') {
      if (index !== 0 && index !== responses.length - 1) return false;
    } else valid.push(response);
  }
  return valid.length === 2 && pyStrip(valid[0] ?? '') !== pyStrip(valid[1] ?? '');
};

/** LiveBench's edit: an empty prompt_to_repeat is accepted at build time; IFEval's check then fails on None. */
export const repeatPrompt: CheckerBuilder = (args) => {
  const prompt = args.has('prompt_to_repeat') ? args.str('prompt_to_repeat') : '';
  return (value) => {
    if (prompt === '') {
      throw new Error("instruction combination:repeat_prompt has an empty prompt_to_repeat: LiveBench's checker raises AttributeError on it, so there is no reference score. Fix the question's kwargs.");
    }
    return pyStrip(value).toLowerCase().startsWith(pyStrip(prompt).toLowerCase());
  };
};

export const endChecker: CheckerBuilder = (args) => {
  const phrase = pyStrip(args.strippedStr('end_phrase')).toLowerCase();
  return (value) => pyStripChars(pyStrip(value), '"').toLowerCase().endsWith(phrase);
};

export const capitalWordFrequency: CheckerBuilder = (args) => {
  const frequency = args.int('capital_frequency', -Infinity);
  const relation = args.relation('capital_relation');
  return (value) => compare(nltkWordTokenize(value).filter(pyIsUpper).length, relation, frequency);
};

/** `value.isupper() and langdetect.detect(value) == "en"`: detection only runs when the case test passes. */
export const englishCapital: CheckerBuilder = () => (value) => pyIsUpper(value) && languageDetectionUnavailable('change_case:english_capital', 'en');

export const englishLowercase: CheckerBuilder = () => (value) => pyIsLower(value) && languageDetectionUnavailable('change_case:english_lowercase', 'en');

export const noComma: CheckerBuilder = () => (value) => !value.includes(',');

export const quotation: CheckerBuilder = () => (value) => {
  const stripped = pyStrip(value);
  return stripped.length > 1 && stripped.startsWith('"') && stripped.endsWith('"');
};
