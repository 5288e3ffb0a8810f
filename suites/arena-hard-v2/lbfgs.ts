// The L-BFGS update of torch.optim.LBFGS with line_search_fn=None (fixed step), one optimizer.step() call.
// show_result.py fits style control with it (lr 0.1, max_iter 50, tolerances 1e-9), which stops short
// of the optimum; `fit: upstream` reproduces that here, in float64.

export type Objective = (x: Float64Array) => { loss: number; grad: Float64Array };

export type LbfgsOptions = {
  lr: number;
  maxIter: number;
  /** torch default: maxIter * 5 / 4 */
  maxEval?: number;
  toleranceGrad: number;
  toleranceChange: number;
  historySize: number;
};

export const UPSTREAM_LBFGS: LbfgsOptions = { lr: 0.1, maxIter: 50, toleranceGrad: 1e-9, toleranceChange: 1e-9, historySize: 100 };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

function sumAbs(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += Math.abs(v);
  return s;
}

/** Adds alpha * v to a in place. */
function axpy(a: Float64Array, alpha: number, v: Float64Array): void {
  for (let i = 0; i < a.length; i += 1) a[i] = (a[i] ?? 0) + alpha * (v[i] ?? 0);
}

export type LbfgsResult = { x: Float64Array; iterations: number; loss: number };

/** Minimises f from x0 (copied) following torch's step() control flow, stop rules included. */
export function lbfgsFixedStep(f: Objective, x0: Float64Array, opts: LbfgsOptions): LbfgsResult {
  const maxEval = opts.maxEval ?? Math.floor((opts.maxIter * 5) / 4);
  const x = Float64Array.from(x0);
  let { loss, grad } = f(x);
  let evals = 1;
  if (maxAbs(grad) <= opts.toleranceGrad) return { x, iterations: 0, loss };

  const oldDirs: Float64Array[] = [];
  const oldStps: Float64Array[] = [];
  const ro: number[] = [];
  let hDiag = 1;
  let d = new Float64Array(x.length);
  let t = 0;
  let prevGrad: Float64Array | null = null;
  let iter = 0;
  while (iter < opts.maxIter) {
    iter += 1;
    if (iter === 1 || prevGrad === null) {
      d = grad.map((g) => -g);
    } else {
      const y = grad.map((g, i) => g - (prevGrad?.[i] ?? 0));
      const s = d.map((v) => v * t);
      const ys = dot(y, s);
      if (ys > 1e-10) {
        if (oldDirs.length === opts.historySize) {
          oldDirs.shift();
          oldStps.shift();
          ro.shift();
        }
        oldDirs.push(y);
        oldStps.push(s);
        ro.push(1 / ys);
        hDiag = ys / dot(y, y);
      }
      const al = new Array<number>(oldDirs.length).fill(0);
      const q = grad.map((g) => -g);
      for (let i = oldDirs.length - 1; i >= 0; i -= 1) {
        const stp = oldStps[i];
        const dir = oldDirs[i];
        if (!stp || !dir) continue;
        al[i] = dot(stp, q) * (ro[i] ?? 0);
        axpy(q, -(al[i] ?? 0), dir);
      }
      const r = q.map((v) => v * hDiag);
      for (let i = 0; i < oldDirs.length; i += 1) {
        const stp = oldStps[i];
        const dir = oldDirs[i];
        if (!stp || !dir) continue;
        const be = dot(dir, r) * (ro[i] ?? 0);
        axpy(r, (al[i] ?? 0) - be, stp);
      }
      d = r;
    }
    prevGrad = Float64Array.from(grad);
    const prevLoss = loss;
    t = iter === 1 ? Math.min(1, 1 / sumAbs(grad)) * opts.lr : opts.lr;
    const gtd = dot(grad, d);
    if (gtd > -opts.toleranceChange) break;

    axpy(x, t, d);
    let optimal = false;
    if (iter !== opts.maxIter) {
      ({ loss, grad } = f(x));
      evals += 1;
      optimal = maxAbs(grad) <= opts.toleranceGrad;
    }
    if (iter === opts.maxIter) break;
    if (evals >= maxEval) break;
    if (optimal) break;
    if (maxAbs(d) * Math.abs(t) <= opts.toleranceChange) break;
    if (Math.abs(loss - prevLoss) < opts.toleranceChange) break;
  }
  return { x, iterations: iter, loss };
}
