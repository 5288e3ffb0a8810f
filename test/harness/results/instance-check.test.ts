import { describe, expect, it } from 'vitest';
import { instanceRowProblem } from '../../../harness/results/instance-check.ts';
import { instanceRecordSchema, instanceRow } from '../../../harness/results/instance.ts';
import { instanceInput } from '../../fixtures/results/run-summary.ts';

// The checker restates instanceRecordSchema without allocating; zod stays the source of truth. Every field of
// rows of several shapes is replaced by values of every kind, removed, or joined by an unknown key, and the two
// must give the same verdict on each.

const REPLACEMENTS: unknown[] = [undefined, null, -1, 0, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', true, [], ['x'], [1], {}, { a: 'x' }, { a: 1 }];

function baseRows(): unknown[] {
  const base = instanceInput();
  const single = [
    instanceRow(base),
    instanceRow({ ...base, completion: { ...base.completion, reasoning: null, usage: null }, score: { value: 0, verdict: 'wrong', extracted: null }, reference: null, latency_ms: null }),
    instanceRow({ ...base, request: { kind: 'chat', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'u' }] } }),
  ];
  const first = single[0];
  const multi = {
    ...first,
    interaction_type: 'multi_turn',
    output: null,
    messages: [
      { turn_idx: 0, role: 'user', content: 'q' },
      { turn_idx: 1, role: 'assistant', content: null, tool_calls: [{ id: 't1', name: 'run', arguments: { code: 'x' } }] },
      { turn_idx: 2, role: 'tool', content: 'out', tool_call_id: ['t1'] },
    ],
    evaluation: { score: 0.5, is_correct: false, num_turns: 3, tool_calls_count: 1 },
    performance: { latency_ms: 10, time_to_first_token_ms: 1, generation_time_ms: 9, additional_details: { k: 'v' } },
    token_usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3, input_tokens_cache_read: 0, input_tokens_cache_write: null },
    error: null,
  };
  return [...single, multi];
}

/** The path to every object and array inside `value`. */
function containers(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => containers(child, [...path, key]))];
}

function at(root: unknown, path: string[]): Record<string, unknown> {
  let node: unknown = root;
  for (const key of path) node = Reflect.get(Object(node), key);
  if (typeof node !== 'object' || node === null) throw new Error(`no container at ${path.join('.')}`);
  return Object(node);
}

function mutants(row: unknown): Array<{ what: string; row: unknown }> {
  const out: Array<{ what: string; row: unknown }> = [{ what: 'as built', row }];
  for (const path of containers(row)) {
    const keys = Object.keys(at(row, path));
    for (const key of keys) {
      for (const replacement of REPLACEMENTS) {
        const copy: unknown = structuredClone(row);
        Reflect.set(at(copy, path), key, replacement);
        out.push({ what: `${[...path, key].join('.')} = ${JSON.stringify(replacement) ?? 'undefined'}`, row: copy });
      }
      const removed: unknown = structuredClone(row);
      Reflect.deleteProperty(at(removed, path), key);
      out.push({ what: `${[...path, key].join('.')} removed`, row: removed });
    }
    const extra: unknown = structuredClone(row);
    Reflect.set(at(extra, path), 'unknown_key', 'x');
    out.push({ what: `${path.join('.') || 'row'} + unknown_key`, row: extra });
  }
  for (const kind of ['single_turn', 'multi_turn', 'agentic', 'other']) {
    const copy: unknown = structuredClone(row);
    Reflect.set(Object(copy), 'interaction_type', kind);
    out.push({ what: `interaction_type = ${kind}`, row: copy });
  }
  return out;
}

describe('instance row checker', () => {
  it('agrees with the zod schema on every field of rows of every shape, changed in every way', () => {
    let valid = 0;
    let invalid = 0;
    const disagreements: string[] = [];
    for (const row of baseRows()) {
      for (const { what, row: candidate } of mutants(row)) {
        const zodSays = instanceRecordSchema.safeParse(candidate).success;
        const checkerSays = instanceRowProblem(candidate) === null;
        if (zodSays !== checkerSays) disagreements.push(`${what}: zod ${zodSays ? 'accepts' : 'refuses'}`);
        if (zodSays) valid += 1;
        else invalid += 1;
      }
    }
    expect(disagreements).toEqual([]);
    // both verdicts are exercised in bulk, so agreement is not agreement on one answer
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(1000);
  });

  it('names the first field that is wrong', () => {
    const row = instanceRow(instanceInput());
    expect(instanceRowProblem({ ...row, token_usage: { input_tokens: -1, output_tokens: 1, total_tokens: 0 } })).toBe('row.token_usage');
    expect(instanceRowProblem({ ...row, evaluation: { score: Number.NaN, is_correct: false } })).toBe('row.evaluation');
    expect(instanceRowProblem({ ...row, surprise: 1 })).toBe('row.surprise');
    expect(instanceRowProblem({ ...row, messages: [] })).toBe('row.messages');
  });

  it('makes instanceRow throw on a row the schema refuses', () => {
    const base = instanceInput();
    expect(() => instanceRow({ ...base, score: { ...base.score, value: Number.NaN } })).toThrow();
    expect(() => instanceRow({ ...base, latency_ms: -5 })).toThrow();
  });
});
