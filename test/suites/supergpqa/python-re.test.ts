// Expected values checked with Python 3.11: str.rstrip(), re.fullmatch(..., re.IGNORECASE), re \w and \s.
import { describe, expect, it } from 'vitest';
import { PY_SPACE, PY_WORD, escapeLiteral, ignoringCase, letterClassIgnoringCase, pyRstrip } from '../../../suites/supergpqa/python-re.ts';

const whole = (source: string): RegExp => new RegExp(`^(?:${source})$`, 'u');

describe('Python re semantics in JavaScript', () => {
  it('rstrip strips what Python strips, and only that', () => {
    expect(pyRstrip('Answer: A \t\n\u0085\u001c\u3000')).toBe('Answer: A');
    expect(pyRstrip('Answer: A\ufeff')).toBe('Answer: A\ufeff');
    expect(pyRstrip('   ')).toBe('');
  });

  it('\\s and \\w follow Python, not JavaScript', () => {
    const space = whole(`[${PY_SPACE}]`);
    expect(['\u001c', '\u001f', '\u0085', '\u00a0', '\u2028', '\u3000'].every((c) => space.test(c))).toBe(true);
    expect(space.test('\ufeff')).toBe(false);
    const word = whole(`[${PY_WORD}]`);
    expect(['é', '中', '٣', '_', 'ß'].every((c) => word.test(c))).toBe(true);
    expect(['\u0301', '-', '→'].some((c) => word.test(c))).toBe(false);
  });

  it('IGNORECASE folds i, k and s like Python (İ, ı, K, ſ)', () => {
    expect(whole(ignoringCase('is')).test('\u0130\u017f')).toBe(true);
    expect(whole(ignoringCase('is')).test('\u0131S')).toBe(true);
    expect(whole(ignoringCase('k')).test('\u212a')).toBe(true);
    expect(whole(ignoringCase('Answer')).test('aNSWER')).toBe(true);
    expect(whole(ignoringCase('Answer')).test('Answe')).toBe(false);
    const letters = whole(letterClassIgnoringCase('ABCDEFGHIJ'));
    expect(['A', 'j', '\u0130', '\u0131'].every((c) => letters.test(c))).toBe(true);
    expect(['K', 'k', '\u212a'].some((c) => letters.test(c))).toBe(false);
  });

  it('escapes option text for a literal match', () => {
    const text = 'x^2 + (y) = [z]{1}.* | \\ $ ? /';
    expect(whole(escapeLiteral(text)).test(text)).toBe(true);
  });
});
