// Many runs at once: one cell per (model, benchmark), from the newest complete run that covers it.
// A run with error samples is used only when no complete run covers the cell, and says so; a run that
// is not finished (no scores.json, or still running) is listed, never used for a number.
import { unmatchedPatternWarnings } from './accept.ts';
import { benchmarkColumns } from './columns.ts';
import { compareExitCode, type ComparisonRow } from './compare.ts';
import { comparisonOutputSchema, type Cell, type ComparisonOutput, type OtherRun, type RunEntry, type TaggedRow } from './output-schema.ts';
import { z } from 'zod';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import { compareRun, DEFAULT_TOLERANCE, resolveReferencePath } from './run-compare.ts';
import { newestFirst, type RunInfo } from './runs.ts';

const specReference = z.looseObject({ reference: z.string().optional() });

/** deviations: every deviation the run records (none when it has no scores yet) */
export type ComparedRun = { info: RunInfo; reference: string | null; rows: ComparisonRow[]; deviations: string[] };

/** Compares every run that has scores with its reference; throws bad input as compareRun does. */
export async function compareRuns(
  runs: readonly RunInfo[],
  opts: { reference?: string; tolerance?: number; catalogue: BenchmarkCatalogue; acceptDeviations?: readonly string[] },
): Promise<ComparedRun[]> {
  const out: ComparedRun[] = [];
  for (const info of runs) {
    if (info.scores === null) {
      // not scored yet: nothing to compare, but the reference it will be compared with is known
      const recorded = opts.reference ?? specReference.safeParse(info.spec?.config).data?.reference ?? null;
      out.push({ info, reference: recorded === null ? null : resolveReferencePath(recorded), rows: [], deviations: [] });
      continue;
    }
    const compared = await compareRun(info.dir, { ...opts, scores: info.scores });
    out.push({ info, reference: compared.referencePath, rows: compared.rows, deviations: compared.deviations });
  }
  return out;
}

function modelKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Has numbers for this benchmark: scored and not still being written. */
function scored(run: ComparedRun, bench: string): boolean {
  return run.info.scores !== null && run.info.status !== 'in progress' && run.rows.some((r) => r.benchmark === bench);
}

function completeFor(run: ComparedRun, bench: string): boolean {
  return scored(run, bench) && (run.info.error_samples[bench] ?? 0) === 0;
}

function headlineRow(run: ComparedRun, bench: string): ComparisonRow | null {
  return run.rows.find((r) => r.benchmark === bench && r.headline) ?? null;
}

function whyNotUsed(run: ComparedRun, bench: string): string {
  if (run.info.status === 'in progress') return 'still running';
  if (run.info.scores === null) return 'not finished (no scores.json)';
  if (!completeFor(run, bench)) return `${run.info.error_samples[bench] ?? 0} error samples`;
  return 'an older run';
}

function cellFor(model: string, bench: string, runs: ComparedRun[]): Cell | null {
  const covering = runs.filter((r) => r.info.benchmarks.includes(bench)).sort((a, b) => newestFirst(a.info, b.info));
  if (covering.length === 0) return null;
  const complete = covering.filter((r) => completeFor(r, bench));
  const chosen = complete[0] ?? covering.find((r) => scored(r, bench) && headlineRow(r, bench) !== null) ?? null;
  const others: OtherRun[] = covering
    .filter((r) => r !== chosen)
    .map((r) => ({ run_id: r.info.run_id, status: r.info.status, value: headlineRow(r, bench)?.reproduced.value ?? null, why_not_used: whyNotUsed(r, bench) }));
  if (chosen === null) {
    return { model, benchmark: bench, state: 'unfinished', verdict: 'unfinished', run_id: null, row: null, note: 'only runs that are not finished cover this benchmark', other_runs: others };
  }
  const notes: string[] = [];
  if (complete.length > 1) notes.push(`newest of ${complete.length} complete runs`);
  if (!completeFor(chosen, bench)) {
    notes.push(`${chosen.info.error_samples[bench] ?? 0} samples have no response: the score covers only the samples that answered; resume the run before trusting it`);
  }
  if (chosen.reference === null) notes.push('the run names no reference; pass one with --reference <file>');
  const row = headlineRow(chosen, bench);
  return {
    model,
    benchmark: bench,
    state: 'compared',
    verdict: row?.verdict ?? 'no reference',
    run_id: chosen.info.run_id,
    row,
    note: notes.length === 0 ? null : notes.join('; '),
    other_runs: others,
  };
}

function runEntry(run: ComparedRun): RunEntry {
  const { info } = run;
  return {
    run_id: info.run_id,
    dir: info.dir,
    model: info.model,
    model_id: info.model_id,
    simulated: info.simulated,
    status: info.status,
    status_note: info.status_note,
    created_at: info.created_at,
    finished_at: info.finished_at,
    benchmarks: info.benchmarks,
    reference: run.reference,
  };
}

/**
 * The models x benchmarks table of the runs given, validated against its schema. `acceptDeviations` are the
 * --accept-deviation patterns the runs were compared with: recorded in the output, and a pattern that
 * matches no deviation of these runs is a warning.
 */
export function buildComparison(
  runs: readonly ComparedRun[],
  catalogue: BenchmarkCatalogue,
  tolerance = DEFAULT_TOLERANCE,
  acceptDeviations: readonly string[] = [],
): ComparisonOutput {
  const byModel = new Map<string, { name: string; runs: ComparedRun[] }>();
  for (const run of runs) {
    const key = modelKey(run.info.model);
    const group = byModel.get(key) ?? { name: run.info.model, runs: [] };
    group.runs.push(run);
    byModel.set(key, group);
  }
  const models = [...byModel.values()].sort((a, b) => a.name.localeCompare(b.name));
  const benchmarks = benchmarkColumns(runs.flatMap((r) => r.info.benchmarks), catalogue);
  const cells: Cell[] = [];
  for (const model of models) {
    for (const bench of benchmarks) {
      const cell = cellFor(model.name, bench.id, model.runs);
      if (cell !== null) cells.push(cell);
    }
  }
  // a verdict counts where a cell uses it: every metric of that benchmark in the run chosen for the cell
  const used = new Set(cells.filter((c) => c.run_id !== null).map((c) => `${c.run_id}\u0000${c.benchmark}`));
  const usedRows = runs.flatMap((r) => r.rows.filter((row) => used.has(`${r.info.run_id}\u0000${row.benchmark}`)));
  const rows: TaggedRow[] = runs.flatMap((r) => r.rows.map((row) => ({ ...row, run_id: r.info.run_id })));
  const deviations = [...new Set(runs.flatMap((r) => r.deviations))].sort();
  return comparisonOutputSchema.parse({
    tolerance,
    accepted_deviation_patterns: [...acceptDeviations],
    warnings: unmatchedPatternWarnings(acceptDeviations, deviations),
    exit_code: compareExitCode(usedRows),
    benchmarks,
    models: models.map((m) => m.name),
    cells,
    runs: [...runs].sort((a, b) => newestFirst(a.info, b.info)).map(runEntry),
    rows,
  });
}
