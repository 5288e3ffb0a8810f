// Seeded bootstrap helpers. Upstream sets no seed; a fixed, recorded seed makes a re-score reproduce its numbers.

/** mulberry32: a small, fast 32-bit generator; plenty for resampling indices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How often each of n rows is drawn in one resample of n rows with replacement. */
export function resampleCounts(n: number, random: () => number): Uint32Array {
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) {
    const j = Math.floor(random() * n);
    counts[j] = (counts[j] ?? 0) + 1;
  }
  return counts;
}

/** pandas/numpy quantile with linear interpolation. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Means of `rounds` resamples of `values` (groupby(model).sample(frac=1, replace=True).mean()). */
export function bootstrapMeans(values: readonly number[], rounds: number, random: () => number): number[] {
  const n = values.length;
  const means: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += values[Math.floor(random() * n)] ?? 0;
    means.push(n === 0 ? Number.NaN : sum / n);
  }
  return means;
}

export type BootstrapSummary = { score: number; lower: number; upper: number; rounds: number };

/** Without style control the score is the mean of the bootstrap means; the interval is 5%-95%. */
export function summarizeByMean(estimates: readonly number[]): BootstrapSummary {
  return { score: mean(estimates), lower: quantile(estimates, 0.05), upper: quantile(estimates, 0.95), rounds: estimates.length };
}

/** With style control upstream reports the median (quantile 0.5) of the bootstrap estimates. */
export function summarizeByMedian(estimates: readonly number[]): BootstrapSummary {
  return { score: quantile(estimates, 0.5), lower: quantile(estimates, 0.05), upper: quantile(estimates, 0.95), rounds: estimates.length };
}
