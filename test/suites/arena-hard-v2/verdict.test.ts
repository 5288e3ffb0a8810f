import { describe, expect, it } from 'vitest';
import { extractVerdict, labelOutcomes, recordOutcomes } from '../../../suites/arena-hard-v2/verdict.ts';

describe('extractVerdict', () => {
  const cases: [string, string | null][] = [
    ['My final verdict is tie: [[A=B]]', 'A=B'],
    ['My final verdict is: [[B>>A]].', 'B>>A'],
    ['Assistant A is slightly better: [[a>b]]', 'A>B'],
    ['First I thought [[A>B]] but on reflection [[B>A]]', 'B>A'],
    ['The prompt lists [[A>>B]] ... [[A>B]] as options. Final: [[A=B]]', 'A=B'],
    ['No double brackets, final verdict [B>A]', 'B>A'],
    ['Single [A>B] early, then double [[B>>A]] wins over a later single [A=B]', 'B>>A'],
    ['Verdict: A>B without brackets', null],
    ['', null],
    ['[[C>D]] is not a label', null],
    ['Option [A] is better', 'A'],
    ['[[A>B>B]]', 'A>B>B'],
    ['[[ A>B ]] has spaces', null],
    ['Verdict [[A>B]]\n', 'A>B'],
    ['Final verdict: [[b<<a]]', 'B<<A'],
    ['Mixed case [[a=B]]', 'A=B'],
  ];
  it.each(cases)('%j -> %j', (text, expected) => {
    expect(extractVerdict(text)).toBe(expected);
  });
});

describe('labelOutcomes', () => {
  it('weights strong verdicts three times', () => {
    expect(labelOutcomes('A>>B')).toEqual([1, 1, 1]);
    expect(labelOutcomes('B>>A')).toEqual([0, 0, 0]);
    expect(labelOutcomes('B<<A')).toEqual([1, 1, 1]);
    expect(labelOutcomes('A=B')).toEqual([0.5]);
    expect(labelOutcomes('B<A')).toEqual([1]);
  });

  it('knows no other label', () => {
    expect(labelOutcomes('A')).toBeNull();
    expect(labelOutcomes('A>B>B')).toBeNull();
    expect(labelOutcomes('toString')).toBeNull();
  });
});

describe('recordOutcomes', () => {
  it('reads game 2 directly and flips game 1, in upstream order', () => {
    // game 1: baseline is A and wins strongly -> model loses 3x; game 2: model is A and wins slightly
    expect(recordOutcomes('A>>B', 'A>B')).toEqual([1, 0, 0, 0]);
    expect(recordOutcomes('B>A', 'A=B')).toEqual([0.5, 1]);
  });

  it('drops the record when either game has no usable label', () => {
    expect(recordOutcomes(null, 'A>B')).toBeNull();
    expect(recordOutcomes('A>B', 'A')).toBeNull();
  });
});
