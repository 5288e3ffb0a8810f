// The sandbox's libraries as protocol facts: a numpy program passes, and with numpy hidden from the
// sandbox the run names the deviation, which makes its rows not comparable.
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GradingSession, GradingSessionOptions } from '../../../harness/code-grading/index.ts';
import { compareFacts } from '../../../harness/compare/facts.ts';
import { DETAIL_KEYS } from '../../../harness/results/generation-details.ts';
import type { Completion, RunFlags, SuiteSession } from '../../../harness/suite.ts';
import { suite, type Problem } from '../../../suites/livecodebench/index.ts';
import { optionsSchema } from '../../../suites/livecodebench/options.ts';

const numpyHome = dirname(dirname(execFileSync('/usr/bin/python3', ['-c', 'import numpy; print(numpy.__file__)'], { encoding: 'utf8' }).trim()));
const hidden = { on: false };

// the suite opens its session through this module; a test run may hide numpy's directory from the sandbox
vi.mock('../../../harness/code-grading/session.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../harness/code-grading/session.ts')>();
  return {
    ...original,
    openGradingSession: (options: GradingSessionOptions) => original.openGradingSession(hidden.on ? { ...options, hidePaths: [numpyHome] } : options),
  };
});

const FIXTURE = fileURLToPath(new URL('../../fixtures/livecodebench/problems.jsonl', import.meta.url));
const options = optionsSchema.parse({ test_timeout_s: 2 });
const flagsFor = (): RunFlags => ({ unsafeLocalExec: false, model: { name: 'm', id: 'm' }, judge: null, runDir: '/nonexistent' });
const completion = (content: string): Completion => ({ content, reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null });
const NUMPY_PROGRAM = '```python\nimport numpy as np\na, b = map(int, input().split())\nprint(int(np.array([a, b]).sum()))\n```';

const problems: Problem[] = [];
const opened: SuiteSession<GradingSession>[] = [];
beforeAll(async () => {
  const layout = suite.localLayout?.(FIXTURE, options) ?? {};
  for await (const p of suite.load({ paths: layout, origin: 'local', revision: 'local', sha256: {} }, options)) problems.push(p);
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
});

async function start(hideNumpy: boolean): Promise<{ flags: RunFlags; session: SuiteSession<GradingSession> }> {
  hidden.on = hideNumpy;
  const flags = flagsFor();
  const session = await suite.setup(options, flags);
  opened.push(session);
  return { flags, session };
}

describe('livecodebench sandbox environment', () => {
  it('passes a program that imports numpy, and records the interpreter and numpy versions', async () => {
    const { flags, session } = await start(false);
    const [add] = problems;
    if (!add) throw new Error('fixture missing');
    const score = await suite.score(add, completion(NUMPY_PROGRAM), { judge: null, signal: new AbortController().signal, options, session: session.value });
    expect(score.verdict).toBe('pass');
    const facts = suite.protocol(options, flags);
    expect(facts.deviations).toEqual([]);
    expect(facts.details['sandbox_python_version']).toMatch(/^3\.\d+\.\d+$/);
    expect(facts.details['sandbox_modules']).toEqual({ numpy: expect.stringMatching(/^\d+\.\d+/) });
  });

  it('with numpy hidden: grading still runs, the deviation is named and the row is not comparable', async () => {
    const { flags, session } = await start(true);
    const [add] = problems;
    if (!add) throw new Error('fixture missing');
    const ctx = { judge: null, signal: new AbortController().signal, options, session: session.value };
    expect((await suite.score(add, completion(NUMPY_PROGRAM), ctx)).verdict).toBe('runtime_error');
    expect((await suite.score(add, completion('```python\na, b = map(int, input().split())\nprint(a + b)\n```'), ctx)).verdict).toBe('pass');
    const facts = suite.protocol(options, flags);
    expect(facts.deviations).toEqual(['sandbox-missing-numpy']);
    expect(facts.details['sandbox_modules']).toEqual({ numpy: 'missing' });
    // the run's facts as the results writer records them, against a reference that names no deviation
    const run = new Map([[DETAIL_KEYS.deviations, JSON.stringify(facts.deviations)]]);
    expect(compareFacts(run, new Map()).differs).toEqual([{ field: 'deviations', run: 'sandbox-missing-numpy', reference: 'none (official protocol)' }]);
    // protocol facts without a run (spec.json, the resume hash) never depend on the machine
    expect(suite.protocol(options).details['sandbox_modules']).toBeUndefined();
  });
});
