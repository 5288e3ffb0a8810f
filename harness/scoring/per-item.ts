// Metrics over items that each have n samples: avg@k and unbiased pass@k, with SE clustered by item.
import type { Metric, ScoredSample } from '../suite.ts';
import { passAtK } from '../stats/pass-at-k.ts';
import { clusteredStandardError, groupBy, mean, normalInterval } from '../stats/summary.ts';

export type ItemTally = { item_id: string; n: number; correct: number; mean: number };

/** Per-item sample count, count of samples with value 1, and mean value. */
export function tallyByItem(samples: readonly ScoredSample[]): ItemTally[] {
  const tallies: ItemTally[] = [];
  for (const [item_id, group] of groupBy(samples, (s) => s.item_id)) {
    const values = group.map((s) => s.score.value);
    tallies.push({ item_id, n: values.length, correct: values.filter((v) => v >= 1).length, mean: mean(values) });
  }
  return tallies;
}

type MetricBase = Pick<Metric, 'evaluation_name' | 'headline'> & Partial<Pick<Metric, 'details'>>;

/** A percentage metric whose independent unit is the item, with a clustered SE and normal 95% CI. */
export function percentOverItems(
  perItem: readonly number[],
  base: MetricBase & { metric_id: string; metric_name: string; parameters: Metric['parameters'] },
  numSamples: number,
): Metric {
  const value = mean(perItem);
  const common = { ...base, value: value * 100, unit: 'percent' as const, lower_is_better: false, min_score: 0, max_score: 100 };
  // one item has no spread to estimate: no interval rather than a false "SE 0"
  if (perItem.length < 2) return { ...common, uncertainty: { num_samples: numSamples } };
  const se = clusteredStandardError(perItem);
  const ci = normalInterval(value, se);
  return {
    ...common,
    uncertainty: {
      standard_error: { value: se * 100, method: perItem.length === numSamples ? 'standard_error_of_mean' : 'clustered_by_item' },
      confidence_interval: { lower: ci.lower * 100, upper: ci.upper * 100, confidence_level: 0.95, method: 'normal' },
      num_samples: numSamples,
    },
  };
}

/** avg@k: mean over items of the mean over that item's samples. */
export function avgAtK(tallies: readonly ItemTally[], base: MetricBase & { k: number; metric_name: string }): Metric {
  const numSamples = tallies.reduce((sum, t) => sum + t.n, 0);
  const { k, ...rest } = base;
  return percentOverItems(
    tallies.map((t) => t.mean),
    { ...rest, metric_id: 'avg_at_k', parameters: { k } },
    numSamples,
  );
}

/** Unbiased pass@k averaged over items; items with fewer than k samples make it undefined, so it is skipped. */
export function passAtKMetric(tallies: readonly ItemTally[], base: MetricBase & { k: number; metric_name: string }): Metric | null {
  if (tallies.length === 0 || tallies.some((t) => t.n < base.k)) return null;
  const numSamples = tallies.reduce((sum, t) => sum + t.n, 0);
  const { k, ...rest } = base;
  return percentOverItems(
    tallies.map((t) => passAtK(t.n, t.correct, k)),
    { ...rest, metric_id: 'pass_at_k', parameters: { k } },
    numSamples,
  );
}

/** 1, 2, 4, ... up to n, and n itself. */
export function passKs(n: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k < n; k *= 2) ks.push(k);
  ks.push(n);
  return ks;
}
