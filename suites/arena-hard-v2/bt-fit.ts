// Bradley-Terry logistic fit with style covariates (utils/math_utils.py fit_pairwise_model, loss "bt").
// Row i: logit = beta[model_i] - beta[baseline] + gamma . z_i, loss = sum_i w_i * BCEWithLogits(logit, y_i).
import { lbfgsFixedStep, UPSTREAM_LBFGS } from './lbfgs.ts';

export type BtData = {
  /** sorted unique model names, baseline included (upstream's one_hot_encode order) */
  models: string[];
  baselineIndex: number;
  /** model index per row; never the baseline */
  rowModel: Int32Array;
  /** number of style columns (0..4) */
  k: number;
  /** standardised style values, row-major rows x k */
  z: Float64Array;
  /** soft targets 0, 0.5, 1 */
  y: Float64Array;
};

export type BtFit = {
  /** [beta per model..., gamma per style column] */
  coefs: Float64Array;
  iterations: number;
  converged: boolean;
  loss: number;
};

export type FitMethod = 'converge' | 'upstream';

function sigmoid(l: number): number {
  return l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
}

/** Loss and gradient over all coefficients; `weights` are resample counts (all 1 for the full data). */
export function lossAndGradient(d: BtData, weights: Uint32Array | null, coefs: Float64Array): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(coefs.length);
  const base = d.models.length;
  const k = d.k;
  const anchor = coefs[d.baselineIndex] ?? 0;
  const gamma = coefs.subarray(base);
  const styleGrad = new Float64Array(k);
  let anchorGrad = 0;
  let loss = 0;
  for (let i = 0; i < d.y.length; i += 1) {
    const w = weights ? (weights[i] ?? 0) : 1;
    if (w === 0) continue;
    const m = d.rowModel[i] ?? 0;
    const off = i * k;
    let l = (coefs[m] ?? 0) - anchor;
    for (let j = 0; j < k; j += 1) l += (gamma[j] ?? 0) * (d.z[off + j] ?? 0);
    const y = d.y[i] ?? 0;
    // BCE with logits, stable form: max(l, 0) - l*y + log(1 + exp(-|l|)); sigmoid from the same exp
    const e = Math.exp(-Math.abs(l));
    loss += w * (Math.max(l, 0) - l * y + Math.log1p(e));
    const p = l >= 0 ? 1 / (1 + e) : e / (1 + e);
    const r = w * (p - y);
    grad[m] = (grad[m] ?? 0) + r;
    anchorGrad -= r;
    for (let j = 0; j < k; j += 1) styleGrad[j] = (styleGrad[j] ?? 0) + r * (d.z[off + j] ?? 0);
  }
  grad[d.baselineIndex] = (grad[d.baselineIndex] ?? 0) + anchorGrad;
  grad.set(styleGrad, base);
  return { loss, grad };
}

/** Upstream: every coefficient starts at 0.5, then one torch LBFGS step (at most 50 fixed-step iterations). */
export function fitUpstream(d: BtData, weights: Uint32Array | null): BtFit {
  const x0 = new Float64Array(d.models.length + d.k).fill(0.5);
  const r = lbfgsFixedStep((x) => lossAndGradient(d, weights, x), x0, UPSTREAM_LBFGS);
  const final = lossAndGradient(d, weights, r.x);
  // stopped by a tolerance rule rather than by the iteration cap
  const converged = r.iterations < UPSTREAM_LBFGS.maxIter;
  return { coefs: r.x, iterations: r.iterations, converged, loss: final.loss };
}

/** Solves A x = b for symmetric positive definite A (row-major n x n) by Cholesky; null when not SPD. */
export function choleskySolve(a: Float64Array, b: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let s = a[i * n + j] ?? 0;
      for (let p = 0; p < j; p += 1) s -= (l[i * n + p] ?? 0) * (l[j * n + p] ?? 0);
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / (l[j * n + j] ?? 1);
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    let s = b[i] ?? 0;
    for (let p = 0; p < i; p += 1) s -= (l[i * n + p] ?? 0) * (y[p] ?? 0);
    y[i] = s / (l[i * n + i] ?? 1);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let s = y[i] ?? 0;
    for (let p = i + 1; p < n; p += 1) s -= (l[p * n + i] ?? 0) * (x[p] ?? 0);
    x[i] = s / (l[i * n + i] ?? 1);
  }
  return x;
}

