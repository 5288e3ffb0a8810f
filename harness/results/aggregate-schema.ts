// The Every Eval Ever aggregate record (eval.schema.json, version 0.3.0), stated as zod.
// Used for scores.json (source_type "evaluation_run") and results/reference/ (source_type "documentation").
import { z } from 'zod';
import { modelInfoSchema, sourceDataSchema, stringMapSchema } from './eee-common.ts';

/** A score bound: a number, an explicit infinity, or null for "not provided". */
const boundSchema = z.union([z.number(), z.literal('Infinity'), z.literal('-Infinity'), z.null()]);

const judgeConfigSchema = z.looseObject({
  model_info: modelInfoSchema,
  temperature: z.number().optional(),
  weight: z.number().optional(),
  additional_details: stringMapSchema.optional(),
});

const llmScoringSchema = z.looseObject({
  judges: z.array(judgeConfigSchema).min(1),
  input_prompt: z.string(),
  aggregation_method: z.enum(['majority_vote', 'average', 'weighted_average', 'median']).optional(),
  expert_baseline: z.number().optional(),
  additional_details: stringMapSchema.optional(),
});

export const metricConfigSchema = z
  .looseObject({
    evaluation_description: z.string().optional(),
    metric_id: z.string().optional(),
    metric_name: z.string().optional(),
    metric_kind: z.string().optional(),
    metric_unit: z.string().optional(),
    metric_parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    lower_is_better: z.boolean(),
    score_type: z.enum(['binary', 'continuous', 'levels']).optional(),
    level_names: z.array(z.string()).optional(),
    level_metadata: z.array(z.string()).optional(),
    has_unknown_level: z.boolean().optional(),
    min_score: boundSchema.optional(),
    max_score: boundSchema.optional(),
    llm_scoring: llmScoringSchema.optional(),
    additional_details: stringMapSchema.optional(),
  })
  .superRefine((config, ctx) => {
    // Upstream if/then: "levels" needs its level names, "continuous" needs both bounds.
    const needs: string[] =
      config.score_type === 'levels'
        ? ['level_names', 'has_unknown_level']
        : config.score_type === 'continuous'
          ? ['min_score', 'max_score']
          : [];
    for (const key of needs) {
      if (config[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `required when score_type is "${config.score_type}"` });
      }
    }
  });
export type MetricConfig = z.infer<typeof metricConfigSchema>;

export const uncertaintySchema = z.looseObject({
  standard_error: z.looseObject({ value: z.number(), method: z.string().optional() }).optional(),
  confidence_interval: z
    .looseObject({
      lower: z.number(),
      upper: z.number(),
      confidence_level: z.number().min(0).max(1).optional(),
      method: z.string().optional(),
    })
    .optional(),
  standard_deviation: z.number().optional(),
  num_samples: z.number().int().optional(),
  num_bootstrap_samples: z.number().int().optional(),
});
export type UncertaintyRecord = z.infer<typeof uncertaintySchema>;

/** Closed upstream: sampling parameters without a field here go to generation_config.additional_details. */
export const generationArgsSchema = z.strictObject({
  temperature: z.number().nullable().optional(),
  top_p: z.number().nullable().optional(),
  top_k: z.number().nullable().optional(),
  max_tokens: z.number().int().min(1).optional(),
  execution_command: z.string().optional(),
  reasoning: z.boolean().optional(),
  prompt_template: z.string().optional(),
  agentic_eval_config: z.looseObject({}).optional(),
  eval_plan: z.looseObject({}).optional(),
  eval_limits: z
    .looseObject({
      time_limit: z.number().int().optional(),
      message_limit: z.number().int().optional(),
      token_limit: z.number().int().optional(),
    })
    .optional(),
  sandbox: z.looseObject({ type: z.string().optional(), config: z.string().optional() }).optional(),
  max_attempts: z.number().int().optional(),
  incorrect_attempt_feedback: z.string().optional(),
});
export type GenerationArgs = z.infer<typeof generationArgsSchema>;

export const evaluationResultSchema = z.looseObject({
  evaluation_result_id: z.string().optional(),
  evaluation_name: z.string(),
  source_data: sourceDataSchema,
  evaluation_timestamp: z.string().optional(),
  metric_config: metricConfigSchema,
  score_details: z.looseObject({
    score: z.number(),
    details: stringMapSchema.optional(),
    uncertainty: uncertaintySchema.optional(),
  }),
  generation_config: z
    .looseObject({
      generation_args: generationArgsSchema.optional(),
      additional_details: stringMapSchema.optional(),
    })
    .optional(),
});
export type EvaluationResult = z.infer<typeof evaluationResultSchema>;

export const SAMPLES_PATH_PATTERN =
  /^data\/[^/]+\/[^/]+\/[^/]+\/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-4[0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}_samples\.jsonl$/;

export const detailedResultsSchema = z.looseObject({
  format: z.literal('jsonl'),
  file_path: z
    .string()
    .regex(SAMPLES_PATH_PATTERN, 'must be data/<benchmark>/<developer>/<model>/<uuid4>_samples.jsonl'),
  hash_algorithm: z.enum(['sha256', 'md5']).optional(),
  checksum: z.string().optional(),
  total_rows: z.number().int().optional(),
  additional_details: stringMapSchema.optional(),
});

export const aggregateRecordSchema = z.strictObject({
  schema_version: z.string(),
  evaluation_id: z.string(),
  evaluation_timestamp: z.string().optional(),
  retrieved_timestamp: z.string(),
  source_metadata: z.looseObject({
    source_name: z.string().optional(),
    source_type: z.enum(['documentation', 'evaluation_run']),
    source_organization_name: z.string(),
    source_organization_url: z.string().optional(),
    source_organization_logo_url: z.string().optional(),
    evaluator_relationship: z.enum(['first_party', 'third_party', 'collaborative', 'other']),
    additional_details: stringMapSchema.optional(),
  }),
  eval_library: z.looseObject({
    name: z.string(),
    version: z.string(),
    additional_details: stringMapSchema.optional(),
  }),
  model_info: modelInfoSchema,
  evaluation_results: z.array(evaluationResultSchema),
  detailed_evaluation_results: detailedResultsSchema.optional(),
});
export type AggregateRecord = z.infer<typeof aggregateRecordSchema>;
