// The Every Eval Ever instance-level row (instance_level_eval.schema.json, version 0.3.0), stated as zod.
// The row is closed: per-sample facts without a field of their own go in `metadata` (string values).
import { z } from 'zod';
import { stringMapSchema } from './eee-common.ts';

const count = z.number().int().min(0);

const messageSchema = z.looseObject({
  turn_idx: count,
  role: z.string(),
  content: z.string().nullable().optional(),
  reasoning_trace: z.string().nullable().optional(),
  tool_calls: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        arguments: stringMapSchema.nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
  tool_call_id: z.array(z.string()).nullable().optional(),
});

export const instanceRecordSchema = z
  .strictObject({
    schema_version: z.string(),
    evaluation_id: z.string(),
    model_id: z.string(),
    evaluation_name: z.string(),
    evaluation_result_id: z.string().optional(),
    sample_id: z.string(),
    sample_hash: z.string().nullable().optional(),
    interaction_type: z.enum(['single_turn', 'multi_turn', 'agentic']),
    input: z.looseObject({
      raw: z.string(),
      formatted: z.string().nullable().optional(),
      reference: z.array(z.string()),
      choices: z.array(z.string()).nullable().optional(),
    }),
    output: z
      .looseObject({
        raw: z.array(z.string()),
        reasoning_trace: z.array(z.string()).nullable().optional(),
      })
      .nullable()
      .optional(),
    messages: z.array(messageSchema).nullable().optional(),
    answer_attribution: z.array(
      z.looseObject({
        turn_idx: count,
        source: z.string(),
        extracted_value: z.string(),
        extraction_method: z.string(),
        is_terminal: z.boolean(),
      }),
    ),
    evaluation: z.looseObject({
      score: z.number(),
      is_correct: z.boolean(),
      num_turns: z.number().int().min(1).nullable().optional(),
      tool_calls_count: count.nullable().optional(),
    }),
    token_usage: z
      .looseObject({
        input_tokens: count,
        output_tokens: count,
        total_tokens: count,
        input_tokens_cache_write: count.nullable().optional(),
        input_tokens_cache_read: count.nullable().optional(),
        reasoning_tokens: count.nullable().optional(),
      })
      .nullable()
      .optional(),
    performance: z
      .looseObject({
        latency_ms: z.number().min(0).nullable().optional(),
        time_to_first_token_ms: z.number().min(0).nullable().optional(),
        generation_time_ms: z.number().min(0).nullable().optional(),
        additional_details: stringMapSchema.nullable().optional(),
      })
      .nullable()
      .optional(),
    error: z.string().nullable().optional(),
    metadata: stringMapSchema.nullable().optional(),
  })
  .superRefine((row, ctx) => {
    // Upstream allOf: single_turn carries `output` and no messages; multi_turn/agentic the reverse.
    if (row.interaction_type === 'single_turn') {
      if (row.output === undefined || row.output === null) {
        ctx.addIssue({ code: 'custom', path: ['output'], message: 'required (an object) for single_turn rows' });
      }
      if (row.messages !== undefined && row.messages !== null) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: 'must be null for single_turn rows' });
      }
    } else {
      if (!Array.isArray(row.messages)) {
        ctx.addIssue({ code: 'custom', path: ['messages'], message: `required (an array) for ${row.interaction_type} rows` });
      }
      if (row.output !== undefined && row.output !== null) {
        ctx.addIssue({ code: 'custom', path: ['output'], message: `must be null for ${row.interaction_type} rows` });
      }
    }
  });
export type InstanceRecord = z.infer<typeof instanceRecordSchema>;
