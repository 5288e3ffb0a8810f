import { describe, expect, it } from 'vitest';
import { lastBoxedOnlyString, NotABoxError, removeBoxed } from '../../../suites/livebench/scorers/boxed.ts';

describe('lastBoxedOnlyString', () => {
  it('takes the last \\boxed{...} with nested braces, command included', () => {
    expect(lastBoxedOnlyString('a \\boxed{1} b \\boxed{\\frac{1}{2}} c')).toBe('\\boxed{\\frac{1}{2}}');
  });
  it('returns null without any box', () => {
    expect(lastBoxedOnlyString('the answer is 7')).toBeNull();
  });
  it('returns null for an unbalanced box', () => {
    expect(lastBoxedOnlyString('\\boxed{\\frac{1}{2}')).toBeNull();
  });
  it('removes every $ inside the box', () => {
    expect(lastBoxedOnlyString('$\\boxed{$x$}$')).toBe('\\boxed{x}');
  });
  it('lets any "\\boxed " with a space win over a later \\boxed{...}, cut at the next $', () => {
    expect(lastBoxedOnlyString('$\\boxed 5$ and then \\boxed{7}')).toBe('\\boxed 5');
    expect(lastBoxedOnlyString('x \\boxed 1$ y \\boxed 2 and more')).toBe('\\boxed 2 and more');
  });
  it('falls back to \\fbox only when there is no \\boxed, and renames it', () => {
    expect(lastBoxedOnlyString('\\fbox{A}')).toBe('\\boxed{A}');
    expect(lastBoxedOnlyString('\\fbox{A} \\boxed{B}')).toBe('\\boxed{B}');
    expect(lastBoxedOnlyString('\\boxed{B} \\fbox{A}')).toBe('\\boxed{B}');
  });
  it('replaces "fbox" anywhere inside the chosen box', () => {
    expect(lastBoxedOnlyString('\\boxed{\\fbox{1}}')).toBe('\\boxed{\\boxed{1}}');
  });
  it('scans from the last \\boxed even when it has no brace of its own', () => {
    // "\boxedx" has no "{", so the scan runs on into the following text's braces
    expect(lastBoxedOnlyString('\\boxed{1} then \\boxedx {2}')).toBe('\\boxedx {2}');
  });
  it('keeps counting below zero on a stray closing brace, as upstream does', () => {
    expect(lastBoxedOnlyString('\\boxed} {1}}')).toBeNull();
    expect(lastBoxedOnlyString('\\boxed}{{1}}}')).toBe('\\boxed}{{1}');
  });
});

describe('removeBoxed', () => {
  it('strips \\boxed{ and the last }', () => {
    expect(removeBoxed('\\boxed{\\frac{1}{2}}')).toBe('\\frac{1}{2}');
    expect(removeBoxed('\\boxed{}')).toBe('');
  });
  it('strips "\\boxed " when the text has one', () => {
    expect(removeBoxed('\\boxed 5 cats')).toBe('5 cats');
  });
  it('throws where upstream asserts', () => {
    expect(() => removeBoxed('x \\boxed 5')).toThrow(NotABoxError);
    expect(() => removeBoxed('\\boxed{5')).toThrow(NotABoxError);
    expect(() => removeBoxed('\\fbox{5}')).toThrow(NotABoxError);
    expect(() => removeBoxed('')).toThrow(NotABoxError);
  });
  it('round-trips with lastBoxedOnlyString', () => {
    const box = lastBoxedOnlyString('so $\\boxed{x^{2}}$.');
    expect(box).not.toBeNull();
    expect(removeBoxed(box ?? '')).toBe('x^{2}');
  });
});
