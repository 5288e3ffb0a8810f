import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getCloseMatches } from '../../../suites/livebench/difflib/close-matches.ts';
import { SequenceMatcher } from '../../../suites/livebench/difflib/sequence-matcher.ts';
import { codePoints, pyCompare, pyStrip } from '../../../suites/livebench/scorers/python-str.ts';
import { disagreement, readDifflibCases } from '../../fixtures/livebench/language/difflib-cases.ts';

const CASES = fileURLToPath(new URL('../../fixtures/livebench/language/difflib-cases.json', import.meta.url));

function matcher(a: string, b: string): SequenceMatcher {
  const s = new SequenceMatcher();
  s.setSeq1(codePoints(a));
  s.setSeq2(codePoints(b));
  return s;
}

describe('difflib port', () => {
  it('agrees with Python 3.11 difflib on every case of the committed fixture', () => {
    const cases = readDifflibCases(CASES);
    expect(cases.length).toBe(250);
    const failures = cases.map((c, i) => [i, disagreement(c)]).filter(([, d]) => d !== null);
    expect(failures).toEqual([]);
  });

  it("gives Python's documented example ratios", () => {
    // from the difflib documentation: SequenceMatcher(None, "abcd", "bcde")
    const s = matcher('abcd', 'bcde');
    expect(s.ratio()).toBe(0.75);
    expect(s.getMatchingBlocks()).toEqual([
      { a: 1, b: 0, size: 3 },
      { a: 4, b: 4, size: 0 },
    ]);
    expect(getCloseMatches('appel', ['ape', 'apple', 'peach', 'puppy'])).toEqual(['apple', 'ape']);
  });

  it('treats characters of a 200+ character seq2 as junk when they occur more than len//100 + 1 times', () => {
    // b has 200 characters: "x" occurs 199 times (> 3), so it is not indexed and only "y" can seed a match,
    // but the match still extends over the popular "x"s around it
    const b = 'x'.repeat(100) + 'y' + 'x'.repeat(99);
    const s = matcher('xxxyxxx', b);
    expect(s.getMatchingBlocks()).toEqual([
      { a: 0, b: 97, size: 7 },
      { a: 7, b: 200, size: 0 },
    ]);
    // one character short of 200: no autojunk, the first run of x's matches first
    const short = matcher('xxxx', 'x'.repeat(199));
    expect(short.getMatchingBlocks()[0]).toEqual({ a: 0, b: 0, size: 4 });
    // with nothing indexed no match is seeded, and the empty match at (0, 0) extends over popular elements
    // only when they start both sequences (values printed by Python 3.11)
    expect(matcher('xxxx', 'x'.repeat(200)).ratio()).toBe(0.0392156862745098);
    const junked = matcher('axxxx', 'x'.repeat(200));
    expect(junked.ratio()).toBe(0);
    expect(junked.quickRatio()).toBeGreaterThan(0);
  });

  it('breaks a tie in ratio toward the larger string in code point order', () => {
    expect(getCloseMatches('abq', ['aba', 'abz', 'abb'], 1, 0.0)).toEqual(['abz']);
    // UTF-16 order would put U+FFFF above U+1F600; Python's code point order does not
    expect(getCloseMatches('abq', ['ab\uffff', 'ab\u{1F600}'], 1, 0.0)).toEqual(['ab\u{1F600}']);
  });

  it('counts an astral character as one element, as Python does', () => {
    expect(matcher('\u{1F600}a', '\u{1F600}b').ratio()).toBe(0.5);
  });

  it('rejects n and cutoff outside what Python accepts', () => {
    expect(() => getCloseMatches('a', ['a'], 0)).toThrow(/n must be > 0/);
    expect(() => getCloseMatches('a', ['a'], 1, 1.5)).toThrow(/cutoff/);
  });
});

describe('python str helpers', () => {
  it("strips Python's whitespace set, not JavaScript's", () => {
    expect(pyStrip('\x1c\x85 a b\u3000\t')).toBe('a b');
    expect(pyStrip('\ufeffa\ufeff')).toBe('\ufeffa\ufeff');
  });

  it('orders strings by code point', () => {
    expect(pyCompare('\u{1F600}', '\uffff')).toBe(1);
    expect(pyCompare('ab', 'abc')).toBe(-1);
    expect(pyCompare('abc', 'abc')).toBe(0);
    expect(pyCompare('b', 'abc')).toBe(1);
  });
});
