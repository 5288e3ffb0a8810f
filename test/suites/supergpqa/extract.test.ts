// Expected values were produced by running eval/eval.py's extract_option_labels / extract_option_content
// (SuperGPQA/SuperGPQA at 03a3e27) under Python 3.11 on the same strings.
import { describe, expect, it } from 'vitest';
import { extractAnswer, extractOptionContent, extractOptionLabels } from '../../../suites/supergpqa/extract.ts';

const GREEK = ['alpha', 'beta', 'gamma', 'delta'];
const FLOWS = ['Froude number', 'Mach number', 'Prandtl number', 'Weber number', 'Reynolds number'];

// [why, response, extract_option_labels result]
const LABEL_CASES: Array<[string, string, string | null]> = [
  ['lower-case letter is captured as written', 'answer: f', 'f'],
  ['"I choose B" on the last line yields I', 'I choose B', 'I'],
  ['the first letter after "Answer:"', 'Answer: A and B', 'A'],
  ['boxed after "the best option is"', 'The best option is \\boxed{J}:', 'J'],
  ['bold markdown', '**Answer: E**', 'E'],
  ['whole-text pass takes the FIRST match', 'Answer: A\nActually, Answer: C\nthat is all', 'A'],
  ['last line wins over earlier lines', 'The answer is A.\nAnswer: C', 'C'],
  ['a closing remark on the last line is read as a letter', 'Answer: H\n\nI hope this helps.', 'I'],
  ['pattern 1 is tried before pattern 2 on the same line', 'Answer: B. The answer is C.', 'C'],
  ['bare \\boxed{} after words is not found', 'So we get $\\boxed{B}$', null],
  ['bare \\boxed{} alone on its line', '$\\boxed{B}$', 'B'],
  ['nested \\boxed{\\text{}} in \\( \\)', 'Answer: \\(\\boxed{\\text{D}}\\)', 'D'],
  ['\\mathbf', 'The final answer is $\\mathbf{G}$.', 'G'],
  ['trailing blank lines are stripped', 'Answer: D\n\n   \n', 'D'],
  ['no-break space is whitespace', 'Answer:\u00a0E', 'E'],
  ['U+001C is whitespace in Python, not in JavaScript', 'Answer:\u001cE', 'E'],
  ['U+FEFF is whitespace in JavaScript, not in Python', 'Answer:\ufeffE', null],
  ['dotless i matches [A-J] under re.IGNORECASE', 'Answer: \u0131', '\u0131'],
  ['dotted capital I matches too', 'The correct answer is \u0130.', '\u0130'],
  ['long s matches s under re.IGNORECASE', 'The an\u017fwer is B', 'B'],
  ['rstrip removes U+0085, so the last line is "Answer: D"', 'Answer: C\nAnswer: D\n\u0085', 'D'],
  ['\\w covers CJK', 'The \u6700\u7ec8 answer is B', 'B'],
  ['\\w covers accented letters, so pattern 3 stops at é', '\u00e9 B', null],
  ['a leading arrow is not a word character', '\u2192 B', 'B'],
  ['a comma after the letter is not an accepted ending', 'The answer is A, not B.', null],
  ['parenthesised letter', '(C).', 'C'],
  ['bracketed letter', '[D]:', 'D'],
  ['upper-case ANSWER', 'ANSWER: (C):', 'C'],
];

describe('extractOptionLabels (eval.py port)', () => {
  it.each(LABEL_CASES)('%s', (_why, response, expected) => {
    expect(extractOptionLabels(response)).toBe(expected);
  });

  it('gives up quickly on long runs of symbols, where the official regex backtracks for seconds', () => {
    expect(extractOptionLabels(`Answer: B${'}'.repeat(40)}x`)).toBeNull();
    expect(extractOptionLabels(`Answer: ${'$'.repeat(40)}x`)).toBeNull();
    expect(extractOptionLabels(`${'*'.repeat(40)}x`)).toBeNull();
  });
});

