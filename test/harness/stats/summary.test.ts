import { describe, expect, it } from 'vitest';
import { clusteredStandardError, mean, normalInterval, standardError, Z95 } from '../../../harness/stats/summary.ts';
import { passAtK } from '../../../harness/stats/pass-at-k.ts';

describe('summary statistics', () => {
  it('standard error of the mean uses n - 1', () => {
    // 0, 1, 1, 1: mean 0.75, sample variance 0.25, SE 0.25
    expect(mean([0, 1, 1, 1])).toBe(0.75);
    expect(standardError([0, 1, 1, 1])).toBeCloseTo(0.25, 12);
    expect(clusteredStandardError([0.5])).toBe(0);
  });

  it('keeps a 95% interval inside the score range', () => {
    expect(normalInterval(0.5, 0.1)).toEqual({ lower: 0.5 - Z95 * 0.1, upper: 0.5 + Z95 * 0.1 });
    expect(normalInterval(0.95, 0.1)).toEqual({ lower: 0.95 - Z95 * 0.1, upper: 1 });
    expect(normalInterval(0.02, 0.05)).toEqual({ lower: 0, upper: 0.02 + Z95 * 0.05 });
  });
});

describe('unbiased pass@k', () => {
  it('matches 1 - C(n-c, k) / C(n, k)', () => {
    expect(passAtK(4, 1, 2)).toBeCloseTo(1 - 3 / 6, 12);
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 12);
    expect(passAtK(5, 0, 1)).toBe(0);
    expect(passAtK(5, 4, 2)).toBe(1);
  });
  it('refuses k above n', () => {
    expect(() => passAtK(3, 1, 4)).toThrow(/at least 4 samples/);
  });
});
