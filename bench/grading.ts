// LiveCodeBench grading throughput: a fixed mix of correct, wrong and slow solutions through the sandbox pool.
import { availableParallelism } from 'node:os';
import { createSandboxPool, resolveSandboxMode } from '../harness/sandbox/index.ts';
import { gradeProgram, type GradeOutcome, type GradeTests } from '../suites/livecodebench/grade.ts';

const TESTS_PER_PROBLEM = 20;

/** Deterministic tests: stdin "sum of a list", functional "max of a list". */
function problems(): { stdin: GradeTests; functional: GradeTests } {
  const lists = Array.from({ length: TESTS_PER_PROBLEM }, (_, t) => Array.from({ length: 200 + 50 * t }, (_, i) => ((i * 7919 + t * 104729) % 2001) - 1000));
  return {
    stdin: {
      fn_name: null,
      inputs: lists.map((xs) => `${xs.length}\n${xs.join(' ')}\n`),
      outputs: lists.map((xs) => `${xs.reduce((a, b) => a + b, 0)}\n`),
    },
    functional: {
      fn_name: 'maxValue',
      inputs: lists.map((xs) => JSON.stringify(xs)),
      outputs: lists.map((xs) => String(Math.max(...xs))),
    },
  };
}

type Job = { kind: string; tests: GradeTests; code: string };

function jobs(): Job[] {
  const { stdin, functional } = problems();
  const out: Job[] = [];
  for (let i = 0; i < 40; i++) out.push({ kind: 'correct', tests: stdin, code: 'n = int(input())\nprint(sum(map(int, input().split())))' });
  for (let i = 0; i < 40; i++) {
    out.push({ kind: 'correct', tests: functional, code: 'class Solution:\n    def maxValue(self, nums: List[int]) -> int:\n        return max(nums)' });
  }
  for (let i = 0; i < 20; i++) {
    // right on the first half of the tests, wrong from then on
    out.push({ kind: 'wrong', tests: stdin, code: `n = int(input())\ns = sum(map(int, input().split()))\nprint(s if n < ${200 + 50 * 10} else s + 1)` });
  }
  for (let i = 0; i < 4; i++) out.push({ kind: 'slow', tests: stdin, code: 'n = int(input())\nwhile True:\n    n += 1' });
  return out;
}

export async function runGradingBench(): Promise<string> {
  const cores = availableParallelism();
  const pool = createSandboxPool(await resolveSandboxMode({ unsafeLocalExec: false }), cores);
  const work = jobs();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let outcomes: { job: Job; outcome: GradeOutcome }[];
  try {
    outcomes = await Promise.all(work.map(async (job) => ({ job, outcome: await gradeProgram(pool, job.code, job.tests, { testTimeoutS: 1 }) })));
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const tally = new Map<string, number>();
  let testsRun = 0;
  for (const { job, outcome } of outcomes) {
    const key = `${job.kind}->${outcome.verdict}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    const passed = outcome.details['tests_passed'];
    testsRun += (typeof passed === 'number' ? passed : 0) + (outcome.verdict === 'pass' ? 0 : 1);
  }
  const expected = outcomes.every(({ job, outcome }) => (job.kind === 'correct') === (outcome.verdict === 'pass'));
  return [
    `grading: ${work.length} LiveCodeBench solutions (${TESTS_PER_PROBLEM} tests each; 80 correct, 20 wrong, 4 slow at a 1 s test limit)`,
    `  pool ${pool.size} sandboxes = ${cores} cores, mode ${pool.mode.kind}`,
    `  wall ${seconds.toFixed(2)} s: ${(work.length / seconds).toFixed(1)} solutions/s, ${(testsRun / seconds).toFixed(0)} tests/s, ` +
      `${(work.length / seconds / cores).toFixed(2)} solutions/s per core`,
    `  harness CPU ${((cpu.user + cpu.system) / 1000 / work.length).toFixed(1)} ms per solution (sandboxed processes excluded)`,
    `  verdicts: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}${expected ? '' : '  (UNEXPECTED verdicts)'}`,
  ].join('\n');
}
