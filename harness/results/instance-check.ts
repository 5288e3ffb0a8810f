// A checker for instance rows that allocates nothing: the runner validates every row of samples.jsonl, and
// zod's parse of a row (which copies it) was about 7.6 KB of garbage per request at 1,000 requests/s.
// It states instanceRecordSchema's rules once more, so the zod schema stays the source of truth:
// test/harness/results/instance-check.test.ts mutates every field of real rows and requires both to agree.
// Returns the path of the first problem, or null for a valid row.

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const nonNegative: Check = (v) => num(v) && Number(v) >= 0;
const count: Check = (v) => Number.isSafeInteger(v) && Number(v) >= 0;
const positiveInt: Check = (v) => Number.isSafeInteger(v) && Number(v) >= 1;
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const nullish = (check: Check): Check => (v) => v === undefined || v === null || check(v);
const arrayOf = (check: Check): Check => (v) => {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!check(x)) return false;
  return true;
};
const stringMap: Check = (v) => {
  if (!isObject(v)) return false;
  for (const key in v) if (typeof v[key] !== 'string') return false;
  return true;
};

/** An object whose listed fields pass; other keys are refused when `strict` (zod's strictObject). */
function objectOf(fields: Record<string, Check>, strict: boolean, path: string): (v: unknown) => string | null {
  const names = Object.keys(fields);
  return (v) => {
    if (!isObject(v)) return path;
    for (const name of names) {
      const check = fields[name];
      if (check !== undefined && !check(v[name])) return `${path}.${name}`;
    }
    if (strict) for (const key in v) if (!Object.hasOwn(fields, key)) return `${path}.${key}`;
    return null;
  };
}
const valid = (check: (v: unknown) => string | null): Check => (v) => check(v) === null;

const message = objectOf(
  {
    turn_idx: count,
    role: str,
    content: nullish(str),
    reasoning_trace: nullish(str),
    tool_calls: nullish(arrayOf(valid(objectOf({ id: str, name: str, arguments: nullish(stringMap) }, false, 'tool_call')))),
    tool_call_id: nullish(arrayOf(str)),
  },
  false,
  'message',
);

const row = objectOf(
  {
    schema_version: str,
    evaluation_id: str,
    model_id: str,
    evaluation_name: str,
    evaluation_result_id: optional(str),
    sample_id: str,
    sample_hash: nullish(str),
    interaction_type: (v) => v === 'single_turn' || v === 'multi_turn' || v === 'agentic',
    input: valid(objectOf({ raw: str, formatted: nullish(str), reference: arrayOf(str), choices: nullish(arrayOf(str)) }, false, 'input')),
    output: nullish(valid(objectOf({ raw: arrayOf(str), reasoning_trace: nullish(arrayOf(str)) }, false, 'output'))),
    messages: nullish(arrayOf(valid(message))),
    answer_attribution: arrayOf(valid(objectOf({ turn_idx: count, source: str, extracted_value: str, extraction_method: str, is_terminal: bool }, false, 'attribution'))),
    evaluation: valid(objectOf({ score: num, is_correct: bool, num_turns: nullish(positiveInt), tool_calls_count: nullish(count) }, false, 'evaluation')),
    token_usage: nullish(
      valid(
        objectOf(
          {
            input_tokens: count,
            output_tokens: count,
            total_tokens: count,
            input_tokens_cache_write: nullish(count),
            input_tokens_cache_read: nullish(count),
            reasoning_tokens: nullish(count),
          },
          false,
          'token_usage',
        ),
      ),
    ),
    performance: nullish(
      valid(
        objectOf(
          { latency_ms: nullish(nonNegative), time_to_first_token_ms: nullish(nonNegative), generation_time_ms: nullish(nonNegative), additional_details: nullish(stringMap) },
          false,
          'performance',
        ),
      ),
    ),
    error: nullish(str),
    metadata: nullish(stringMap),
  },
  true,
  'row',
);

export function instanceRowProblem(value: unknown): string | null {
  const problem = row(value);
  if (problem !== null || !isObject(value)) return problem;
  // upstream allOf: single_turn carries `output` and no messages; multi_turn and agentic the reverse
  const hasOutput = value['output'] !== undefined && value['output'] !== null;
  const hasMessages = value['messages'] !== undefined && value['messages'] !== null;
  if (value['interaction_type'] === 'single_turn') return !hasOutput ? 'row.output' : hasMessages ? 'row.messages' : null;
  return !Array.isArray(value['messages']) ? 'row.messages' : hasOutput ? 'row.output' : null;
}
