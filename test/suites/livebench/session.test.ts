// The scoring session: factories start on first use, once per factory, and close with the session;
// a throwing scorer scores 0 with a scoring error; a factory that cannot start leaves the sample unscored.
import { describe, expect, it } from 'vitest';
import type { LiveBenchOptions } from '../../../suites/livebench/options.ts';
import type { LiveBenchQuestion } from '../../../suites/livebench/question.ts';
import type { ScorerFactory, TaskScorer } from '../../../suites/livebench/scorers/types.ts';
import { factoryReport, openSession, scoreAnswer, stripThinking } from '../../../suites/livebench/session.ts';

const options: LiveBenchOptions = { release: '2024-11-25', categories: ['coding', 'math'], tasks: ['LCB_generation', 'coding_completion', 'AMPS_Hard'], system_prompt: null, explicit: true };

function question(task: string): LiveBenchQuestion {
  return { question_id: `${task}-1`, category: 'x', task, subtask: null, turns: ['q'], livebench_release_date: '2024-11-25', livebench_removal_date: '', ground_truth: 'g', raw: {} };
}

function countingFactory(scorer: TaskScorer, counts: { created: number; closed: number }): ScorerFactory {
  return {
    async create() {
      counts.created += 1;
      return { scorer, close: async () => void (counts.closed += 1), facts: { python: '3.11' }, deviations: ['d'] };
    },
  };
}

const signal = new AbortController().signal;

describe('livebench scoring session', () => {
  it('creates a factory once for all its tasks, only when one of them is scored, and closes it', async () => {
    const coding = { created: 0, closed: 0 };
    const math = { created: 0, closed: 0 };
    const half: TaskScorer = () => ({ score: 0.5, extracted: 'x' });
    const shared = countingFactory(half, coding);
    const session = await openSession({ LCB_generation: shared, coding_completion: shared, AMPS_Hard: countingFactory(half, math) }, options, { unsafeLocalExec: false });
    await Promise.all([
      scoreAnswer(session.value, question('LCB_generation'), 'a', signal),
      scoreAnswer(session.value, question('coding_completion'), 'a', signal),
    ]);
    await session.close();
    expect(coding).toEqual({ created: 1, closed: 1 });
    expect(math).toEqual({ created: 0, closed: 0 });
    expect(factoryReport(options)).toEqual({ facts: { 'LCB_generation+coding_completion.python': '3.11' }, deviations: ['LCB_generation+coding_completion: d'] });
  });

  it('a scorer that throws gives 0 with the message; a factory that fails to start is an error of the sample', async () => {
    const throwing: TaskScorer = () => {
      throw new Error('IndexError: list index out of range');
    };
    const broken: ScorerFactory = { create: async () => Promise.reject(new Error('no python3 with sympy')) };
    const session = await openSession({ LCB_generation: throwing, coding_completion: throwing, AMPS_Hard: broken }, options, { unsafeLocalExec: false });
    const scored = await scoreAnswer(session.value, question('LCB_generation'), 'a', signal);
    expect(scored).toMatchObject({ value: 0, verdict: 'scoring_error', scoring_error: 'IndexError: list index out of range', groups: { task: 'LCB_generation', subtask: 'LCB_generation' } });
    await expect(scoreAnswer(session.value, question('AMPS_Hard'), 'a', signal)).rejects.toThrow(/no python3 with sympy/);
    await session.close();
  });

  it('passes the run\'s --unsafe-local-exec to the factories (the coding sandbox reads it)', async () => {
    const seen: Array<boolean | undefined> = [];
    const factory: ScorerFactory = {
      async create(resources) {
        seen.push(resources.unsafeLocalExec);
        return { scorer: () => ({ score: 1, extracted: null }), close: async () => {}, facts: {}, deviations: [] };
      },
    };
    const session = await openSession({ LCB_generation: factory, coding_completion: factory, AMPS_Hard: factory }, options, { unsafeLocalExec: true });
    await scoreAnswer(session.value, question('LCB_generation'), 'a', signal);
    await session.close();
    expect(seen).toEqual([true]);
  });

  it('keeps a connections score above 1 (a repeated correct group counts again upstream); other tasks stay in [0, 1]', async () => {
    const repeated: TaskScorer = () => ({ score: 1.5, extracted: 'a,b,c,d' });
    const connections: LiveBenchOptions = { ...options, categories: ['language', 'math'], tasks: ['connections', 'AMPS_Hard'] };
    const session = await openSession({ connections: repeated, AMPS_Hard: repeated }, connections, { unsafeLocalExec: false });
    expect(await scoreAnswer(session.value, question('connections'), 'a', signal)).toMatchObject({ value: 1.5, verdict: 'correct' });
    expect(await scoreAnswer(session.value, question('AMPS_Hard'), 'a', signal)).toMatchObject({ value: 0, verdict: 'scoring_error' });
    await session.close();
  });

  it('removes <think> blocks as LiveBench does (non-greedy, across lines)', () => {
    expect(stripThinking('<think>a\nb</think>x<think>c</think>y')).toBe('xy');
  });
});
