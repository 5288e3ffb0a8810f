import { describe, expect, it } from 'vitest';
import { type Battle, standardize, styleFeatures } from '../../../suites/arena-hard-v2/battles.ts';
import { bootstrapMeans, mean, quantile, seededRandom, summarizeByMean } from '../../../suites/arena-hard-v2/bootstrap.ts';
import { type BtData, fitConverge, fitUpstream, lossAndGradient, winRates } from '../../../suites/arena-hard-v2/bt-fit.ts';
import { lbfgsFixedStep, UPSTREAM_LBFGS } from '../../../suites/arena-hard-v2/lbfgs.ts';
import type { AnswerMeta } from '../../../suites/arena-hard-v2/schema.ts';
import { styleControlledWinRates } from '../../../suites/arena-hard-v2/style-control.ts';
import { plainWinRates } from '../../../suites/arena-hard-v2/win-rate.ts';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Box-Muller normal from a seeded uniform source. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('quantile', () => {
  it('interpolates linearly like numpy/pandas', () => {
    // numpy.quantile([1, 2, 3, 4], [0.05, 0.5, 0.95]) = [1.15, 2.5, 3.85]
    expect(quantile([4, 1, 3, 2], 0.05)).toBeCloseTo(1.15, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.95)).toBeCloseTo(3.85, 12);
    expect(quantile([7], 0.05)).toBe(7);
  });
});

describe('bootstrap of battle outcomes', () => {
  // 1000 battle rows with a known mean of 0.62: 550 wins, 140 ties, 310 losses
  const outcomes = [...Array<number>(550).fill(1), ...Array<number>(140).fill(0.5), ...Array<number>(310).fill(0)];
  const exact = mean(outcomes);

  it('has a mean of bootstrap means close to the exact mean', () => {
    expect(exact).toBeCloseTo(0.62, 12);
    const summary = summarizeByMean(bootstrapMeans(outcomes, 100, seededRandom(7)));
    // the standard error of one mean is about 0.015; of the average of 100 about 0.0015
    expect(Math.abs(summary.score - exact)).toBeLessThan(0.006);
    expect(summary.lower).toBeLessThan(exact);
    expect(summary.upper).toBeGreaterThan(exact);
    // a 90% interval is about 2 * 1.645 * 0.0146 wide
    expect(summary.upper - summary.lower).toBeGreaterThan(0.03);
    expect(summary.upper - summary.lower).toBeLessThan(0.07);
  });

  it('is reproducible with a fixed seed and differs with another', () => {
    const a = bootstrapMeans(outcomes, 20, seededRandom(1));
    expect(bootstrapMeans(outcomes, 20, seededRandom(1))).toEqual(a);
    expect(bootstrapMeans(outcomes, 20, seededRandom(2))).not.toEqual(a);
  });

  it('reports the baseline at exactly 50% and each model on its own rows', () => {
    const battles: Battle[] = [
      ...outcomes.map((outcome) => ({ uid: 'u', model: 'org/m1', outcome, style: null })),
      ...Array.from({ length: 400 }, (_, i) => ({ uid: 'u', model: 'm2', outcome: i % 4 === 0 ? 1 : 0, style: null })),
    ];
    const table = plainWinRates(battles, 'base', { rounds: 100, seed: 3 });
    expect(table.base).toEqual({ score: 0.5, lower: 0.5, upper: 0.5, rounds: 100 });
    expect(table.m1?.score).toBeCloseTo(0.62, 1);
    expect(table.m2?.score).toBeCloseTo(0.25, 1);
  });
});

describe('style features', () => {
  const meta = (tokens: number, headers: number, lists: number, bold: number): AnswerMeta => ({
    token_len: tokens,
    header_count: { h1: headers, h2: 0, h3: 0, h4: 0, h5: 0, h6: 0 },
    list_count: { ordered: 0, unordered: lists },
    bold_count: { '**': bold, '__': 0 },
  });

  it('builds length and density differences as upstream', () => {
    const [len, header, list, bold] = styleFeatures(meta(300, 3, 0, 1), meta(100, 0, 0, 1));
    expect(len).toBeCloseTo(200 / 400, 12);
    expect(header).toBeCloseTo(3 / 301 / (3 / 301 + 1), 12);
    expect(list).toBe(0);
    expect(bold).toBeCloseTo((1 / 301 - 1 / 101) / (1 / 301 + 1 / 101 + 1), 12);
  });

  it('standardises with the unbiased standard deviation', () => {
    const { z, std } = standardize([
      [1, 0, 0, 5],
      [2, 0, 0, 5],
      [3, 0, 0, 5],
    ]);
    expect(std[0]).toBeCloseTo(1, 12);
    expect(z.map((r) => r[0])).toEqual([-1, 0, 1]);
    // a constant column becomes 0 instead of NaN
    expect(z.map((r) => r[3])).toEqual([0, 0, 0]);
  });
});

