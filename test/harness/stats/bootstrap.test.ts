import { describe, expect, it } from 'vitest';
import { bootstrapClusters, bootstrapMeans, percentile, percentileInterval } from '../../../harness/stats/bootstrap.ts';
import { createRng } from '../../../harness/stats/rng.ts';
import { mean } from '../../../harness/stats/summary.ts';

describe('percentile (numpy linear)', () => {
  // expected values computed with numpy.percentile(..., method="linear")
  it('interpolates between neighbours at (n - 1) * p / 100', () => {
    const xs = [1, 2, 3, 4];
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 25)).toBe(1.75);
    expect(percentile(xs, 50)).toBe(2.5);
    expect(percentile(xs, 90)).toBe(3.7);
    expect(percentile(xs, 100)).toBe(4);
    expect(percentile([10], 37)).toBe(10);
    expect(percentile([0, 10], 5)).toBe(0.5);
  });

  it('matches numpy to the last bit, including its lerp from the upper end', () => {
    // the naive a + (b - a) * t gives 0.16999999999999998 here; numpy gives 0.17
    expect(percentile([0.1, 0.2], 70)).toBe(0.17);
    expect(percentile([0.1, 0.3], 65)).toBe(0.22999999999999998);
    const sorted = [0.05, 0.1, 0.25, 0.3, 0.44, 0.65, 0.9];
    expect(percentile(sorted, 2.5)).toBe(0.0575);
    expect(percentile(sorted, 97.5)).toBe(0.8624999999999999);
    expect(percentile(sorted, 95)).toBe(0.8249999999999998);
  });

  it('rejects an empty list and p outside [0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('gives the equal-tailed interval of unsorted estimates', () => {
    const estimates = [0.9, 0.05, 0.44, 0.3, 0.1, 0.65, 0.25];
    expect(percentileInterval(estimates, 0.95)).toEqual({ lower: 0.0575, upper: 0.8624999999999999 });
    expect(percentileInterval(estimates, 0.9)).toEqual({ lower: 0.065, upper: 0.8249999999999998 });
  });
});

describe('bootstrapMeans', () => {
  const values = Array.from({ length: 200 }, (_, i) => (i % 7) / 6);

  it('is deterministic for a seed', () => {
    expect(bootstrapMeans(values, 50, createRng(3))).toEqual(bootstrapMeans(values, 50, createRng(3)));
    expect(bootstrapMeans(values, 50, createRng(3))).not.toEqual(bootstrapMeans(values, 50, createRng(4)));
  });

  it('centres on the exact mean with the spread of its standard error', () => {
    const means = bootstrapMeans(values, 2000, createRng(11));
    expect(means).toHaveLength(2000);
    const exact = mean(values);
    expect(Math.abs(mean(means) - exact)).toBeLessThan(0.005);
    const sd = Math.sqrt(mean(values.map((v) => (v - exact) ** 2)));
    const bootSd = Math.sqrt(mean(means.map((m) => (m - mean(means)) ** 2)));
    expect(bootSd).toBeGreaterThan(0.85 * (sd / Math.sqrt(values.length)));
    expect(bootSd).toBeLessThan(1.15 * (sd / Math.sqrt(values.length)));
  });

  it('returns the value itself for constant data and rejects bad input', () => {
    expect(bootstrapMeans([0.25, 0.25, 0.25], 4, createRng(1))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(() => bootstrapMeans([], 10, createRng(1))).toThrow(RangeError);
    expect(() => bootstrapMeans([1], 0, createRng(1))).toThrow(RangeError);
  });
});

describe('bootstrapClusters', () => {
  // 40 problems, 8 samples each; problem i is solved by 2 * (i % 5) of its samples (strongly correlated)
  const clusters = Array.from({ length: 40 }, (_, i) => Array.from({ length: 8 }, (_, j) => (j < 2 * (i % 5) ? 1 : 0)));
  const avgAtK = (sample: number[][]) => mean(sample.map((c) => mean(c)));

  it('is deterministic for a seed and centres on the exact statistic', () => {
    const a = bootstrapClusters(clusters, 500, createRng(9), avgAtK);
    expect(a).toEqual(bootstrapClusters(clusters, 500, createRng(9), avgAtK));
    expect(Math.abs(mean(a) - avgAtK(clusters))).toBeLessThan(0.01);
  });

  it('resamples whole clusters, so the spread follows the number of clusters, not of samples', () => {
    const clustered = bootstrapClusters(clusters, 1000, createRng(5), avgAtK);
    const flat = bootstrapMeans(clusters.flat(), 1000, createRng(5));
    const spread = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    // correlated samples: treating them as independent understates the error
    expect(spread(clustered)).toBeGreaterThan(1.5 * spread(flat));
  });

  it('hands the statistic a fresh array each round', () => {
    const seen: number[][][] = [];
    bootstrapClusters(clusters, 3, createRng(2), (s) => {
      seen.push(s);
      return 0;
    });
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[0]).toHaveLength(40);
  });
});
