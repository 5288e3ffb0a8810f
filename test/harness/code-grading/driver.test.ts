// A grading driver imports driver_support from its working directory: the module must be there in the
// sandbox, in both modes, for grading and for comparison-only runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithDriver, DRIVER_SUPPORT, driverFiles, gradeWithDriver, type GradingDriver } from '../../../harness/code-grading/index.ts';
import { createSandboxPool, type SandboxMode, type SandboxPool } from '../../../harness/sandbox/index.ts';
import { bwrapMode } from '../sandbox/helpers.ts';

/** Grades a program by running it with the support module's stream isolation, preamble and alarm. */
const DRIVER: GradingDriver = {
  file: 'tiny_driver.py',
  source: [
    'import signal',
    'from driver_support import failure, import_prelude, isolate_streams, on_alarm',
    'payload, reporter = isolate_streams(show=repr)',
    'if "compare" in payload:',
    '    for got, want in payload["compare"]:',
    '        reporter.result(True if got.strip() == want.strip() else -2)',
    'else:',
    '    signal.signal(signal.SIGALRM, on_alarm)',
    '    for given, expected in zip(payload["inputs"], payload["outputs"]):',
    '        scope = {"given": given}',
    '        signal.alarm(payload["timeout"])',
    '        try:',
    '            exec(import_prelude("1000") + payload["code"], scope)',
    '            reporter.result(True if scope["answer"] == expected else -2)',
    '        except Exception as error:',
    '            failure(reporter, error, inputs=given)',
    '        finally:',
    '            signal.alarm(0)',
    'reporter.emit({"done": True})',
  ].join('\n'),
};

const TESTS = { fn_name: null, inputs: ['3 4', '10 -2'], outputs: ['7', '8'] };
// `defaultdict` comes from the preamble's star-imports, so a pass also shows the preamble was applied
const SUM = 'd = defaultdict(int)\nd[0] = sum(map(int, given.split()))\nanswer = str(d[0])';

async function withPool<T>(mode: SandboxMode, use: (pool: SandboxPool) => Promise<T>): Promise<T> {
  const pool = createSandboxPool(mode, 1);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

describe('driver_support in the sandbox', () => {
  let pool: SandboxPool;
  beforeAll(async () => {
    pool = createSandboxPool(await bwrapMode(), 2);
  });
  afterAll(() => pool.close());

  it('is importable by a driver that grades a program', async () => {
    const outcome = await gradeWithDriver(pool, DRIVER, SUM, TESTS, { testTimeoutS: 1 });
    expect(outcome).toMatchObject({ verdict: 'pass', details: { tests_passed: 2, tests_total: 2 } });
  });

  it('reports through the driver: wrong answers and time limits keep their codes', async () => {
    const wrong = await gradeWithDriver(pool, DRIVER, 'answer = "7"', TESTS, { testTimeoutS: 1 });
    expect(wrong).toMatchObject({ verdict: 'wrong_answer', details: { tests_passed: 1, error_code: -2 } });
    const slow = await gradeWithDriver(pool, DRIVER, 'while True:\n    pass', TESTS, { testTimeoutS: 1 });
    expect(slow).toMatchObject({ verdict: 'time_limit', details: { tests_passed: 0, error_code: -3, error: 'TimeoutException()' } });
  });

  it('is importable in comparison-only runs', async () => {
    expect(await compareWithDriver(pool, DRIVER, [['7 ', '7'], ['7', '8']])).toEqual([true, false]);
  });

  it('is importable in unsafe local mode too', async () => {
    const local: SandboxMode = { kind: 'unsafe-local', python: '/usr/bin/python3', prlimit: null };
    const outcome = await withPool(local, (p) => gradeWithDriver(p, DRIVER, SUM, TESTS, { testTimeoutS: 1 }));
    expect(outcome.verdict).toBe('pass');
  });
});

describe('driverFiles', () => {
  it('places the support module beside the driver', () => {
    expect(driverFiles(DRIVER)).toEqual({ [DRIVER_SUPPORT.file]: DRIVER_SUPPORT.source, [DRIVER.file]: DRIVER.source });
    expect(DRIVER_SUPPORT.source).toContain('def isolate_streams(');
  });

  it('refuses a driver that would overwrite the support module', () => {
    expect(() => driverFiles({ file: DRIVER_SUPPORT.file, source: 'pass' })).toThrow(/cannot be named driver_support\.py/);
  });
});
