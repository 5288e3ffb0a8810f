// What an HTML page embeds: the comparison, plot points, one run's details and its sample index.
// The browser code imports these types only, so zod stays out of the page.
import { z } from 'zod';
import { comparisonOutputSchema } from '../../compare/output-schema.ts';

const interval = z.strictObject({ lower: z.number(), upper: z.number() }).nullable();

/** One row of a forest plot: a model's reproduced value with its interval, and the published value. */
export const forestPointSchema = z.strictObject({
  label: z.string(),
  run_id: z.string(),
  value: z.number(),
  ci: interval,
  published: z.number().nullable(),
  verdict: z.string(),
});

export const forestPlotSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  metric: z.string(),
  points: z.array(forestPointSchema),
});

export const metricLineSchema = z.strictObject({
  evaluation_name: z.string(),
  metric: z.string(),
  headline: z.boolean(),
  value: z.number(),
  ci: interval,
  standard_error: z.string().nullable(),
  num_samples: z.number().nullable(),
  unit: z.string(),
});

export const suiteDetailsSchema = z.strictObject({
  benchmark: z.string(),
  title: z.string(),
  samples_per_item: z.string(),
  items: z.string(),
  scored_samples: z.string(),
  error_samples: z.number(),
  errors_by_kind: z.record(z.string(), z.number()),
  /** the first message of each error kind, from the journal */
  error_examples: z.record(z.string(), z.string()),
  usage: z.strictObject({ samples: z.number(), prompt_tokens: z.number(), completion_tokens: z.number(), reasoning_tokens: z.number() }),
  cost_usd: z.number().nullable(),
  /** generation settings sent and protocol facts, as scores.json records them */
  settings: z.array(z.tuple([z.string(), z.string()])),
});

export const runDetailsSchema = z.strictObject({
  run_id: z.string(),
  dir: z.string(),
  model: z.string(),
  model_id: z.string(),
  status: z.string(),
  status_note: z.string().nullable(),
  facts: z.array(z.tuple([z.string(), z.string()])),
  metrics: z.array(metricLineSchema),
  suites: z.array(suiteDetailsSchema),
  pricing: z.string().nullable(),
});

/** One dataset group as a filter: its values, and per sample a byte (base64): 0 none, else 1 + value index. */
export const sampleGroupSchema = z.strictObject({ key: z.string(), values: z.array(z.string()), codes: z.string() });

/**
 * The sample index: one entry per sample in `codes` (base64, 4 bytes each: suite, verdict, error kind,
 * flags), enough to filter all of them at once. Rows and full texts sit in chunks, inline or in files.
 */
export const sampleIndexSchema = z.strictObject({
  count: z.number(),
  suites: z.array(z.string()),
  verdicts: z.array(z.string()),
  error_kinds: z.array(z.string()),
  codes: z.string(),
  list_chunk: z.number(),
  detail_chunk: z.number(),
  /** folder of chunk files beside the page, or null when every chunk is inline */
  chunk_dir: z.string().nullable(),
  groups: z.array(sampleGroupSchema),
});

export const pageDataSchema = z.strictObject({
  kind: z.enum(['run', 'index']),
  title: z.string(),
  generated_at: z.string(),
  simulated: z.boolean(),
  comparison: comparisonOutputSchema,
  /** run id -> page that shows it */
  links: z.record(z.string(), z.string()),
  index_link: z.string().nullable(),
  forest: z.array(forestPlotSchema),
  breakdowns: z.array(forestPlotSchema),
  run: runDetailsSchema.nullable(),
  samples: sampleIndexSchema.nullable(),
});

export type ForestPoint = z.infer<typeof forestPointSchema>;
export type ForestPlot = z.infer<typeof forestPlotSchema>;
export type MetricLine = z.infer<typeof metricLineSchema>;
export type SuiteDetails = z.infer<typeof suiteDetailsSchema>;
export type RunDetails = z.infer<typeof runDetailsSchema>;
export type SampleIndex = z.infer<typeof sampleIndexSchema>;
export type SampleGroup = z.infer<typeof sampleGroupSchema>;
export type PageData = z.infer<typeof pageDataSchema>;

/** A row of the sample list: [item id, sample index, extracted, reference, score]. */
export type ListRow = [string, number, string, string, number];

/** A sample opened in full. */
export type SampleDetail = {
  suite: string;
  item: string;
  k: number;
  verdict: string;
  score: number | null;
  extracted: string;
  reference: string;
  prompt: string;
  reasoning: string;
  answer: string;
  finish: string;
  error: string;
  groups: Record<string, string>;
  /** per-sample facts the suite recorded (judge games, parsed values) */
  details: Record<string, string>;
};
