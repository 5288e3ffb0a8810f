// Grades one LiveBench coding answer: LiveBench's extraction and program assembly, then its vendored
// run_test (driver.py) in the sandbox. Score 1 only when every test passes.
import { readFileSync } from 'node:fs';
import { gradeWithDriver, type GradeLimits, type GradingDriver, type Verdict } from '../../../harness/code-grading/index.ts';
import type { JsonValue } from '../../../harness/json.ts';
import { projectPath } from '../../../harness/paths.ts';
import type { SandboxPool } from '../../../harness/sandbox/index.ts';
import type { LiveBenchQuestion } from '../question.ts';
import { extractFirstFencedBlock } from './extract.ts';
import { gradeTests, programFor } from './tests.ts';

const DRIVER: GradingDriver = { file: 'livebench_coding_driver.py', source: readFileSync(projectPath('suites', 'livebench', 'coding', 'driver.py'), 'utf8') };

/** LiveBench passes timeout=6 to codegen_metrics; the global limit is (6 + 1) * tests + 5 s. */
export const TEST_TIMEOUT_S = 6;

export type CodingGrade = { score: 0 | 1; verdict: Verdict; extracted: string | null; details: Record<string, JsonValue> };

export async function gradeCodingAnswer(
  pool: SandboxPool,
  question: LiveBenchQuestion,
  answer: string,
  signal?: AbortSignal,
  limits: GradeLimits = { testTimeoutS: TEST_TIMEOUT_S },
): Promise<CodingGrade> {
  const extracted = extractFirstFencedBlock(answer);
  if (extracted === '') return { score: 0, verdict: 'no_code', extracted: null, details: { verdict: 'no_code' } };
  const tests = gradeTests(question);
  const program = programFor(question, extracted);
  const outcome = await gradeWithDriver(pool, DRIVER, program, tests, limits, signal);
  return {
    score: outcome.verdict === 'pass' ? 1 : 0,
    verdict: outcome.verdict,
    extracted,
    details: { verdict: outcome.verdict, ...outcome.details, call_based: tests.fn_name !== null, prefixed: program !== extracted },
  };
}
