// Bootstrap resampling and numpy-compatible percentiles, for intervals on metrics that are not plain means.
import type { Rng } from './rng.ts';

function checkRounds(rounds: number): void {
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`bootstrap rounds must be a positive integer, got ${rounds}`);
}

/** Means of `rounds` resamples (with replacement, same size) of `values`. */
export function bootstrapMeans(values: readonly number[], rounds: number, rng: Rng): number[] {
  checkRounds(rounds);
  const n = values.length;
  if (n === 0) throw new RangeError('bootstrapMeans needs at least one value');
  const data = Float64Array.from(values);
  const means = new Array<number>(rounds);
  for (let r = 0; r < rounds; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[rng.nextInt(n)] ?? 0;
    means[r] = sum / n;
  }
  return means;
}

/**
 * `statistic` over `rounds` resamples of whole clusters (e.g. all samples of one problem), which keeps
 * correlated samples together so the spread is not understated.
 */
export function bootstrapClusters<T>(
  clusters: readonly T[],
  rounds: number,
  rng: Rng,
  statistic: (sample: T[]) => number,
): number[] {
  checkRounds(rounds);
  const n = clusters.length;
  if (n === 0) throw new RangeError('bootstrapClusters needs at least one cluster');
  const out = new Array<number>(rounds);
  const sample = new Array<T>(n);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const pick = clusters[rng.nextInt(n)];
      if (pick !== undefined) sample[i] = pick;
    }
    out[r] = statistic(sample.slice());
  }
  return out;
}

/** numpy's `_lerp`: from the nearer end for t >= 0.5, so results match numpy to the last bit. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/**
 * The p-th percentile (0..100) of ascending `sorted`, with numpy's default method "linear"
 * (also pandas' `quantile`): index (n - 1) * p / 100, interpolated between its neighbours.
 */
export function percentile(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of an empty list');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be in [0, 100], got ${p}`);
  const index = (n - 1) * (p / 100);
  const below = Math.floor(index);
  const lower = sorted[below] ?? Number.NaN;
  if (below >= n - 1) return sorted[n - 1] ?? Number.NaN;
  const upper = sorted[below + 1] ?? Number.NaN;
  return lerp(lower, upper, index - below);
}

/** Equal-tailed percentile interval of bootstrap estimates, e.g. level 0.95 → 2.5th and 97.5th percentiles. */
export function percentileInterval(estimates: readonly number[], level: number): { lower: number; upper: number } {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  const sorted = [...estimates].sort((a, b) => a - b);
  // 100 - level * 100 is exact for the usual levels (0.9, 0.95, 0.99), so 0.95 gives exactly 2.5 and 97.5
  const tail = (100 - level * 100) / 2;
  return { lower: percentile(sorted, tail), upper: percentile(sorted, 100 - tail) };
}
