// normalize_final_answer from Lewkowycz et al. (2022), appendix D, as LiveBench's AMPS_Hard scorer applies it
// to the content of the last box. Python's `.` is "anything but \n"; the patterns run with the u flag so that
// a character outside the BMP is one character, as in Python.
import { isPyDigit } from './python-digits.ts';

const DOT = '[^\\n]';
const DOLLAR_PAIR = new RegExp(`(${DOT}*?)(\\$)(${DOT}*?)(\\$)(${DOT}*)`, 'gu');
const TEXT = new RegExp(`(\\\\text\\{)(${DOT}*?)(\\})`, 'gu');
const TEXTBF = new RegExp(`(\\\\textbf\\{)(${DOT}*?)(\\})`, 'gu');
const OVERLINE = new RegExp(`(\\\\overline\\{)(${DOT}*?)(\\})`, 'gu');
const BOXED = new RegExp(`(\\\\boxed\\{)(${DOT}*)(\\})`, 'gu');
const SHORT_FRAC = new RegExp(`(frac)([^{])(${DOT})`, 'gu');
const SHORT_SQRT = /(sqrt)([^{[])/gu;

export function normalizeFinalAnswer(answer: string): string {
  let s = answer.split('=').at(-1) ?? '';
  s = s.replace(DOLLAR_PAIR, (_m, _a: string, _b: string, inner: string) => `$${inner}$`);
  s = s.replace(TEXT, (_m, _a: string, inner: string) => inner);
  s = s.replace(TEXTBF, (_m, _a: string, inner: string) => inner);
  s = s.replace(OVERLINE, (_m, _a: string, inner: string) => inner);
  s = s.replace(BOXED, (_m, _a: string, inner: string) => inner);
  // \fracab -> \frac{a}{b}; \sqrta -> \sqrt{a}
  s = s.replace(SHORT_FRAC, (_m, _a: string, numerator: string, denominator: string) => `frac{${numerator}}{${denominator}}`);
  s = s.replace(SHORT_SQRT, (_m, _a: string, radicand: string) => `sqrt{${radicand}}`);
  s = s.replaceAll('$', '');
  // 100,000 -> 100000, only when nothing but digits and commas remain (str.isdigit(): at least one digit)
  const withoutCommas = s.replaceAll(',', '');
  if (withoutCommas !== '' && Array.from(withoutCommas).every(isPyDigit)) s = withoutCommas;
  return s;
}
