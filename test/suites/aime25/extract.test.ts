import { describe, expect, it } from 'vitest';
import { extractAnswer, lastBoxed, normaliseInteger } from '../../../suites/aime25/extract.ts';

describe('lastBoxed', () => {
  it('takes the last boxed answer', () => {
    expect(lastBoxed('first \\boxed{12} then \\boxed{34}')).toBe('34');
  });
  it('handles nested braces', () => {
    expect(lastBoxed('so \\boxed{\\text{{70}}} done')).toBe('\\text{{70}}');
    expect(lastBoxed('\\boxed{\\frac{1}{2}}')).toBe('\\frac{1}{2}');
  });
  it('accepts \\fbox and a space before the brace', () => {
    expect(lastBoxed('\\fbox{9}')).toBe('9');
    expect(lastBoxed('\\boxed {9}')).toBe('9');
  });
  it('returns null without a box or with an unclosed box', () => {
    expect(lastBoxed('the answer is 70')).toBeNull();
    expect(lastBoxed('\\boxed{70')).toBeNull();
  });
});

describe('normaliseInteger', () => {
  it.each([
    ['70', 70],
    ['070', 70],
    ['70.0', 70],
    ['70.', 70],
    ['$70$', 70],
    ['\\text{70}', 70],
    ['\\textbf{ 70 }', 70],
    ['7 0', 70],
    ['70^\\circ', 70],
    ['\\mathrm{70}', 70],
    ['0', 0],
    ['+5', 5],
    ['-12', -12],
    ['-0', -0],
    ['00000000000000000000042', 42],
    ['5\n', 5],
  ])('%s -> %d', (raw, value) => {
    expect(normaliseInteger(raw)).toBe(value);
  });
  it.each(['70.5', '\\frac{1}{2}', 'x=70', '', 'seventy', '1e3', '99999999999999999999', '+-5'])('%s is not an integer answer', (raw) => {
    expect(normaliseInteger(raw)).toBeNull();
  });
});

describe('extractAnswer', () => {
  it('reports the raw boxed text and its value', () => {
    expect(extractAnswer('Therefore $\\boxed{070}$.')).toEqual({ boxed: '070', value: 70 });
    expect(extractAnswer('no box here: 70')).toEqual({ boxed: null, value: null });
  });
});