export const CONVERGE_MAX_ITER = 100;
export const CONVERGE_TOL = 1e-9;

/**
 * Maximum likelihood by damped Newton steps with the baseline anchored at 0 (the one-hot block is
 * collinear, so only differences to the baseline are identified). Converged when the largest
 * Newton step is below CONVERGE_TOL.
 */
export function fitConverge(d: BtData, weights: Uint32Array | null): BtFit {
  const full = d.models.length + d.k;
  const free: number[] = [];
  for (let i = 0; i < full; i += 1) if (i !== d.baselineIndex) free.push(i);
  const n = free.length;
  const slot = new Int32Array(full).fill(-1);
  free.forEach((c, s) => (slot[c] = s));
  const base = d.models.length;
  let coefs = new Float64Array(full);
  let { loss, grad } = lossAndGradient(d, weights, coefs);
  for (let iter = 1; iter <= CONVERGE_MAX_ITER; iter += 1) {
    const h = new Float64Array(n * n);
    const anchor = coefs[d.baselineIndex] ?? 0;
    const styleSlot = base - 1; // style columns follow the models, minus the anchored baseline
    for (let i = 0; i < d.y.length; i += 1) {
      const w = weights ? (weights[i] ?? 0) : 1;
      if (w === 0) continue;
      const m = d.rowModel[i] ?? 0;
      const off = i * d.k;
      let l = (coefs[m] ?? 0) - anchor;
      for (let j = 0; j < d.k; j += 1) l += (coefs[base + j] ?? 0) * (d.z[off + j] ?? 0);
      const p = sigmoid(l);
      const wt = w * p * (1 - p);
      const sm = slot[m] ?? 0;
      h[sm * n + sm] = (h[sm * n + sm] ?? 0) + wt;
      for (let a = 0; a < d.k; a += 1) {
        const za = wt * (d.z[off + a] ?? 0);
        const sa = styleSlot + a;
        h[sm * n + sa] = (h[sm * n + sa] ?? 0) + za;
        h[sa * n + sm] = (h[sa * n + sm] ?? 0) + za;
        for (let b = 0; b < d.k; b += 1) {
          const sb = styleSlot + b;
          h[sa * n + sb] = (h[sa * n + sb] ?? 0) + za * (d.z[off + b] ?? 0);
        }
      }
    }
    // a tiny ridge keeps models without rows (in a resample) solvable
    for (let s = 0; s < n; s += 1) h[s * n + s] = (h[s * n + s] ?? 0) + 1e-12;
    const g = Float64Array.from(free, (c) => -(grad[c] ?? 0));
    const step = choleskySolve(h, g, n);
    if (!step) return { coefs, iterations: iter, converged: false, loss };
    let scale = 1;
    let next = coefs;
    let nextEval = { loss, grad };
    for (let halvings = 0; halvings < 40; halvings += 1) {
      next = Float64Array.from(coefs);
      free.forEach((c, s) => (next[c] = (next[c] ?? 0) + scale * (step[s] ?? 0)));
      nextEval = lossAndGradient(d, weights, next);
      if (nextEval.loss <= loss + 1e-12 * Math.abs(loss)) break;
      scale /= 2;
    }
    let largest = 0;
    for (const s of step) largest = Math.max(largest, Math.abs(s * scale));
    coefs = next;
    ({ loss, grad } = nextEval);
    if (largest < CONVERGE_TOL) return { coefs, iterations: iter, converged: true, loss };
  }
  return { coefs, iterations: CONVERGE_MAX_ITER, converged: false, loss };
}

export function fitBt(d: BtData, weights: Uint32Array | null, method: FitMethod): BtFit {
  return method === 'upstream' ? fitUpstream(d, weights) : fitConverge(d, weights);
}

/** to_winrate_probabilities: sigma(beta_m - beta_baseline); the baseline itself is 0.5. */
export function winRates(d: BtData, coefs: Float64Array): number[] {
  const b = coefs[d.baselineIndex] ?? 0;
  return d.models.map((_, m) => 1 / (1 + Math.exp(-((coefs[m] ?? 0) - b))));
}
