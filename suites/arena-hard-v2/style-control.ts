// Style-controlled win rates: the joint Bradley-Terry fit of show_result.py, refit on bootstrap resamples.
import { type Battle, displayName, standardize, type StyleFeatures } from './battles.ts';
import { type BootstrapSummary, quantile, resampleCounts, seededRandom, summarizeByMedian } from './bootstrap.ts';
import { type BtData, type FitMethod, fitBt, winRates } from './bt-fit.ts';

export const STYLE_FEATURE_NAMES = ['length', 'header', 'list', 'bold'] as const;
export type StyleFeatureName = (typeof STYLE_FEATURE_NAMES)[number];

/** show_result.py --control-features: "markdown length" = all four, "length" = length, "markdown" = the other three. */
export function featureColumns(controls: readonly string[]): StyleFeatureName[] {
  const length = controls.includes('length');
  const markdown = controls.includes('markdown');
  if (length && markdown) return [...STYLE_FEATURE_NAMES];
  if (length) return ['length'];
  if (markdown) return ['header', 'list', 'bold'];
  throw new Error(`invalid control features ${JSON.stringify(controls)}: use "length", "markdown" or both`);
}

export type StyleControlResult = {
  /** per model (display name), baseline included at 0.5 */
  models: Record<string, BootstrapSummary>;
  /** median style coefficients over the bootstrap rounds */
  coefficients: Record<string, number>;
  fit: { method: FitMethod; rounds: number; converged_rounds: number; max_iterations: number; rows: number };
};

/** Builds the design of one category. Rows without style features, or of the baseline itself, are left out. */
export function buildBtData(
  battles: readonly Battle[],
  baseline: string,
  features: readonly StyleFeatureName[] = STYLE_FEATURE_NAMES,
): { data: BtData; skipped: number } {
  const usable = battles.filter((b): b is Battle & { style: StyleFeatures } => b.style !== null && displayName(b.model) !== displayName(baseline));
  const baseName = displayName(baseline);
  const models = [...new Set([...usable.map((b) => displayName(b.model)), baseName])].sort();
  const index = new Map(models.map((m, i) => [m, i]));
  // standardised over all four columns first, then selected, as upstream slices after standardising
  const { z } = standardize(usable.map((b) => b.style));
  const columns = features.map((f) => STYLE_FEATURE_NAMES.indexOf(f));
  const k = columns.length;
  const data: BtData = {
    models,
    baselineIndex: index.get(baseName) ?? 0,
    rowModel: Int32Array.from(usable, (b) => index.get(displayName(b.model)) ?? 0),
    k,
    z: Float64Array.from(z.flatMap((row) => columns.map((c) => row[c] ?? 0))),
    y: Float64Array.from(usable, (b) => b.outcome),
  };
  return { data, skipped: battles.length - usable.length };
}

/** Resamples rows jointly across models (np.random.randint(0, N, (rounds, N))) and refits each round. */
export function styleControlledWinRates(
  battles: readonly Battle[],
  baseline: string,
  opts: { method: FitMethod; rounds: number; seed: number; features?: readonly StyleFeatureName[] },
): StyleControlResult {
  const features = opts.features ?? STYLE_FEATURE_NAMES;
  const { data } = buildBtData(battles, baseline, features);
  const random = seededRandom(opts.seed);
  const perModel: number[][] = data.models.map(() => []);
  const perCoef: number[][] = features.map(() => []);
  let converged = 0;
  let maxIterations = 0;
  for (let r = 0; r < opts.rounds; r += 1) {
    const fit = fitBt(data, resampleCounts(data.y.length, random), opts.method);
    if (fit.converged) converged += 1;
    maxIterations = Math.max(maxIterations, fit.iterations);
    winRates(data, fit.coefs).forEach((p, m) => perModel[m]?.push(p));
    features.forEach((_, j) => perCoef[j]?.push(fit.coefs[data.models.length + j] ?? 0));
  }
  const models: Record<string, BootstrapSummary> = {};
  data.models.forEach((name, m) => (models[name] = summarizeByMedian(perModel[m] ?? [])));
  const coefficients: Record<string, number> = {};
  features.forEach((name, j) => (coefficients[name] = quantile(perCoef[j] ?? [], 0.5)));
  return {
    models,
    coefficients,
    fit: { method: opts.method, rounds: opts.rounds, converged_rounds: converged, max_iterations: maxIterations, rows: data.y.length },
  };
}
