// The expression list of a proof-rearrangement answer, as LiveBench's olympiad scorer extracts it
// (extract_expression_completions_from_generation, LB@a8f61ff): four fallbacks tried in order.
import { lastBoxedOnlyString, removeBoxed } from '../scorers/boxed.ts';
import { pyLower, pyStrip } from '../scorers/python-str.ts';
import { isPyDigit, pyInt } from './python-digits.ts';

export const NO_ANSWER = 'NO ANSWER';
export type Completion = number | typeof NO_ANSWER;

export type Extraction = {
  completions: Completion[];
  /** which fallback produced the list */
  path: 'answer-line' | 'boxed' | 'last-line' | 'after-answer';
};

/** remove_nonnumeric_chars_at_ends: the first run of str.isdigit() characters, and how many characters were dropped. */
export function leadingDigitRun(text: string): { digits: string; removed: number } {
  const chars = Array.from(text);
  let start = 0;
  while (start < chars.length && !isPyDigit(chars[start] ?? '')) start += 1;
  let end = start;
  while (end < chars.length && isPyDigit(chars[end] ?? '')) end += 1;
  return { digits: chars.slice(start, end).join(''), removed: chars.length - (end - start) };
}

function toCompletion(text: string): Completion {
  return pyInt(text) ?? NO_ANSWER;
}

/** null when the list is empty or all NO ANSWER: the next fallback is tried */
function usable(numbers: Completion[]): Completion[] | null {
  return numbers.length === 0 || numbers.every((n) => n === NO_ANSWER) ? null : numbers;
}

function cleanAnswerText(text: string): string {
  return pyStrip(text.replaceAll('answer:', '').replaceAll('**', '').replaceAll('.', ''));
}

function fromAnswerLine(generation: string): Completion[] | null {
  const lines = pyStrip(pyLower(generation)).split('\n');
  let index = -1;
  lines.forEach((line, i) => {
    if (line.includes('answer:')) index = i;
  });
  // the text between the line's first "answer:" and the next one
  let answer = cleanAnswerText(lines[index]?.split('answer:')[1] ?? '');
  if (answer === '' && index < lines.length - 1) answer = cleanAnswerText(lines[index + 1] ?? '');
  return usable(
    answer.split(',').map((token) => {
      const last = pyStrip(token).split(' ').at(-1) ?? '';
      // removed one after another, in LiveBench's order: "b\oxed" loses its backslash and then "boxed"
      let cleaned = last;
      for (const part of ['$', '{', '}', '\\', 'boxed', '<', '>']) cleaned = cleaned.replaceAll(part, '');
      return toCompletion(cleaned);
    }),
  );
}

function fromBox(generation: string): Completion[] | null {
  const box = lastBoxedOnlyString(generation);
  const text = box === null ? generation : removeBoxed(box);
  const cleaned = text.replaceAll('\\text{', '').replaceAll('}', '').replaceAll('\\', '');
  return usable(pyStrip(cleaned).split(',').map((token) => toCompletion(pyStrip(token))));
}

function fromLastLine(generation: string): Completion[] | null {
  const lastLine = pyLower(pyStrip(generation)).split('\n').at(-1) ?? '';
  const numbers: Completion[] = [];
  for (const token of pyStrip(lastLine).split(',')) {
    const { digits } = leadingDigitRun(token);
    if (pyStrip(digits).length === 0) continue;
    numbers.push(toCompletion(pyStrip(digits)));
  }
  return usable(numbers);
}

function afterLastAnswer(generation: string): Completion[] {
  const tokens = (pyLower(generation).split('answer:').at(-1) ?? '').split(',').map(pyStrip);
  const numbers: Completion[] = [];
  for (const [i, token] of tokens.entries()) {
    const { digits, removed } = leadingDigitRun(token);
    if (digits !== '' && digits !== '₂') {
      const value = pyInt(digits);
      if (value === null) throw new Error(`int() cannot read the digits '${digits}' (str.isdigit() accepts them)`);
      numbers.push(value);
    }
    if (i > 0 && removed > 0) break;
  }
  return numbers;
}

/** Throws where LiveBench's code raises (remove_boxed's assertion, int() of a non-decimal digit). */
export function extractCompletions(generation: string): Extraction {
  if (pyLower(generation).includes('answer:')) {
    const found = fromAnswerLine(generation);
    if (found) return { completions: found, path: 'answer-line' };
  }
  if (generation.includes('\\boxed')) {
    const found = fromBox(generation);
    if (found) return { completions: found, path: 'boxed' };
  }
  const lastLine = fromLastLine(generation);
  if (lastLine) return { completions: lastLine, path: 'last-line' };
  return { completions: afterLastAnswer(generation), path: 'after-answer' };
}

/** Unit-cost edit distance between two lists (what Levenshtein.distance computes on lists). */
export function listEditDistance(a: readonly Completion[], b: readonly Completion[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (const [i, x] of a.entries()) {
    const current = [i + 1];
    for (const [j, y] of b.entries()) {
      current.push(Math.min((previous[j + 1] ?? 0) + 1, (current[j] ?? 0) + 1, (previous[j] ?? 0) + (x === y ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
