// LiveCodeBench's grading driver (driver.py), run through the engine's code-grading machinery.
import { readFileSync } from 'node:fs';
import {
  compareWithDriver,
  gradeWithDriver,
  type GradeLimits,
  type GradeOutcome,
  type GradeTests,
  type GradingDriver,
} from '../../harness/code-grading/index.ts';
import { projectPath } from '../../harness/paths.ts';
import type { SandboxPool } from '../../harness/sandbox/index.ts';

export { MEMORY_LIMIT_BYTES, VERDICTS, type GradeLimits, type GradeOutcome, type GradeTests, type Verdict } from '../../harness/code-grading/index.ts';

const DRIVER: GradingDriver = { file: 'lcb_driver.py', source: readFileSync(projectPath('suites', 'livecodebench', 'driver.py'), 'utf8') };

export function gradeProgram(pool: SandboxPool, code: string, tests: GradeTests, limits: GradeLimits, signal?: AbortSignal): Promise<GradeOutcome> {
  return gradeWithDriver(pool, DRIVER, code, tests, limits, signal);
}

/** Checks prediction/expected stdout pairs with the driver's comparison rule only (no program runs). */
export function compareOutputs(pool: SandboxPool, pairs: [string, string][]): Promise<boolean[]> {
  return compareWithDriver(pool, DRIVER, pairs);
}
