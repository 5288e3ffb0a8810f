// Pieces shared by the Every Eval Ever aggregate and instance-level formats (schema version 0.3.0).
// Objects the upstream JSON Schema leaves open are loose here; closed ones are strict, as upstream.
import { z } from 'zod';

/**
 * The format version written into every record. The upstream schema files at evaleval/every_eval_ever
 * commit 9bce4136 declare "version": "0.3.0" (0.2.2 was the previous release, which lacked
 * unbounded min/max scores); records say which one they follow in `schema_version`.
 */
export const EEE_SCHEMA_VERSION = '0.3.0';

/** Upstream "additional_details": key-value pairs whose values must all be strings. */
export const stringMapSchema = z.record(z.string(), z.string());
export type StringMap = z.infer<typeof stringMapSchema>;

export const modelInfoSchema = z.looseObject({
  name: z.string(),
  /** Hugging Face style id, e.g. Qwen/Qwen3-235B-A22B-Instruct-2507 */
  id: z.string(),
  developer: z.string().optional(),
  inference_platform: z.string().optional(),
  inference_engine: z.looseObject({ name: z.string().optional(), version: z.string().optional() }).optional(),
  additional_details: z
    .object({
      deployment_type: z.enum(['self_deployed', 'externally_managed', 'unknown']),
      model_availability: z.enum(['open_weights', 'closed_weights', 'unknown']),
    })
    .catchall(z.string()),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

const sourceDataUrlSchema = z.looseObject({
  dataset_name: z.string(),
  source_type: z.literal('url'),
  url: z.array(z.string()).min(1),
  additional_details: stringMapSchema.optional(),
});

const sourceDataHfSchema = z.looseObject({
  dataset_name: z.string(),
  source_type: z.literal('hf_dataset'),
  hf_repo: z.string().optional(),
  hf_split: z.string().optional(),
  samples_number: z.number().int().optional(),
  sample_ids: z.array(z.string()).optional(),
  additional_details: stringMapSchema.optional(),
});

const sourceDataPrivateSchema = z.looseObject({
  dataset_name: z.string(),
  source_type: z.literal('other'),
  additional_details: stringMapSchema.optional(),
});

export const sourceDataSchema = z.discriminatedUnion('source_type', [
  sourceDataUrlSchema,
  sourceDataHfSchema,
  sourceDataPrivateSchema,
]);
export type SourceData = z.infer<typeof sourceDataSchema>;

/** Renders a zod path as a JSON path: evaluation_results[0].metric_config.min_score */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per problem, each naming the file and the JSON path of the failing field. */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues.map((issue) => `${file}: ${jsonPath(issue.path)}: ${issue.message}`).join('\n');
}
