import { describe, expect, it } from 'vitest';
import { createRng, seedFromText } from '../../../harness/stats/rng.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.nextFloat());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws floats in [0, 1) and integers in [0, n) covering every value', () => {
    const rng = createRng(7);
    const counts = new Array<number>(5).fill(0);
    for (let i = 0; i < 5000; i++) {
      const f = rng.nextFloat();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const k = rng.nextInt(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    // each bucket expects 1000; 4 standard deviations is about 126
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(130);
  });

  it('rejects a non-integer seed and a bad range', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(1).nextInt(0)).toThrow(RangeError);
  });

  it('derives stable, distinct seeds from text', () => {
    expect(seedFromText('aime25')).toBe(seedFromText('aime25'));
    expect(seedFromText('aime25')).not.toBe(seedFromText('aime24'));
  });
});
