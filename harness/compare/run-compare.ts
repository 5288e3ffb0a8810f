// Compares a run directory with its reference file: what `npm run compare` and `eval --check` do.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { AggregateRecord } from '../results/aggregate-schema.ts';
import { readAggregateFile, readScoresFile, ResultsFileError } from '../results/files.ts';
import { PROJECT_ROOT } from '../paths.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import { recordedDeviations } from './accept.ts';
import { compareRecords, sameModel, type ComparisonRow } from './compare.ts';

export const DEFAULT_TOLERANCE = 1.0;


const specReferenceSchema = z.looseObject({
  reference: z.string().nullable().optional(),
  config: z.looseObject({ reference: z.string().nullable().optional() }).optional(),
});

/** A reference path as written in a config: relative to the working directory, else to the project. */
export function resolveReferencePath(path: string): string {
  if (isAbsolute(path)) return path;
  const fromCwd = resolve(path);
  if (existsSync(fromCwd)) return fromCwd;
  return join(PROJECT_ROOT, path);
}

async function recordedReference(runDir: string, scores: AggregateRecord): Promise<string | null> {
  const fromScores = scores.source_metadata.additional_details?.reference;
  if (fromScores !== undefined && fromScores !== '') return fromScores;
  const specPath = join(runDir, 'spec.json');
  if (!existsSync(specPath)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(specPath, 'utf8'));
  } catch {
    throw new ResultsFileError(`${specPath}: not valid JSON; pass the reference with --reference <file>`);
  }
  const spec = specReferenceSchema.safeParse(parsed);
  if (!spec.success) return null;
  return spec.data.reference ?? spec.data.config?.reference ?? null;
}

/** `--tolerance` as given on a command line: points, 0 or more; the default when absent; null when unusable. */
export function toleranceArg(text: string | undefined): number | null {
  if (text === undefined) return DEFAULT_TOLERANCE;
  const tolerance = Number(text);
  return Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : null;
}

/** deviations: every deviation the run records, for telling whether an --accept-deviation pattern matched any */
export type RunComparison = { run: AggregateRecord; referencePath: string | null; rows: ComparisonRow[]; deviations: string[] };

/**
 * Compares one run with the reference it records (or `opts.reference`). A run that names no reference
 * gets "no reference" rows. Throws ResultsFileError (bad input: exit code 2) when the run or the
 * reference cannot be read, or the reference holds nothing for the run's model.
 */
export async function compareRun(
  runDir: string,
  opts: { reference?: string; tolerance?: number; scores?: AggregateRecord; catalogue: BenchmarkCatalogue; acceptDeviations?: readonly string[] },
): Promise<RunComparison> {
  const run = opts.scores ?? (await readScoresFile(runDir));
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const compareOpts = { tolerance, catalogue: opts.catalogue, acceptDeviations: opts.acceptDeviations ?? [] };
  const deviations = recordedDeviations(run);
  const recorded = opts.reference ?? (await recordedReference(runDir, run));
  if (recorded === null) return { run, referencePath: null, rows: compareRecords(run, [], compareOpts), deviations };
  const referencePath = resolveReferencePath(recorded);
  const references = await readAggregateFile(referencePath);
  // a misspelt model name would otherwise turn every row into "no reference" and the check green
  if (!references.some((ref) => sameModel(run, ref))) {
    const held = references.map((ref) => ref.model_info.name).join(', ');
    throw new ResultsFileError(`${referencePath}: no published numbers for model "${run.model_info.name}" (id ${run.model_info.id}). The file holds: ${held}. Check model.name and model.id in the config.`);
  }
  const rows = compareRecords(run, references, compareOpts);
  return { run, referencePath, rows, deviations };
}
