// LiveBench coding (LCB_generation, coding_completion): extraction, test decoding, program assembly, and
// every fixture answer graded in the sandbox against the score LiveBench's own scorer gave it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithDriver, type GradingDriver } from '../../../../harness/code-grading/index.ts';
import type { JsonValue } from '../../../../harness/json.ts';
import { projectPath } from '../../../../harness/paths.ts';
import { createSandboxPool, resolveSandboxMode, type SandboxPool } from '../../../../harness/sandbox/index.ts';
import { extractFirstFencedBlock } from '../../../../suites/livebench/coding/extract.ts';
import { gradeCodingAnswer } from '../../../../suites/livebench/coding/grade.ts';
import { functionName, gradeTests, programFor } from '../../../../suites/livebench/coding/tests.ts';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { codingScorerFactory, scoreCoding } from '../../../../suites/livebench/scorers/coding.ts';
import { bwrapMode } from '../../../harness/sandbox/helpers.ts';

/** where Debian's python3-numpy lives, to hide it from the sandbox */
const numpyHome = dirname(dirname(execFileSync('/usr/bin/python3', ['-c', 'import numpy; print(numpy.__file__)'], { encoding: 'utf8' }).trim()));
const FIXTURES = new URL('../../../fixtures/livebench/coding/', import.meta.url);

function isRecord(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(row: { [key: string]: JsonValue }, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`fixture field ${key} missing`);
  return value;
}

/** The rows as LiveBench's question.jsonl holds them, as the suite's loader hands them to scorers. */
function question(row: { [key: string]: JsonValue }): LiveBenchQuestion {
  const turns = row['turns'];
  return {
    question_id: str(row, 'question_id'),
    category: str(row, 'category'),
    task: str(row, 'task'),
    subtask: null,
    turns: Array.isArray(turns) ? turns.filter((t): t is string => typeof t === 'string') : [],
    livebench_release_date: str(row, 'livebench_release_date'),
    livebench_removal_date: str(row, 'livebench_removal_date'),
    ground_truth: null,
    raw: row,
  };
}

