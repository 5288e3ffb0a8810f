import { describe, expect, it } from 'vitest';
import { type BtData, fitUpstream } from '../../../suites/arena-hard-v2/bt-fit.ts';
import { lbfgsFixedStep, UPSTREAM_LBFGS } from '../../../suites/arena-hard-v2/lbfgs.ts';

/** 12 rows, models 1 and 2 against baseline 0, two style columns, given by formula. */
function tinyData(): BtData {
  const outcomes = [1, 0, 0.5, 1, 1, 0, 0, 1, 0.5, 1, 0, 1];
  const n = outcomes.length;
  const z = new Float64Array(n * 2);
  for (let i = 0; i < n; i += 1) {
    z[i * 2] = (((i * 7) % 5) - 2) / 2;
    z[i * 2 + 1] = (((i * 3) % 4) - 1.5) / 1.5;
  }
  return {
    models: ['base', 'm1', 'm2'],
    baselineIndex: 0,
    rowModel: Int32Array.from(outcomes, (_, i) => 1 + (i % 2)),
    k: 2,
    z,
    y: Float64Array.from(outcomes),
  };
}

describe('torch-style fixed-step L-BFGS', () => {
  it('matches an independent NumPy re-statement of torch.optim.LBFGS after 50 iterations', () => {
    // expected values computed by hand with NumPy, following torch/optim/lbfgs.py (line_search_fn=None)
    const expected = [-0.45261128200938544, -2.033177734660733, 3.98578901667012, 3.2311561828317954, -5.275380739409137];
    const fit = fitUpstream(tinyData(), null);
    expect(fit.iterations).toBe(50);
    expected.forEach((v, i) => expect(fit.coefs[i]).toBeCloseTo(v, 9));
  });

  it('minimises a quadratic and stops on its tolerances before the iteration cap', () => {
    const target = [3, -1];
    const r = lbfgsFixedStep(
      (x) => ({
        loss: 0.5 * ((x[0] ?? 0) - 3) ** 2 + 2 * ((x[1] ?? 0) + 1) ** 2,
        grad: Float64Array.from([(x[0] ?? 0) - 3, 4 * ((x[1] ?? 0) + 1)]),
      }),
      Float64Array.from([0, 0]),
      { ...UPSTREAM_LBFGS, lr: 1, maxIter: 500 },
    );
    expect(r.iterations).toBeLessThan(500);
    target.forEach((v, i) => expect(r.x[i]).toBeCloseTo(v, 6));
  });

  it('returns at once when the start is already optimal', () => {
    const r = lbfgsFixedStep(() => ({ loss: 0, grad: new Float64Array(2) }), Float64Array.from([1, 2]), UPSTREAM_LBFGS);
    expect(r.iterations).toBe(0);
    expect([...r.x]).toEqual([1, 2]);
  });
});
