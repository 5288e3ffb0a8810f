// Grading fixture problems in the sandbox: verdicts for correct, wrong, crashing, slow and hostile programs.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxPool, type SandboxPool } from '../../../harness/sandbox/index.ts';
import { compareOutputs, gradeProgram, type GradeLimits, type GradeTests } from '../../../suites/livecodebench/grade.ts';
import { decodeTestCases } from '../../../harness/code-grading/test-cases.ts';
import { bwrapMode } from '../../harness/sandbox/helpers.ts';

type Row = { question_id: string; public_test_cases: string; private_test_cases: string; metadata: string };
const rows = new Map<string, Row>();
for (const line of readFileSync(new URL('../../fixtures/livecodebench/problems.jsonl', import.meta.url), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const value: unknown = JSON.parse(line);
  const get = (key: string): string => {
    const v: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
    return typeof v === 'string' ? v : '';
  };
  rows.set(get('question_id'), { question_id: get('question_id'), public_test_cases: get('public_test_cases'), private_test_cases: get('private_test_cases'), metadata: get('metadata') });
}

function testsOf(id: string): GradeTests {
  const row = rows.get(id);
  if (!row) throw new Error(`fixture ${id} missing`);
  const tests = [...decodeTestCases(row.public_test_cases), ...decodeTestCases(row.private_test_cases)];
  const meta: unknown = JSON.parse(row.metadata);
  const fn: unknown = typeof meta === 'object' && meta !== null ? Reflect.get(meta, 'func_name') : undefined;
  return { fn_name: typeof fn === 'string' ? fn : null, inputs: tests.map((t) => t.input), outputs: tests.map((t) => t.output) };
}

let pool: SandboxPool;
beforeAll(async () => {
  pool = createSandboxPool(await bwrapMode(), 2);
});
afterAll(() => pool.close());

const FAST: GradeLimits = { testTimeoutS: 1, sampleTimeoutS: 4 };
const grade = (id: string, code: string, limits: GradeLimits = FAST) => gradeProgram(pool, code, testsOf(id), limits);

describe('stdin problems', () => {
  it('passes a correct program, including one behind a __main__ guard', async () => {
    expect((await grade('fxa001_a', 'a, b = map(int, input().split())\nprint(a + b)')).verdict).toBe('pass');
    const guarded = 'import sys\ndef main():\n    a, b = map(int, sys.stdin.readline().split())\n    print(a + b)\n\nif __name__ == "__main__":\n    main()';
    const outcome = await grade('fxa001_a', guarded);
    expect(outcome.verdict).toBe('pass');
    expect(outcome.details['tests_passed']).toBe(5);
  });

  it('stops at the first wrong test', async () => {
    const outcome = await grade('fxa001_a', 'a, b = map(int, input().split())\nprint(a + b if a != 10 else 0)');
    expect(outcome.verdict).toBe('wrong_answer');
    expect(outcome.details['tests_passed']).toBe(1);
    expect(outcome.details['error_code']).toBe(-2);
  });

  it('labels crashes, syntax errors and slow programs', async () => {
    expect((await grade('fxa001_a', 'raise ValueError("boom")')).verdict).toBe('runtime_error');
    expect((await grade('fxa001_a', 'def broken(:\n    pass')).verdict).toBe('runtime_error');
    const slow = await grade('fxa001_a', 'while True:\n    pass');
    expect(slow.verdict).toBe('time_limit');
    expect(slow.details['error_code']).toBe(-3);
  });

  it('compares numeric tokens as exact decimals', async () => {
    expect((await grade('fxa003_c', 'n, k = map(int, input().split())\nprint(n / k)\nprint(n, k)')).verdict).toBe('pass');
    expect((await grade('fxa003_c', 'n, k = map(int, input().split())\nprint(n / k + 1e-12)\nprint(n, k)')).verdict).toBe('wrong_answer');
  });

  it('serves the test input through the process stdin object too, as upstream patches it', async () => {
    // bound at module level before the test runs: upstream patches read/readline/readlines on that object
    expect((await grade('fxa001_a', 'from sys import stdin\ninput = stdin.readline\na, b = map(int, input().split())\nprint(a + b)')).verdict).toBe('pass');
    expect((await grade('fxa001_a', 'from sys import stdin\nprint(sum(map(int, stdin.read().split())))')).verdict).toBe('pass');
    expect((await grade('fxa001_a', 'print(sum(map(int, stdin.read().split())))')).verdict).toBe('pass');
    expect((await grade('fxa001_a', 'from sys import stdin\nprint(sum(int(x) for l in stdin.readlines() for x in l.split()))')).verdict).toBe('pass');
  });

  it('keeps upstream quirks: preamble imports, wrapped program, non-iterable stdin', async () => {
    expect((await grade('fxa001_a', 'd = defaultdict(int)\nd[0] = sum(map(int, input().split()))\nprint(d[0])')).verdict).toBe('pass');
    expect((await grade('fxa001_a', 'import sys\nfor line in sys.stdin:\n    print(sum(map(int, line.split())))')).verdict).toBe('runtime_error');
    expect((await grade('fxa001_a', 'import sys\nprint(sum(map(int, sys.stdin.buffer.read().split())))')).verdict).toBe('pass');
    expect((await grade('fxa001_a', 'a, b = map(int, input().split())\nprint(a + b)\nexit()')).verdict).toBe('pass');
  });
});

describe('functional problems', () => {
  it('passes a correct method, accepting a tuple result', async () => {
    const code = 'class Solution:\n    def twoLargest(self, nums: List[int]) -> List[int]:\n        s = sorted(nums, reverse=True)\n        return (s[0], s[1])';
    expect((await grade('fx0002', code)).verdict).toBe('pass');
  });

  it('fails a wrong method and a missing method', async () => {
    const wrong = await grade('fx0002', 'class Solution:\n    def twoLargest(self, nums):\n        return sorted(nums)[:2]');
    expect(wrong.verdict).toBe('wrong_answer');
    expect((await grade('fx0002', 'class Solution:\n    def other(self, nums):\n        return nums')).verdict).toBe('runtime_error');
  });

  it('reuses one Solution instance across tests', async () => {
    const stateful = [
      'class Solution:',
      '    calls = 0',
      '    def twoLargest(self, nums):',
      '        self.calls += 1',
      '        s = sorted(nums, reverse=True)[:2]',
      '        return s if self.calls == 1 else s[::-1]',
    ].join('\n');
    const outcome = await grade('fx0002', stateful);
    // test 2 ([2, 2]) reads the same reversed; test 3 exposes the carried-over state
    expect(outcome.verdict).toBe('wrong_answer');
    expect(outcome.details['tests_passed']).toBe(2);
  });
});

describe('stdout comparison rule', () => {
  it('matches lines after strip, then exact Decimal tokens', async () => {
    const cases: [string, string, boolean][] = [
      ['7.0', '7', true],
      ['1e0', '1', true],
      ['0.10', '0.1', true],
      ['-0', '0', true],
      ['1_000', '1000', true],
      ['1   2', '1 2', true],
      ['  3  \n', '3', true],
      ['3\r\n4\r\n', '3\n4', true],
      ['\n\n5\n\n', '5', true],
      ['123456789012345678901234567890', '123456789012345678901234567891', false],
      ['7.0000001', '7', false],
      ['yes', 'YES', false],
      ['a   b', 'a b', false],
      ['1\n\n2', '1\n2', false],
      ['1 2', '1 2 3', false],
      ['NaN', 'nan', false],
    ];
    const results = await compareOutputs(pool, cases.map(([a, b]) => [a, b]));
    expect(results).toEqual(cases.map(([, , ok]) => ok));
  });
});

describe('hostile programs are contained and fail', () => {
  // each would print the right answer only if it escaped; contained, it must fail
  const hostile: [string, string][] = [
    ['network', 'import socket\na, b = map(int, input().split())\ntry:\n    socket.create_connection(("1.1.1.1", 80), timeout=1)\n    print(a + b)\nexcept OSError:\n    print("blocked")'],
    ['environment', 'import os\na, b = map(int, input().split())\nprint(a + b if os.environ.get("PARITY_FAKE_API_KEY") else "no key")'],
    ['fork bomb', 'import posix\nwhile True:\n    try: posix.fork()\n    except OSError: pass'],
    ['unbounded allocation', 'x = []\nwhile True:\n    x.append(bytearray(10**8))'],
    ['gigabytes of output', 'while True:\n    print("x" * 100000)'],
  ];
  for (const [name, code] of hostile) {
    it(name, async () => {
      process.env['PARITY_FAKE_API_KEY'] = 'sk-fake-0123456789';
      try {
        const outcome = await grade('fxa001_a', code, { testTimeoutS: 1, sampleTimeoutS: 3 });
        expect(outcome.verdict).not.toBe('pass');
        expect(outcome.verdict).not.toBe('no_code');
      } finally {
        delete process.env['PARITY_FAKE_API_KEY'];
      }
    });
  }
});

describe('stderr', () => {
  it('ignores what a program writes to stderr, as upstream does', async () => {
    const chatty = 'import sys\nfor _ in range(200):\n    sys.stderr.write("debug " * 10000)\na, b = map(int, input().split())\nprint(a + b)';
    expect((await grade('fxa001_a', chatty)).verdict).toBe('pass');
  });
});