const questions = new Map<string, LiveBenchQuestion>();
for (const task of ['LCB_generation', 'coding_completion']) {
  for (const line of readFileSync(new URL(`live_bench/coding/${task}/question.jsonl`, FIXTURES), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row: JsonValue = JSON.parse(line);
    if (isRecord(row)) questions.set(str(row, 'question_id'), question(row));
  }
}
const answersFile: JsonValue = JSON.parse(readFileSync(new URL('answers.json', FIXTURES), 'utf8'));
const answers = (Array.isArray(answersFile) ? answersFile : []).filter(isRecord).map((a) => ({ id: str(a, 'id'), questionId: str(a, 'question_id'), answer: str(a, 'answer') }));
const referenceFile: JsonValue = JSON.parse(readFileSync(new URL('reference-scores.json', FIXTURES), 'utf8'));
const referenceScores = isRecord(referenceFile) && isRecord(referenceFile['scores']) ? referenceFile['scores'] : {};

function byTitle(title: string): LiveBenchQuestion {
  for (const q of questions.values()) if (q.raw['question_title'] === title) return q;
  throw new Error(`fixture question ${title} missing`);
}

let pool: SandboxPool;
beforeAll(async () => {
  pool = createSandboxPool(await bwrapMode(), 2);
});
afterAll(() => pool.close());

describe('extract_code (first fenced block)', () => {
  it('takes the first block, ignores the language tag and needs two fence lines', () => {
    expect(extractFirstFencedBlock('a\n```python\nx = 1\n```\nb\n```\ny = 2\n```')).toBe('x = 1');
    expect(extractFirstFencedBlock('```\nx = 1\n```')).toBe('x = 1');
    expect(extractFirstFencedBlock('text ```py3 inline\nx\ny ``` end')).toBe('x');
    expect(extractFirstFencedBlock('```python\nx = 1')).toBe('');
    expect(extractFirstFencedBlock('no code')).toBe('');
  });

  it('keeps the backtick case: a whole answer inside single backticks', () => {
    expect(extractFirstFencedBlock('`print(1)`')).toBe('print(1)');
    expect(extractFirstFencedBlock('``')).toBe('');
    expect(extractFirstFencedBlock('`')).toBe('');
    expect(extractFirstFencedBlock('`a\nb`')).toBe('a\nb');
  });
});

describe('question fields', () => {
  it('decodes JSON and base64/zlib/pickle private tests, public first', () => {
    const top = byTitle('Top Two');
    expect(String(top.raw['private_test_cases']).startsWith('eJ')).toBe(true);
    expect(gradeTests(top)).toEqual({ fn_name: 'topTwo', inputs: ['[1, 5, 3]', '[2, 2]', '[-1, -7, 0, 4]'], outputs: ['[5, 3]', '[2, 2]', '[4, 0]'] });
    expect(gradeTests(byTitle('Add Two'))).toEqual({ fn_name: null, inputs: ['3 4\n', '10 -2\n', '0 0\n'], outputs: ['7\n', '8\n', '0\n'] });
  });

  it('reads func_name from original_json.metadata, as an object or as JSON text', () => {
    const add = byTitle('Add Two');
    expect(functionName(add)).toBeNull();
    const asText = { ...add, raw: { ...add.raw, original_json: JSON.stringify({ metadata: '{"func_name": "f"}' }) } };
    expect(functionName(asText)).toBe('f');
    const nullName = { ...add, raw: { ...add.raw, original_json: { metadata: '{"func_name": null}' } } };
    expect(functionName(nullName)).toBeNull();
    const broken = { ...add, raw: { ...add.raw, original_json: { metadata: 'nope' } } };
    expect(() => functionName(broken)).toThrow(/original_json\.metadata" is not JSON/);
    const missing = { ...add, raw: { ...add.raw, private_test_cases: null } };
    expect(() => gradeTests(missing)).toThrow(/field "private_test_cases" must be a string/);
  });

  it('prefixes partial_solution and a newline for coding_completion only', () => {
    const largest = byTitle('Largest');
    expect(programFor(largest, '    print(max(nums))')).toBe(`${String(largest.raw['partial_solution'])}\n    print(max(nums))`);
    expect(programFor(byTitle('Add Two'), 'print(1)')).toBe('print(1)');
    expect(programFor({ ...largest, raw: { ...largest.raw, partial_solution: '' } }, 'x')).toBe('x');
  });
});

describe('grading in the sandbox', () => {
  it('gives every fixture answer the score LiveBench a8f61ff gives it', async () => {
    expect(answers.length).toBeGreaterThanOrEqual(45);
    const ours: Record<string, number> = {};
    // 2 s per test instead of 6: no fixture program runs between the two, so verdicts do not change
    const graded = await Promise.all(
      answers.map(async (a) => {
        const q = questions.get(a.questionId);
        if (!q) throw new Error(`answer ${a.id}: no question ${a.questionId}`);
        return [a.id, (await gradeCodingAnswer(pool, q, a.answer, undefined, { testTimeoutS: 2 })).score] as const;
      }),
    );
    for (const [id, score] of graded) ours[id] = score;
    expect(ours).toEqual(referenceScores);
  }, 120_000);

  it('labels verdicts: pass, wrong answer, time limit, runtime error, no code', async () => {
    const add = byTitle('Add Two');
    const fast = { testTimeoutS: 1 };
    const grade = (answer: string) => gradeCodingAnswer(pool, add, answer, undefined, fast);
    expect(await grade('```python\na, b = map(int, input().split())\nprint(a + b)\n```')).toMatchObject({ score: 1, verdict: 'pass', details: { tests_passed: 3, tests_total: 3, call_based: false } });
    expect(await grade('```python\nprint(7)\n```')).toMatchObject({ score: 0, verdict: 'wrong_answer', details: { tests_passed: 1 } });
    expect(await grade('```python\nwhile True:\n    pass\n```')).toMatchObject({ score: 0, verdict: 'time_limit' });
    expect(await grade('```python\nprint(1 // 0)\n```')).toMatchObject({ score: 0, verdict: 'runtime_error' });
    expect(await grade('nothing')).toMatchObject({ score: 0, verdict: 'no_code', extracted: null });
    const even = await gradeCodingAnswer(pool, byTitle('Count Even'), '```python\n        return sum(1 for x in nums if x % 2 == 0)\n```', undefined, fast);
    expect(even).toMatchObject({ score: 1, details: { call_based: true, prefixed: true } });
  });

  it('compares stdout with the upstream ladder: stripped lines, blank lines dropped, float tolerance per whole line', async () => {
    const driver: GradingDriver = { file: 'd.py', source: readFileSync(projectPath('suites', 'livebench', 'coding', 'driver.py'), 'utf8') };
    const pairs: [string, string][] = [
      ['7\n', '7'],
      ['  7  \n', '7\n'],
      ['1\n\n2\n', '1\n2\n'],
      ['0.333333333\n', '0.3333333333\n'],
      ['0.333\n', '0.3333333333\n'],
      ['1 2\n', '1  2\n'],
      ['1.0 2\n', '1 2\n'],
      ['007\n', '7\n'],
      ['inf\n', 'inf\n'],
      ['YES\n', 'yes\n'],
      ['', ''],
      ['1\r\n2', '1\n2'],
    ];
    expect(await compareWithDriver(pool, driver, pairs)).toEqual([true, true, true, true, false, false, false, false, true, false, true, true]);
  });

  it('agrees with LiveBench run_test on 400 generated stdout/expected pairs', async () => {
    const driver: GradingDriver = { file: 'd.py', source: readFileSync(projectPath('suites', 'livebench', 'coding', 'driver.py'), 'utf8') };
    const file: JsonValue = JSON.parse(readFileSync(new URL('ladder-cases.json', FIXTURES), 'utf8'));
    const cases = (Array.isArray(file) ? file : []).filter(isRecord);
    expect(cases).toHaveLength(400);
    const pairs: [string, string][] = cases.map((c) => [str(c, 'printed'), str(c, 'expected')]);
    const ours = await compareWithDriver(pool, driver, pairs);
    expect(ours).toEqual(cases.map((c) => c['upstream'] === true));
    // without numpy the driver's own allclose takes over and must agree as well
    const noNumpy = createSandboxPool(await resolveSandboxMode({ unsafeLocalExec: false, hidePaths: [numpyHome] }), 1);
    try {
      expect(await compareWithDriver(noNumpy, driver, pairs)).toEqual(ours);
    } finally {
      await noNumpy.close();
    }
  });
});

describe('scoreCoding factory', () => {
  const numpyAnswer = '```python\nimport numpy as np\nprint(int(np.array(list(map(int, input().split()))).sum()))\n```';

  it('creates a pool, records the sandbox Python and numpy, scores, and closes', async () => {
    const created = await scoreCoding.create({ signal: new AbortController().signal });
    try {
      expect(created.deviations).toEqual([]);
      expect(created.facts['sandbox_modules']).toEqual({ numpy: expect.stringMatching(/^\d+\.\d+/) });
      expect(created.facts['sandbox_python_version']).toMatch(/^3\.\d+\.\d+$/);
      expect(created.facts['coding_test_timeout_s']).toBe(6);
      const score = await created.scorer(byTitle('Add Two'), numpyAnswer, { signal: new AbortController().signal });
      expect(score).toMatchObject({ score: 1, extracted: expect.stringContaining('import numpy') });
    } finally {
      await created.close();
    }
  });

  it('shares one pool between the two coding tasks of a run and closes it with the last scorer', async () => {
    const factory = codingScorerFactory({ poolSize: 1 });
    const signal = new AbortController().signal;
    const correct = '```python\nprint(sum(map(int, input().split())))\n```';
    const first = await factory.create({ signal });
    const second = await factory.create({ signal });
    await first.close();
    await first.close();
    // the pool is the second scorer's too, so it still runs the first scorer's programs
    expect((await first.scorer(byTitle('Add Two'), correct, { signal })).score).toBe(1);
    expect((await second.scorer(byTitle('Add Two'), correct, { signal })).score).toBe(1);
    await second.close();
    await expect(second.scorer(byTitle('Add Two'), correct, { signal })).rejects.toThrow(/closed/);
    const later = await factory.create({ signal });
    try {
      expect((await later.scorer(byTitle('Add Two'), correct, { signal })).score).toBe(1);
    } finally {
      await later.close();
    }
  });

  it('with numpy hidden from the sandbox: grading runs, a numpy program fails and the deviation is named', async () => {
    const created = await codingScorerFactory({ hidePaths: [numpyHome], poolSize: 1 }).create({ signal: new AbortController().signal });
    try {
      expect(created.deviations).toEqual(['sandbox-missing-numpy']);
      expect(created.facts['sandbox_modules']).toEqual({ numpy: 'missing' });
      const signal = new AbortController().signal;
      expect((await created.scorer(byTitle('Add Two'), numpyAnswer, { signal })).score).toBe(0);
      expect((await created.scorer(byTitle('Add Two'), '```python\nprint(sum(map(int, input().split())))\n```', { signal })).score).toBe(1);
    } finally {
      await created.close();
    }
  });
});
