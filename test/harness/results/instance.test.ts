import { describe, expect, it } from 'vitest';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { instanceRecordSchema, instanceRow, sampleHash } from '../../../harness/results/instance.ts';
import { instanceInput, runSummary } from '../../fixtures/results/run-summary.ts';

describe('instanceRow', () => {
  it('builds a valid single-turn row that joins its aggregate record', () => {
    const row = instanceRow(instanceInput());
    const aggregate = aggregateRecord(runSummary());
    expect(row.evaluation_id).toBe(aggregate.evaluation_id);
    expect(row.model_id).toBe(aggregate.model_info.id);
    expect(aggregate.evaluation_results.some((r) => r.evaluation_result_id === row.evaluation_result_id)).toBe(true);
    expect(row).toMatchObject({
      sample_id: 'aime25-I-1',
      interaction_type: 'single_turn',
      input: { raw: 'Find the sum. Please reason step by step.', reference: ['70'] },
      output: { raw: ['The answer is \\boxed{70}.'], reasoning_trace: ['Let me think.'] },
      messages: null,
      answer_attribution: [{ turn_idx: 0, source: 'output.raw', extracted_value: '70', extraction_method: 'last-boxed-integer', is_terminal: true }],
      evaluation: { score: 1, is_correct: true },
      token_usage: { input_tokens: 40, output_tokens: 200, total_tokens: 240, reasoning_tokens: 120 },
      performance: { latency_ms: 1234 },
    });
  });

  it('keeps per-sample facts in metadata as strings', () => {
    const row = instanceRow(instanceInput());
    expect(row.metadata).toMatchObject({
      sample_index: '3',
      verdict: 'correct',
      'group.contest': 'I',
      'detail.parsed': '70',
      truncated: 'false',
      simulated: 'false',
    });
  });

  it('records no attribution when nothing was extracted, and no usage when none was reported', () => {
    const base = instanceInput();
    const row = instanceRow({
      ...base,
      completion: { ...base.completion, usage: null },
      score: { value: 0, verdict: 'miss', extracted: null },
    });
    expect(row.answer_attribution).toEqual([]);
    expect(row.token_usage).toBeNull();
    expect(row.evaluation.is_correct).toBe(false);
  });

  it('allows no extra top-level fields', () => {
    const result = instanceRecordSchema.safeParse({ ...instanceRow(instanceInput()), sample_index: 3 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/sample_index/);
  });

  it('requires output on single-turn rows', () => {
    const result = instanceRecordSchema.safeParse({ ...instanceRow(instanceInput()), output: null });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['output']);
  });

  it('hashes a sample exactly as the datastore recipe (Python json.dumps, ASCII-escaped)', () => {
    // expected values computed with CPython: sha256(json.dumps({...}, sort_keys=True, separators=(",", ":")))
    expect(sampleHash('Find x.\n"Quoted" café \u2028 \u{1F600} \u007f end', ['70'])).toBe(
      '2a954b2c22ed5ce90eb5c04617149f394e168d6c49321f946f575511a9b7fe5d',
    );
    expect(sampleHash('plain', [])).toBe('cda49ed95657cc92135de7c433f0d70387d50d71f95eacaf1ced839c4539432c');
  });
});
