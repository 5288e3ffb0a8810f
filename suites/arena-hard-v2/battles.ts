// Battle rows and the style features of show_result.py (print_leaderboard_with_style_features).
import { styleVector } from './markdown.ts';
import type { AnswerMeta } from './schema.ts';

/** One exploded battle row: outcome 1 = model beats baseline, 0.5 tie, 0 loss. */
export type Battle = {
  uid: string;
  model: string;
  outcome: number;
  /** raw style features (model vs baseline answer), when both answers' metadata are known */
  style: StyleFeatures | null;
};

export type StyleFeatures = [number, number, number, number];

/**
 * Length: (Lm - Lb) / (Lm + Lb). Header, list, bold: densities count / (L + 1), then
 * (dm - db) / (dm + db + 1).
 */
export function styleFeatures(model: AnswerMeta, baseline: AnswerMeta): StyleFeatures {
  const m = styleVector(model);
  const b = styleVector(baseline);
  const length = (m[0] - b[0]) / (m[0] + b[0]);
  const density = (k: 1 | 2 | 3): number => {
    const dm = m[k] / (m[0] + 1);
    const db = b[k] / (b[0] + 1);
    return (dm - db) / (dm + db + 1);
  };
  return [length, density(1), density(2), density(3)];
}

/**
 * Standardises each column over all rows: (f - mean) / std with the unbiased (N - 1) std, as torch.std.
 * A constant column (std 0) becomes 0 rather than NaN; upstream would stop on an assertion there.
 */
export function standardize(rows: readonly StyleFeatures[]): { z: StyleFeatures[]; mean: StyleFeatures; std: StyleFeatures } {
  const n = rows.length;
  const mean: StyleFeatures = [0, 0, 0, 0];
  const std: StyleFeatures = [0, 0, 0, 0];
  for (let k = 0; k < 4; k += 1) {
    let s = 0;
    for (const r of rows) s += r[k] ?? 0;
    const mu = n > 0 ? s / n : 0;
    let v = 0;
    for (const r of rows) v += ((r[k] ?? 0) - mu) ** 2;
    mean[k] = mu;
    std[k] = n > 1 ? Math.sqrt(v / (n - 1)) : 0;
  }
  const z = rows.map((r): StyleFeatures => {
    const col = (k: 0 | 1 | 2 | 3): number => {
      const sd = std[k];
      return sd > 0 ? (r[k] - mean[k]) / sd : 0;
    };
    return [col(0), col(1), col(2), col(3)];
  });
  return { z, mean, std };
}

/** Upstream's outcome list for one record, exploded into rows. */
export function explode(uid: string, model: string, outcomes: readonly number[], style: StyleFeatures | null): Battle[] {
  return outcomes.map((outcome) => ({ uid, model, outcome, style }));
}

/** Upstream cuts model paths: "org/name" -> "name". */
export function displayName(model: string): string {
  return model.split('/').at(-1) ?? model;
}