/** Battles of three models against a baseline with planted strengths and style coefficients. */
function plantedData(rows: number, seed: number): { data: BtData; strengths: number[]; gammas: number[] } {
  const random = seededRandom(seed);
  const models = ['base', 'm1', 'm2', 'm3'];
  const strengths = [0, 1.2, -0.4, 0.3];
  const gammas = [0.8, -0.3, 0, 0.5];
  const rowModel = new Int32Array(rows);
  const z = new Float64Array(rows * 4);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const m = 1 + (i % 3);
    rowModel[i] = m;
    let l = strengths[m] ?? 0;
    for (let j = 0; j < 4; j += 1) {
      const v = normal(random);
      z[i * 4 + j] = v;
      l += (gammas[j] ?? 0) * v;
    }
    y[i] = random() < sigmoid(l) ? 1 : 0;
  }
  return { data: { models, baselineIndex: 0, rowModel, k: 4, z, y }, strengths, gammas };
}

describe('Bradley-Terry fit', () => {
  const { data, strengths, gammas } = plantedData(30000, 11);

  it('recovers planted strengths and style coefficients when fit to convergence', () => {
    const fit = fitConverge(data, null);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(20);
    const base = fit.coefs[0] ?? 0;
    strengths.forEach((s, m) => expect((fit.coefs[m] ?? 0) - base).toBeCloseTo(s, 1));
    gammas.forEach((g, j) => expect(fit.coefs[4 + j] ?? 0).toBeCloseTo(g, 1));
    const rates = winRates(data, fit.coefs);
    expect(rates[0]).toBe(0.5);
    expect(rates[1]).toBeCloseTo(sigmoid(1.2), 1);
  });

  it('has zero gradient at the converged fit', () => {
    const fit = fitConverge(data, null);
    const { grad } = lossAndGradient(data, null, fit.coefs);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-6);
  });

  it('upstream 50-iteration L-BFGS stops short of the optimum, and reaches it with more iterations', () => {
    const converged = fitConverge(data, null);
    const upstream = fitUpstream(data, null);
    expect(upstream.iterations).toBe(50);
    expect(upstream.loss).toBeGreaterThanOrEqual(converged.loss);
    const long = lbfgsFixedStep(
      (x) => lossAndGradient(data, null, x),
      new Float64Array(8).fill(0.5),
      { ...UPSTREAM_LBFGS, maxIter: 3000 },
    );
    const a = winRates(data, long.x);
    const b = winRates(data, converged.coefs);
    a.forEach((p, m) => expect(p).toBeCloseTo(b[m] ?? 0, 3));
  });

  it('keeps the sum of model coefficients at its start (the collinear direction has no gradient)', () => {
    const upstream = fitUpstream(data, null);
    const sum = [0, 1, 2, 3].reduce((s, m) => s + (upstream.coefs[m] ?? 0), 0);
    expect(sum).toBeCloseTo(2, 6);
  });
});

describe('style-controlled win rate', () => {
  const meta = (tokens: number): AnswerMeta => ({
    token_len: tokens,
    header_count: { h1: 0, h2: 0, h3: 0, h4: 0, h5: 0, h6: 0 },
    list_count: { ordered: tokens % 3, unordered: 0 },
    bold_count: { '**': tokens % 2, '__': 0 },
  });

  it('puts models that differ only in answer length on a common style', () => {
    const random = seededRandom(5);
    const battles: Battle[] = [];
    for (let i = 0; i < 3000; i += 1) {
      // equal quality; the judge prefers longer answers; "verbose" writes longer answers than "terse"
      for (const [model, lo, hi] of [['verbose', 700, 1400], ['terse', 400, 800]] as const) {
        const length = Math.round(lo + (hi - lo) * random());
        const style = styleFeatures(meta(length), meta(600));
        const outcome = random() < sigmoid(4 * style[0]) ? 1 : 0;
        battles.push({ uid: `u${i}`, model, outcome, style });
      }
    }
    const plain = plainWinRates(battles, 'base', { rounds: 20, seed: 1 });
    const styled = styleControlledWinRates(battles, 'base', { method: 'converge', rounds: 20, seed: 1 });
    const gapPlain = (plain.verbose?.score ?? 0) - (plain.terse?.score ?? 0);
    const gapStyled = (styled.models.verbose?.score ?? 0) - (styled.models.terse?.score ?? 0);
    expect(gapPlain).toBeGreaterThan(0.15);
    expect(Math.abs(gapStyled)).toBeLessThan(0.03);
    expect(styled.coefficients.length ?? 0).toBeGreaterThan(0.5);
    expect(styled.fit.converged_rounds).toBe(20);
    expect(styled.models.base?.score).toBe(0.5);
  });
});
