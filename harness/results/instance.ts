// One scored sample as an Every Eval Ever instance-level row (one line of samples.jsonl).
import { createHash } from 'node:crypto';
import type { JsonValue } from '../json.ts';
import type { SampleRequest } from '../suite.ts';
import { EEE_SCHEMA_VERSION, type StringMap } from './eee-common.ts';
import { evaluationIdFor } from './datastore.ts';
import type { InstanceInput } from './inputs.ts';
import { instanceRowProblem } from './instance-check.ts';
import { instanceRecordSchema, type InstanceRecord } from './instance-schema.ts';

export { instanceRecordSchema, type InstanceRecord } from './instance-schema.ts';

/**
 * Builds and validates the row; a row that does not match the schema is a bug, so this throws (zod's message).
 * Every row is checked by the allocation-free checker; zod parses only a row it refuses.
 */
export function instanceRow(input: InstanceInput): InstanceRecord {
  const { raw, hash } = hashedInput(input.request, input.reference);
  const reference = input.reference === null ? [] : [input.reference];
  const { completion, score } = input;
  const usage = completion.usage;
  const row: InstanceRecord = {
    schema_version: EEE_SCHEMA_VERSION,
    evaluation_id: evaluationIdFor(input.model.id, input.run_id),
    model_id: input.model.id,
    evaluation_name: input.suite,
    // the suite's headline result carries the suite id as its evaluation_result_id (see aggregate.ts)
    evaluation_result_id: input.suite,
    sample_id: input.item_id,
    sample_hash: hash,
    interaction_type: 'single_turn',
    input: { raw, formatted: formattedInput(input.request), reference },
    output: { raw: [completion.content], reasoning_trace: completion.reasoning === null ? null : [completion.reasoning] },
    messages: null,
    answer_attribution:
      score.extracted === null
        ? []
        : [
            {
              turn_idx: 0,
              source: 'output.raw',
              extracted_value: score.extracted,
              extraction_method: input.extractor ?? `${input.suite}.extract`,
              is_terminal: true,
            },
          ],
    evaluation: { score: score.value, is_correct: score.value >= 1 },
    token_usage:
      usage === null
        ? null
        : {
            input_tokens: usage.prompt_tokens,
            output_tokens: usage.completion_tokens,
            total_tokens: usage.prompt_tokens + usage.completion_tokens,
            reasoning_tokens: usage.reasoning_tokens,
          },
    performance: input.latency_ms === null ? null : { latency_ms: input.latency_ms },
    error: null,
    metadata: instanceMetadata(input),
  };
  const problem = instanceRowProblem(row);
  if (problem === null) return row;
  instanceRecordSchema.parse(row);
  throw new Error(`instance row: ${problem} does not match the instance schema`);
}

function instanceMetadata(input: InstanceInput): StringMap {
  const { completion, score } = input;
  const meta: StringMap = {
    run_id: input.run_id,
    suite: input.suite,
    sample_index: String(input.sample_index),
    verdict: score.verdict,
    attempts: String(input.attempts),
    finish_reason: completion.finish_reason ?? 'null',
    truncated: String(completion.truncated),
    truncated_in_thinking: String(completion.truncated_in_thinking),
    simulated: String(input.model.simulated),
  };
  for (const [key, value] of Object.entries(score.groups ?? {})) meta[`group.${key}`] = value;
  for (const [key, value] of Object.entries(score.details ?? {})) meta[`detail.${key}`] = asString(value);
  if (score.scoring_error !== undefined) meta['scoring_error'] = score.scoring_error;
  return meta;
}

function asString(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

// Every sample of an item shares its request object: its raw text and hash are computed once, not per sample.
const hashed = new WeakMap<SampleRequest, { reference: string | null; raw: string; hash: string }>();

function hashedInput(request: SampleRequest, reference: string | null): { raw: string; hash: string } {
  const known = hashed.get(request);
  if (known !== undefined && known.reference === reference) return known;
  const raw = rawInput(request);
  const entry = { reference, raw, hash: sampleHash(raw, reference === null ? [] : [reference]) };
  hashed.set(request, entry);
  return entry;
}

/** The prompt without any assistant turn, so the answer never leaks into the hashed input. */
function rawInput(request: SampleRequest): string {
  if (request.kind === 'completion') return request.prompt;
  return request.messages
    .filter((m) => m.role !== 'assistant')
    .map((m) => m.content)
    .join('\n\n');
}

/** The whole conversation, when it is more than the raw prompt. */
function formattedInput(request: SampleRequest): string | null {
  if (request.kind === 'completion' || request.messages.length === 1) return null;
  return JSON.stringify(request.messages);
}

/**
 * The datastore's cross-model join key: sha256 of Python's
 * json.dumps({"raw": ..., "reference": [...]}, sort_keys=True, separators=(",", ":")), whose default
 * ensure_ascii escapes every character outside printable ASCII as \uXXXX.
 */
export function sampleHash(raw: string, reference: readonly string[]): string {
  const json = JSON.stringify({ raw, reference }).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return createHash('sha256').update(json, 'utf8').digest('hex');
}
