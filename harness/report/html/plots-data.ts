// Plot points, computed here so the page only draws: a forest plot per benchmark (one row per model,
// reproduced value with its 95% interval against the published value), and breakdown plots from the
// slices a suite reports ("<suite>/<dimension>=<value>"), one plot per dimension and metric.
import { benchmarkTitle } from '../../compare/columns.ts';
import { metricLabel } from '../../compare/compare.ts';
import { cellVerdict } from '../../compare/multi-table.ts';
import type { ComparisonOutput } from '../../compare/output-schema.ts';
import { benchmarkOfResult, type RunInfo } from '../../compare/runs.ts';
import type { ForestPlot, ForestPoint } from './page-data.ts';

export function forestPlots(output: ComparisonOutput): ForestPlot[] {
  const plots: ForestPlot[] = [];
  for (const bench of output.benchmarks) {
    const cells = output.cells.filter((c) => c.benchmark === bench.id && c.row !== null && c.run_id !== null);
    const first = cells[0]?.row;
    if (first === undefined || first === null) continue;
    const points: ForestPoint[] = cells.flatMap((c) =>
      c.row === null || c.run_id === null
        ? []
        : [{ label: c.model, run_id: c.run_id, value: c.row.reproduced.value, ci: c.row.reproduced.ci, published: c.row.published?.value ?? null, verdict: cellVerdict(c) }],
    );
    plots.push({ id: `forest-${bench.id}`, title: bench.title, unit: first.unit, metric: first.metric, points });
  }
  return plots;
}

/** "difficulty=hard" -> ["difficulty", "hard"]; a slice with no "=" is its own dimension's value. */
function splitSlice(slice: string): [string, string] {
  const eq = slice.indexOf('=');
  return eq === -1 ? ['slice', slice] : [slice.slice(0, eq), slice.slice(eq + 1)];
}

/** Breakdown plots of one run; `only` keeps one benchmark, `model` prefixes each row with the model's name. */
export function breakdownPlots(run: RunInfo, opts: { only?: string; model?: string } = {}): ForestPlot[] {
  const scores = run.scores;
  if (scores === null) return [];
  const plots = new Map<string, ForestPlot>();
  for (const result of scores.evaluation_results) {
    const cut = result.evaluation_name.indexOf('/');
    if (cut === -1) continue;
    const bench = benchmarkOfResult(result, run.catalogue);
    if (opts.only !== undefined && bench !== opts.only) continue;
    const [dimension, value] = splitSlice(result.evaluation_name.slice(cut + 1));
    const metric = metricLabel(result);
    const id = `breakdown-${bench}-${dimension}-${metric}`;
    const plot = plots.get(id) ?? {
      id,
      title: `${benchmarkTitle(bench, run.catalogue)} by ${dimension}: ${metric}`,
      unit: result.metric_config.metric_unit ?? '',
      metric,
      points: [],
    };
    const ci = result.score_details.uncertainty?.confidence_interval;
    plot.points.push({
      label: opts.model === undefined ? value : `${value} · ${opts.model}`,
      run_id: run.run_id,
      value: result.score_details.score,
      ci: ci === undefined ? null : { lower: ci.lower, upper: ci.upper },
      published: null,
      verdict: '',
    });
    plots.set(id, plot);
  }
  return [...plots.values()];
}

/**
 * A run's other whole-benchmark metrics side by side (pass@k beside avg@k, with and without style control),
 * one plot per benchmark and unit where there is more than one.
 */
export function metricPlots(run: RunInfo): ForestPlot[] {
  const plots = new Map<string, ForestPlot>();
  for (const result of run.scores?.evaluation_results ?? []) {
    if (result.evaluation_name.includes('/')) continue;
    const bench = benchmarkOfResult(result, run.catalogue);
    const unit = result.metric_config.metric_unit ?? '';
    const id = `metrics-${bench}-${unit}`;
    const plot = plots.get(id) ?? { id, title: `${benchmarkTitle(bench, run.catalogue)}: every metric (${unit})`, unit, metric: 'value', points: [] };
    const ci = result.score_details.uncertainty?.confidence_interval;
    plot.points.push({ label: metricLabel(result), run_id: run.run_id, value: result.score_details.score, ci: ci === undefined ? null : { lower: ci.lower, upper: ci.upper }, published: null, verdict: '' });
    plots.set(id, plot);
  }
  return [...plots.values()].filter((p) => p.points.length > 1);
}

/** The index page's breakdowns: the slices of every run a cell uses, one row per slice and model. */
export function siteBreakdowns(output: ComparisonOutput, runs: readonly RunInfo[]): ForestPlot[] {
  const merged = new Map<string, ForestPlot>();
  const several = output.models.length > 1;
  for (const cell of output.cells) {
    const run = runs.find((r) => r.run_id === cell.run_id);
    if (run === undefined) continue;
    for (const plot of breakdownPlots(run, { only: cell.benchmark, ...(several ? { model: cell.model } : {}) })) {
      const have = merged.get(plot.id);
      if (have === undefined) merged.set(plot.id, plot);
      else have.points.push(...plot.points);
    }
  }
  // slices keep the order the suite reports them in; the models of one slice sit together
  for (const plot of merged.values()) {
    const slice = (label: string) => label.split(' · ')[0] ?? label;
    const order = new Map<string, number>();
    plot.points.forEach((p) => order.set(slice(p.label), order.get(slice(p.label)) ?? order.size));
    plot.points.sort((a, b) => (order.get(slice(a.label)) ?? 0) - (order.get(slice(b.label)) ?? 0) || a.label.localeCompare(b.label));
  }
  return [...merged.values()];
}
