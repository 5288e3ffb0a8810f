import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { DatasetFiles, ScoredSample } from '../../../harness/suite.ts';
import { loadAime } from '../../../suites/aime25/dataset.ts';
import { aimeMetrics } from '../../../suites/aime25/metrics.ts';
import { suite } from '../../../suites/aime25/index.ts';
import { ROOT } from '../../helpers/cli.ts';

const files = (path: string): DatasetFiles => ({ paths: { test: path }, origin: 'local', revision: 'test', sha256: {} });
const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('AIME25 dataset', () => {
  it('reads the math-ai shape with string or integer answers', async () => {
    const items = await collect(loadAime(files(join(ROOT, 'test/fixtures/aime25/problems.jsonl'))));
    expect(items.map((i) => [i.id, i.answer])).toEqual([['f1', 7], ['f2', 42], ['f3', 100], ['f4', 24]]);
  });
  it('reads the opencompass shape and numbers the rows', async () => {
    const items = await collect(loadAime(files(join(ROOT, 'test/fixtures/aime25/opencompass-shape.jsonl'))));
    expect(items.map((i) => [i.id, i.answer])).toEqual([['0', 2], ['1', 3]]);
    expect(items[0]?.problem).toMatch(/opencompass shape/);
  });
  it('names the file, line and field of a bad row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aime-bad-'));
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, '{"problem": "p", "answer": "7", "id": "a"}\n{"problem": "q", "answer": "seven", "id": "b"}\n');
    await expect(collect(loadAime(files(path)))).rejects.toThrow(/bad\.jsonl:2 \(id b\): /);
  });
});

describe('AIME25 prompt and scoring', () => {
  it('puts Qwen’s instruction after the problem in one user message', () => {
    const request = suite.request({ id: 'x', problem: 'What is $1+1$?', answer: 2 }, {});
    expect(request).toEqual({
      kind: 'chat',
      messages: [{ role: 'user', content: 'What is $1+1$?\nPlease reason step by step, and put your final answer within \\boxed{}.' }],
    });
  });
  it('scores correct, incorrect and no-box answers', async () => {
    const item = { id: 'x', problem: 'p', answer: 70 };
    const completion = (content: string) => ({ content, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null });
    const ctx = { judge: null, signal: new AbortController().signal, options: {}, session: null };
    expect(await suite.score(item, completion('\\boxed{070}'), ctx)).toMatchObject({ value: 1, verdict: 'correct', extracted: '070' });
    expect(await suite.score(item, completion('\\boxed{71}'), ctx)).toMatchObject({ value: 0, verdict: 'incorrect' });
    expect(await suite.score(item, completion('70'), ctx)).toMatchObject({ value: 0, verdict: 'no_boxed', extracted: null });
  });
});

describe('AIME25 metrics', () => {
  // item a: 3 of 4 correct; item b: 1 of 4; item c: 0 of 4
  const pattern: Record<string, number[]> = { a: [1, 1, 0, 1], b: [0, 0, 1, 0], c: [0, 0, 0, 0] };
  const samples: ScoredSample[] = Object.entries(pattern).flatMap(([item, values]) =>
    values.map((v, i) => ({ item_id: item, sample_index: i, score: { value: v, verdict: v ? 'correct' : 'incorrect', extracted: null } })),
  );
  const metrics = aimeMetrics(samples, 4);
  const byId = (id: string, k: number) => metrics.find((m) => m.metric_id === id && m.parameters['k'] === k);

  it('avg@k is the mean of per-problem means with an SE clustered by problem', () => {
    const avg = byId('avg_at_k', 4);
    expect(avg?.headline).toBe(true);
    expect(avg?.value).toBeCloseTo((100 * (0.75 + 0.25 + 0)) / 3, 10);
    // per-item means 0.75, 0.25, 0: sd = 0.381881..., SE = sd / sqrt(3)
    expect(avg?.uncertainty?.standard_error?.value).toBeCloseTo(100 * 0.2204792759220492, 8);
    expect(avg?.uncertainty?.num_samples).toBe(12);
  });
  it('pass@k uses the unbiased estimator', () => {
    // pass@2: a: 1 - C(1,2)/C(4,2) = 1; b: 1 - C(3,2)/C(4,2) = 0.5; c: 0
    expect(byId('pass_at_k', 2)?.value).toBeCloseTo(50, 10);
    expect(byId('pass_at_k', 4)?.value).toBeCloseTo((100 * 2) / 3, 10);
    expect(byId('pass_at_k', 1)).toBeUndefined();
  });
});

describe('AIME25 metrics on one problem', () => {
  it('give no interval rather than a standard error of 0', () => {
    const one: ScoredSample[] = [1, 0, 1].map((v, i) => ({ item_id: 'a', sample_index: i, score: { value: v, verdict: 'x', extracted: null } }));
    const avg = aimeMetrics(one, 3).find((m) => m.metric_id === 'avg_at_k');
    expect(avg?.value).toBeCloseTo(200 / 3, 10);
    expect(avg?.uncertainty).toEqual({ num_samples: 3 });
  });
});
