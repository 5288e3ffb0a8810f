// The suite end to end over the fixture file: load, prompt, score through the sandbox pool, aggregate.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Completion, RunFlags, ScoredSample, SuiteSession } from '../../../harness/suite.ts';
import type { GradingSession } from '../../../harness/code-grading/index.ts';
import { suite, type Problem } from '../../../suites/livecodebench/index.ts';
import { aggregateMetrics } from '../../../suites/livecodebench/metrics.ts';
import { optionsSchema } from '../../../suites/livecodebench/options.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/livecodebench/problems.jsonl', import.meta.url));
const options = optionsSchema.parse({ test_timeout_s: 2 });
const flags: RunFlags = { unsafeLocalExec: false, model: { name: 'm', id: 'm' }, judge: null, runDir: '/nonexistent' };

function completion(content: string): Completion {
  return { content, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null };
}

let session: SuiteSession<GradingSession>;
const problems: Problem[] = [];
beforeAll(async () => {
  session = await suite.setup(options, flags);
  const layout = suite.localLayout?.(FIXTURE, options) ?? {};
  for await (const p of suite.load({ paths: layout, origin: 'local', revision: 'local', sha256: {} }, options)) problems.push(p);
});
afterAll(() => session.close());

const ctx = () => ({ judge: null, signal: new AbortController().signal, options, session: session.value });

describe('livecodebench suite', () => {
  it('loads the in-window fixture problems and builds chat requests', () => {
    expect(problems.map((p) => suite.itemId(p))).toEqual(['fxa001_a', 'fx0002', 'fxa003_c']);
    const functional = problems[1];
    if (!functional) throw new Error('fixture missing');
    const request = suite.request(functional, options);
    expect(request.kind).toBe('chat');
    expect(JSON.stringify(request)).toContain('def twoLargest');
  });

  it('scores correct, wrong and code-less answers', async () => {
    const [add] = problems;
    if (!add) throw new Error('fixture missing');
    const right = await suite.score(add, completion('Sure.\n```python\na, b = map(int, input().split())\nprint(a + b)\n```'), ctx());
    expect(right).toMatchObject({ value: 1, verdict: 'pass', groups: { difficulty: 'easy' } });
    expect(right.details?.['executor']).toBe('bwrap');
    const wrong = await suite.score(add, completion('```python\nprint(0)\n```'), ctx());
    expect(wrong).toMatchObject({ value: 0, verdict: 'wrong_answer' });
    const none = await suite.score(add, completion('I cannot solve this.'), ctx());
    expect(none).toMatchObject({ value: 0, verdict: 'no_code', extracted: null });
  });

  it('simulated correct answers pass the real grader and wrong ones fail', async () => {
    for (const problem of problems) {
      const good = await suite.score(problem, completion(suite.simulate?.(problem, true, options) ?? ''), ctx());
      const bad = await suite.score(problem, completion(suite.simulate?.(problem, false, options) ?? ''), ctx());
      expect([problem.question_id, good.verdict]).toEqual([problem.question_id, 'pass']);
      expect(bad.value).toBe(0);
    }
  });

  it('records the window and no deviations by default', () => {
    const facts = suite.protocol(options);
    expect(facts.deviations).toEqual([]);
    expect(facts.details['window']).toEqual({ release: 'release_v6', start_date: '2025-02-01', end_date: '2025-05-01' });
    expect(suite.scoreConcurrency?.(options, flags)).toBe(session.value.pool.size);
  });

  it('refuses to set up without bwrap unless unsafe local execution was chosen', async () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(suite.setup(options, flags)).rejects.toThrow(/apt-get install bubblewrap/);
      const unsafe = await suite.setup(options, { ...flags, unsafeLocalExec: true });
      expect(unsafe.value.pool.mode.kind).toBe('unsafe-local');
      await unsafe.close();
    } finally {
      process.env['PATH'] = saved;
    }
  });

  it('names unsafe-local-exec as a deviation only when it really runs unsandboxed', () => {
    const unsafe = { ...flags, unsafeLocalExec: true };
    expect(suite.protocol(options, unsafe).deviations).toEqual([]);
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      expect(suite.protocol(options, unsafe).deviations).toEqual(['unsafe-local-exec']);
    } finally {
      process.env['PATH'] = saved;
    }
  });
});

function sample(item: string, index: number, value: number, difficulty: string, verdict = value ? 'pass' : 'wrong_answer'): ScoredSample {
  return { item_id: item, sample_index: index, score: { value, verdict, extracted: null, groups: { difficulty } } };
}

describe('aggregate', () => {
  it('averages per-problem pass@1 over problems, with slices, SE and verdict counts', () => {
    const samples = [
      sample('a', 0, 1, 'easy'), sample('a', 1, 1, 'easy'), sample('a', 2, 0, 'easy', 'time_limit'), sample('a', 3, 1, 'easy'),
      sample('b', 0, 0, 'hard'), sample('b', 1, 0, 'hard', 'no_code'), sample('b', 2, 0, 'hard'), sample('b', 3, 0, 'hard'),
      sample('c', 0, 1, 'hard'), sample('c', 1, 0, 'hard'), sample('c', 2, 0, 'hard'), sample('c', 3, 0, 'hard'),
    ];
    const metrics = aggregateMetrics(samples, options);
    const headline = metrics.filter((m) => m.headline);
    expect(headline).toHaveLength(1);
    const [main] = headline;
    // per problem c/n: 0.75, 0, 0.25 -> mean 1/3
    expect(main?.evaluation_name).toBe('livecodebench');
    expect(main?.value).toBeCloseTo(100 / 3, 10);
    const sd = Math.sqrt(((0.75 - 1 / 3) ** 2 + (1 / 3) ** 2 + (0.25 - 1 / 3) ** 2) / 2);
    expect(main?.uncertainty?.standard_error?.value).toBeCloseTo((100 * sd) / Math.sqrt(3), 10);
    expect(main?.details?.['verdicts']).toEqual({ pass: 4, wrong_answer: 6, runtime_error: 0, time_limit: 1, no_code: 1 });
    const hard = metrics.find((m) => m.evaluation_name === 'livecodebench/difficulty=hard');
    expect(hard?.value).toBeCloseTo(12.5, 10);
    expect(metrics.find((m) => m.metric_id === 'time_limit_samples')?.value).toBe(1);
    expect(main?.metric_id).toBe('pass_at_k');
    expect(main?.parameters).toEqual({ k: 1 });
    expect(metrics.some((m) => m.metric_id === 'pass_at_k' && m.parameters['k'] === 5)).toBe(false);
  });
});
