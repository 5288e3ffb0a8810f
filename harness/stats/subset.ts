// Uniform random subsets of a benchmark's items, and what drawing one does to a metric's uncertainty.
//
// The draw: each item gets a key from a hash of (seed, item id); within each stratum the items with the
// smallest keys are taken. Sorting by independent random keys is a uniform random permutation, so this is
// sampling without replacement, and it depends only on the seed and the ids (not on file order).
// Strata get proportional shares (largest remainder), so every stratum is represented in proportion and
// the plain mean over the subset stays an estimate of the full-set mean.
//
// The uncertainty: items are drawn without replacement from M, then each drawn item is answered k times.
// The variance of the subset mean about the full-set value (the mean over all M items of each item's
// expected score) is the two-stage one (Cochran, Sampling Techniques, §10.2):
//   Var = (1 - f) s_b^2 / n + f s_w^2 / (n k),   f = n / M,
// where s_b^2 is the spread of the drawn items' means and s_w^2 the mean spread of answers within an item.
// A suite reports SE^2 = s_b^2 / n (items as an infinite population), so the correction is a factor on it:
//   SE_subset = SE * sqrt((1 - f) + f R),   R = (s_w^2 / k) / s_b^2,
// with R estimated once per suite from its samples. With one answer per item s_w^2 cannot be estimated;
// R is then 1 (no correction), which can only widen the interval.
import { createHash } from 'node:crypto';
import type { Metric, ScoredSample } from '../suite.ts';
import { groupBy, mean, variance } from './summary.ts';

export const DEFAULT_SUBSET_SEED = 20250101;

export type SubsetStratum = { name: string; population: number; drawn: number };

/** How a subset was drawn: recorded in results, and what the correction needs. */
export type SubsetDesign = {
  population: number;
  drawn: number;
  seed: number;
  /** null when the suite declares no strata */
  strata: SubsetStratum[] | null;
};

export type Candidate = { id: string; stratum: string | null };

/** A uniform key in [0, 1) for an item under a seed. */
export function drawKey(seed: number, id: string): number {
  return createHash('sha256').update(`${seed}\u0000${id}`).digest().readUIntBE(0, 6) / 2 ** 48;
}

/** Proportional shares of `n` by stratum size, rounded by largest remainder so they sum to `n`. */
export function allocate(sizes: ReadonlyMap<string, number>, n: number): Map<string, number> {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const shares = [...sizes].map(([name, size]) => {
    const exact = total === 0 ? 0 : (n * size) / total;
    return { name, size, whole: Math.min(size, Math.floor(exact)), remainder: exact - Math.floor(exact) };
  });
  let left = n - shares.reduce((a, s) => a + s.whole, 0);
  // ties broken by name, so the allocation is reproducible
  const order = [...shares].sort((a, b) => b.remainder - a.remainder || (a.name < b.name ? -1 : 1));
  while (left > 0 && order.some((s) => s.whole < s.size)) {
    for (const s of order) {
      if (left === 0) break;
      if (s.whole < s.size) {
        s.whole += 1;
        left -= 1;
      }
    }
  }
  return new Map(shares.map((s) => [s.name, s.whole]));
}

/** Draws min(size, M) of the candidates; returns the chosen ids and the design. */
export function drawSubset(candidates: readonly Candidate[], size: number, seed: number): { chosen: Set<string>; design: SubsetDesign } {
  const n = Math.min(size, candidates.length);
  const stratified = candidates.some((c) => c.stratum !== null);
  const byStratum = groupBy(candidates, (c) => c.stratum ?? '');
  const sizes = new Map([...byStratum].map(([name, group]) => [name, group.length]));
  const shares = stratified ? allocate(sizes, n) : new Map([['', n]]);
  const chosen = new Set<string>();
  const strata: SubsetStratum[] = [];
  for (const [name, group] of byStratum) {
    const take = shares.get(name) ?? 0;
    const keyed = group.map((c) => ({ id: c.id, key: drawKey(seed, c.id) }));
    keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1));
    for (const { id } of keyed.slice(0, take)) chosen.add(id);
    strata.push({ name, population: group.length, drawn: take });
  }
  strata.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { chosen, design: { population: candidates.length, drawn: chosen.size, seed, strata: stratified ? strata : null } };
}

/** The smallest sampling fraction over the strata: the correction it gives is the cautious one. */
export function samplingFraction(design: SubsetDesign): number {
  if (design.strata === null) return design.population === 0 ? 0 : design.drawn / design.population;
  const fractions = design.strata.filter((s) => s.population > 0).map((s) => s.drawn / s.population);
  return fractions.length === 0 ? 0 : Math.min(...fractions);
}

/**
 * R: the share of the spread of item means that comes from sampling answers within items, (s_w^2 / k) / s_b^2,
 * from a suite's scored samples. 1 when it cannot be estimated (one answer per item, or no spread).
 */
export function withinShare(samples: readonly ScoredSample[]): number {
  const items = [...groupBy(samples, (s) => s.item_id).values()].map((group) => group.map((s) => s.score.value));
  if (items.length < 2 || items.some((values) => values.length < 2)) return 1;
  const k = mean(items.map((values) => values.length));
  const within = mean(items.map((values) => variance(values)));
  const between = variance(items.map((values) => mean(values)));
  if (!(between > 0)) return 1;
  return Math.min(1, within / k / between);
}

/** The factor on a suite's standard error for a subset drawn with `design`. */
export function subsetFactor(design: SubsetDesign, share: number): number {
  const f = samplingFraction(design);
  return Math.sqrt(Math.max(0, 1 - f + f * share));
}

export function describeDesign(design: SubsetDesign): string {
  const strata = design.strata === null ? '' : `, stratified over ${design.strata.length} strata`;
  return `subset ${design.drawn} of ${design.population} (seed ${design.seed}${strata})`;
}

/** Every metric with an uncertainty, corrected for the subset; intervals are scaled about the value and say so. */
export function applySubsetDesign(metrics: readonly Metric[], design: SubsetDesign, share: number): Metric[] {
  const factor = subsetFactor(design, share);
  const note = `${describeDesign(design)}; finite-population correction x${factor.toFixed(3)}${share === 1 ? ' (one answer per item: the within-item share cannot be estimated, so none is taken off)' : ''}`;
  return metrics.map((metric) => {
    const u = metric.uncertainty;
    if (u === undefined || (u.standard_error === undefined && u.confidence_interval === undefined)) return metric;
    const se = u.standard_error;
    const ci = u.confidence_interval;
    return {
      ...metric,
      uncertainty: {
        ...u,
        ...(se === undefined ? {} : { standard_error: { value: se.value * factor, method: `${se.method}, finite-population corrected for a ${describeDesign(design)}` } }),
        ...(ci === undefined
          ? {}
          : {
              confidence_interval: {
                ...ci,
                lower: metric.value - (metric.value - ci.lower) * factor,
                upper: metric.value + (ci.upper - metric.value) * factor,
                method: `${ci.method}, finite-population corrected for a ${describeDesign(design)}`,
              },
            }),
      },
      details: { ...metric.details, subset: note },
    };
  });
}