// [why, response, options, extract_option_content result, final letter]
const CONTENT_CASES: Array<[string, string, string[], string | null, string | null]> = [
  ['option text alone on the last line', 'Final pick:\nReynolds number', FLOWS, 'Reynolds number', 'E'],
  ['option text is case-sensitive', 'the answer is reynolds number', FLOWS, null, null],
  ['"Answer" is case-insensitive, no colon needed', 'ANSWER Reynolds number', FLOWS, 'Reynolds number', 'E'],
  ['after "the answer is"', 'Comparing inertia with viscosity, the answer is Reynolds number.', FLOWS, 'Reynolds number', 'E'],
  ['Python tries the shortest run of symbols first', 'Answer $5$', ['$5$', '5$', '5', '\\text{5}'], '$5$', 'A'],
  ['Python consumes \\boxed{ greedily', 'Answer \\boxed{5}', ['5}', '\\boxed{5}', '5'], '5}', 'A'],
  ['a repeated option maps to its first letter', 'so the answer is x', ['x', 'y', 'x'], 'x', 'A'],
  ['deeply nested \\boxed{ with no answer', `${'\\boxed{'.repeat(30)}q`, FLOWS, null, null],
];

describe('extractOptionContent and the zero-shot flow', () => {
  it.each(CONTENT_CASES)('%s', (_why, response, options, content, letter) => {
    expect(extractOptionLabels(response)).toBeNull();
    expect(extractOptionContent(response, options)).toBe(content);
    expect(extractAnswer(response, options, 'zero-shot', 'official').letter).toBe(letter);
  });

  it('searches a long leading run of symbols in linear time, keeping Python\'s order', () => {
    expect(extractOptionContent(`${'$'.repeat(60000)}Mach numberx`, FLOWS)).toBeNull();
    expect(extractOptionContent(`${'$'.repeat(60000)}Mach number`, FLOWS)).toBe('Mach number');
    expect(extractOptionContent(`${'$('.repeat(30000)}\\boxed{5}`, ['5}', '\\boxed{5}', '5'])).toBe('5}');
  });

  it('labels come before option text', () => {
    expect(extractAnswer('Reynolds number\nAnswer: B', FLOWS, 'zero-shot', 'official')).toEqual({ letter: 'B', via: 'label' });
  });

  it('an empty option that matches counts as nothing extracted', () => {
    expect(extractOptionContent('xyz', ['', 'xyz'])).toBe('xyz');
    expect(extractOptionContent('so, no Answer', ['', 'xyz'])).toBe('');
    expect(extractAnswer('so, no Answer', ['', 'xyz'], 'zero-shot', 'official')).toEqual({ letter: null, via: null });
  });
});

describe('five-shot', () => {
  const rambling = 'Answer: B\nQuestion: Which is heavier?\nA) lead\nAnswer: C';

  it('reads only the text before the first "Question:"', () => {
    expect(extractAnswer(rambling, GREEK, 'five-shot', 'official').letter).toBe('B');
    expect(extractAnswer(rambling, GREEK, 'zero-shot', 'official').letter).toBe('C');
  });

  it('falls back to the whole response when the cut part has no answer', () => {
    expect(extractAnswer('Question: next one\nAnswer: D', GREEK, 'five-shot', 'official').letter).toBe('D');
    expect(extractAnswer('Question: next one\ndelta', GREEK, 'five-shot', 'official')).toEqual({ letter: 'D', via: 'content' });
  });
});

describe('lenient extractor (named deviation)', () => {
  it('upper-cases the letter', () => {
    expect(extractAnswer('answer: f', GREEK, 'zero-shot', 'lenient').letter).toBe('F');
  });

  it('takes the last match instead of the first', () => {
    expect(extractAnswer('Answer: A\nActually, Answer: C\nthat is all', GREEK, 'zero-shot', 'lenient').letter).toBe('C');
    expect(extractAnswer('The answer is A. Wait, the answer is C.', GREEK, 'zero-shot', 'lenient').letter).toBe('C');
    expect(extractAnswer('The answer is A. Wait, the answer is C.', GREEK, 'zero-shot', 'official').letter).toBe('A');
  });

  it('keeps last-line priority and the five-shot cut', () => {
    expect(extractAnswer('Answer: H\n\nI hope this helps.', GREEK, 'zero-shot', 'lenient').letter).toBe('I');
    expect(extractAnswer('Answer: b\nQuestion: x\nAnswer: C', GREEK, 'five-shot', 'lenient').letter).toBe('B');
  });
});
