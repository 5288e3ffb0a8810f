// The comparison as data: one row per metric, one cell per model and benchmark, and every run given.
// `npm run compare --json` prints exactly this, validated; the HTML report reads the same shapes.
import { z } from 'zod';

export const verdictSchema = z.enum(['consistent', 'diverges', 'not comparable', 'no reference']);
export type Verdict = z.infer<typeof verdictSchema>;

export const factDifferenceSchema = z.strictObject({ field: z.string(), run: z.string(), reference: z.string() });

export const comparisonRowSchema = z.strictObject({
  model: z.string(),
  /** suite id, or the run's evaluation_name when it names no known benchmark */
  benchmark: z.string(),
  evaluation_name: z.string(),
  /** metric id with its parameters, e.g. "avg_at_k(k=64)" */
  metric: z.string(),
  headline: z.boolean(),
  unit: z.string(),
  /** "subset N of M" for a --subset run (its interval is the subset's, about the full-set value); null otherwise */
  coverage: z.string().nullable(),
  reproduced: z.strictObject({
    value: z.number(),
    standard_error: z.number().nullable(),
    ci: z.strictObject({ lower: z.number(), upper: z.number() }).nullable(),
    num_samples: z.number().nullable(),
  }),
  published: z
    .strictObject({ value: z.number(), source: z.string(), source_url: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
  /** reproduced - published, only for comparable rows */
  delta: z.number().nullable(),
  /** |delta| in reproduced standard errors */
  se_apart: z.number().nullable(),
  verdict: verdictSchema,
  /** why a row is not comparable: each differing field with both values */
  differs: z.array(factDifferenceSchema),
  /** protocol facts the reference marks unknown, or the run does not record */
  unknown: z.array(z.string()),
  /**
   * the run's deviations from the official protocol that --accept-deviation set aside for this row (the
   * user's judgement, not the protocol's); a row with a verdict and a non-empty list got it only through them
   */
  accepted_deviations: z.array(z.string()),
});

export const runStatusSchema = z.enum(['complete', 'errors', 'unfinished', 'in progress']);

export const runEntrySchema = z.strictObject({
  run_id: z.string(),
  dir: z.string(),
  model: z.string(),
  model_id: z.string(),
  simulated: z.boolean(),
  status: runStatusSchema,
  status_note: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  benchmarks: z.array(z.string()),
  /** the reference file compared with; null when the run names none */
  reference: z.string().nullable(),
});

export const otherRunSchema = z.strictObject({
  run_id: z.string(),
  status: runStatusSchema,
  /** the run's headline value for this benchmark, when it has one */
  value: z.number().nullable(),
  why_not_used: z.string(),
});

export const cellSchema = z.strictObject({
  model: z.string(),
  benchmark: z.string(),
  /** compared: a finished run gives the cell its number; unfinished: only runs that are not finished cover it */
  state: z.enum(['compared', 'unfinished']),
  /** the verdict of the headline row, or "unfinished" */
  verdict: z.union([verdictSchema, z.literal('unfinished')]),
  run_id: z.string().nullable(),
  /** the headline comparison row of the run used */
  row: comparisonRowSchema.nullable(),
  /** how the run was chosen, and what to distrust */
  note: z.string().nullable(),
  other_runs: z.array(otherRunSchema),
});

export const taggedRowSchema = comparisonRowSchema.extend({ run_id: z.string() });

export const comparisonOutputSchema = z.strictObject({
  tolerance: z.number(),
  /** the --accept-deviation patterns given; empty when every deviation counted */
  accepted_deviation_patterns: z.array(z.string()),
  /** what a reader of the verdicts must know, e.g. an --accept-deviation pattern that matched nothing */
  warnings: z.array(z.string()),
  exit_code: z.union([z.literal(0), z.literal(1)]),
  benchmarks: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  models: z.array(z.string()),
  cells: z.array(cellSchema),
  runs: z.array(runEntrySchema),
  /** every metric compared, of every run that has scores */
  rows: z.array(taggedRowSchema),
});

export type ComparisonRowData = z.infer<typeof comparisonRowSchema>;
export type RunEntry = z.infer<typeof runEntrySchema>;
export type Cell = z.infer<typeof cellSchema>;
export type OtherRun = z.infer<typeof otherRunSchema>;
export type TaggedRow = z.infer<typeof taggedRowSchema>;
export type ComparisonOutput = z.infer<typeof comparisonOutputSchema>;
