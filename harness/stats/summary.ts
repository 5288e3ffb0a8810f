// Means, standard errors and normal 95% intervals. Scores are in [0, 1] here; suites scale to percent.

export const Z95 = 1.959963984540054;

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample variance with n - 1 in the denominator; 0 for fewer than two values. */
export function variance(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - m) ** 2;
  return sum / (xs.length - 1);
}

/** Standard error of the mean of independent values. */
export function standardError(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  return Math.sqrt(variance(xs) / xs.length);
}

/**
 * Standard error of avg@k clustered by item: samples of one problem are correlated, so the
 * independent unit is the item. With equal samples per item this is sd(item means) / sqrt(items).
 */
export function clusteredStandardError(itemMeans: readonly number[]): number {
  return standardError(itemMeans);
}

export type Interval = { lower: number; upper: number };

/** Normal 95% interval, cut to the score's range: an accuracy interval never leaves [0, 1]. */
export function normalInterval(value: number, se: number, range: Interval = { lower: 0, upper: 1 }): Interval {
  return { lower: Math.max(range.lower, value - Z95 * se), upper: Math.min(range.upper, value + Z95 * se) };
}

/** Groups values by key, keeping insertion order. */
export function groupBy<T>(xs: Iterable<T>, key: (x: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = groups.get(k);
    if (list) list.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}
