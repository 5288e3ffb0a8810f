// Reads run directories for compare and report: what each run is, whether it finished, and its scores.
// A run is complete only when scores.json exists, no process holds it and no sample is left without a response.
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { AggregateRecord, EvaluationResult } from '../results/aggregate-schema.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import { readScoresFile, ResultsFileError, SCORES_FILE } from '../results/files.ts';
import { lockHolder } from '../run/lock.ts';
import { readSpec, RunDirError, type RunSpec } from '../run/run-dir.ts';

export type RunStatus = 'complete' | 'errors' | 'unfinished' | 'in progress';

export type RunInfo = {
  dir: string;
  run_id: string;
  /** model name as the run labels it ("<name> (simulated)" for a simulated one) */
  model: string;
  model_id: string;
  simulated: boolean;
  created_at: string;
  /** when the last suite finished; null while unfinished */
  finished_at: string | null;
  status: RunStatus;
  /** why a run is not complete, and what finishes it */
  status_note: string | null;
  scores: AggregateRecord | null;
  spec: RunSpec | null;
  /** benchmarks the run covers (suite ids), in the run's order */
  benchmarks: string[];
  /** samples left without a response, per benchmark */
  error_samples: Record<string, number>;
  /** the names benchmarks go by (from the suite registry), to read results that record no suite */
  catalogue: BenchmarkCatalogue;
};

const configModelSchema = z.looseObject({
  model: z.looseObject({ name: z.string(), id: z.string(), simulated: z.boolean().optional() }),
  simulator: z.unknown().optional(),
});

/** The benchmark (suite id) a result belongs to: recorded by the run, else read from its name. */
export function benchmarkOfResult(result: EvaluationResult, catalogue: BenchmarkCatalogue): string {
  const recorded = result.metric_config.additional_details?.suite;
  if (recorded !== undefined) return recorded;
  const slice = catalogue.of(result.evaluation_name);
  return slice?.suite ?? result.evaluation_name.split('/')[0] ?? result.evaluation_name;
}

function notARun(dir: string, why: string): ResultsFileError {
  return new ResultsFileError(`${dir}: ${why}; pass run directories written by \`npm run eval\`, e.g. results/runs/<run-id>`);
}

/** spec.json adds the run's start and config; with scores.json present a damaged one is only left out. */
function readSpecOrNull(dir: string, hasScores: boolean): RunSpec | null {
  if (!existsSync(join(dir, 'spec.json'))) return null;
  try {
    return readSpec(dir);
  } catch (err) {
    if (!(err instanceof RunDirError)) throw err;
    if (hasScores) return null;
    throw new ResultsFileError(err.message);
  }
}

function errorCounts(scores: AggregateRecord, catalogue: BenchmarkCatalogue): Record<string, number> {
  const out: Record<string, number> = {};
  for (const result of scores.evaluation_results) {
    const n = Number(result.generation_config?.additional_details?.['error_samples'] ?? '0');
    const bench = benchmarkOfResult(result, catalogue);
    out[bench] = Math.max(out[bench] ?? 0, Number.isFinite(n) ? n : 0);
  }
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Throws ResultsFileError (bad input) for a path that is not a run directory. */
export async function readRun(path: string, catalogue: BenchmarkCatalogue): Promise<RunInfo> {
  const dir = resolve(path);
  if (!existsSync(dir)) throw notARun(path, 'no such directory');
  if (!statSync(dir).isDirectory()) throw notARun(path, 'not a directory');
  const hasScores = existsSync(join(dir, SCORES_FILE));
  const spec = readSpecOrNull(dir, hasScores);
  if (!hasScores && spec === null) throw notARun(path, 'not a run directory (it holds neither spec.json nor scores.json)');
  const scores = hasScores ? await readScoresFile(dir) : null;
  const config = spec === null ? null : configModelSchema.safeParse(spec.config);
  const configModel = config?.success ? config.data : null;
  const simulated = scores
    ? scores.source_metadata.additional_details?.simulated === 'true'
    : configModel !== null && (configModel.model.simulated === true || configModel.simulator !== undefined);
  // labelled as scores.json labels a simulated model, so a killed run joins its model's row
  const specName = configModel === null ? basename(dir) : `${configModel.model.name}${simulated && !/simulated/i.test(configModel.model.name) ? ' (simulated)' : ''}`;
  const finishedTimes = scores?.evaluation_results.flatMap((r) => (r.evaluation_timestamp === undefined ? [] : [r.evaluation_timestamp])) ?? [];
  const error_samples = scores === null ? {} : errorCounts(scores, catalogue);
  const benchmarks = scores
    ? unique(scores.evaluation_results.map((r) => benchmarkOfResult(r, catalogue)))
    : unique(spec?.suites.map((s) => s.id) ?? []);
  const run_id = spec?.run_id ?? scores?.source_metadata.additional_details?.run_id ?? basename(dir);
  const created_at = spec?.created_at ?? scores?.evaluation_timestamp ?? new Date(0).toISOString();
  const holder = lockHolder(dir);
  const errors = Object.values(error_samples).reduce((a, b) => a + b, 0);
  const resume = spec === null ? 'resume it with npm run eval -- --resume' : `resume it with npm run eval -- --config ${spec.config_file} --resume ${run_id}`;
  let status: RunStatus = 'complete';
  let status_note: string | null = null;
  if (holder !== null) {
    status = 'in progress';
    status_note = `process ${holder} is still running it (run.lock)`;
  } else if (scores === null) {
    status = 'unfinished';
    status_note = `no scores.json: the run stopped before it was scored; ${resume}`;
  } else if (errors > 0) {
    status = 'errors';
    status_note = `${errors} sample(s) have no response (${Object.entries(error_samples).filter(([, n]) => n > 0).map(([b, n]) => `${b}: ${n}`).join(', ')}); ${resume}`;
  }
  return {
    dir,
    run_id,
    model: scores?.model_info.name ?? specName,
    model_id: scores?.model_info.id ?? configModel?.model.id ?? '',
    simulated,
    created_at,
    finished_at: finishedTimes.sort().at(-1) ?? null,
    status,
    status_note,
    scores,
    spec,
    benchmarks,
    error_samples,
    catalogue,
  };
}

/** Reads every directory given; the first one that is not a run stops with bad input. */
export async function readRuns(paths: readonly string[], catalogue: BenchmarkCatalogue): Promise<RunInfo[]> {
  const runs: RunInfo[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const run = await readRun(path, catalogue);
    if (seen.has(run.dir)) continue;
    seen.add(run.dir);
    runs.push(run);
  }
  return runs;
}

/** Newest first: by when the run finished, then when it started. */
export function newestFirst(a: RunInfo, b: RunInfo): number {
  const fa = a.finished_at ?? a.created_at;
  const fb = b.finished_at ?? b.created_at;
  return fb.localeCompare(fa) || b.created_at.localeCompare(a.created_at) || b.run_id.localeCompare(a.run_id);
}
