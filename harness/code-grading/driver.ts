// Runs a grading driver (a Python file that tests one program) in the sandbox pool and turns its report
// into a verdict. The driver reads a JSON payload on stdin and writes one JSON line per graded test,
// {"i", "r", "error"?} with r = true or a failure code, then {"done": true}.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { JsonValue } from '../json.ts';
import { projectPath } from '../paths.ts';
import type { SandboxLimits, SandboxPool, SandboxResult } from '../sandbox/index.ts';

export type Verdict = 'pass' | 'wrong_answer' | 'runtime_error' | 'time_limit' | 'no_code';
export const VERDICTS: readonly Verdict[] = ['pass', 'wrong_answer', 'runtime_error', 'time_limit', 'no_code'];

/** A driver's source and the plain file name it runs under in the sandbox. */
export type GradingDriver = { file: string; source: string };

/** What every driver imports (`from driver_support import ...`): written next to the driver in the sandbox. */
export const DRIVER_SUPPORT: GradingDriver = {
  file: 'driver_support.py',
  source: readFileSync(projectPath('harness', 'code-grading', 'driver_support.py'), 'utf8'),
};
export type GradeTests = { fn_name: string | null; inputs: string[]; outputs: string[] };
export type GradeLimits = { testTimeoutS: number; sampleTimeoutS?: number };
export type GradeOutcome = { verdict: Verdict; details: Record<string, JsonValue> };

/** Memory per sandboxed sample. The graders this ports set none; 4 GiB is what their guards' comments intend. */
export const MEMORY_LIMIT_BYTES = 4 * 1024 ** 3;

const lineSchema = z.union([
  z.object({ i: z.number(), r: z.union([z.literal(true), z.number()]), error: z.string().optional() }),
  z.object({ done: z.literal(true) }),
]);
export type DriverLine = z.infer<typeof lineSchema>;

/** The global limit per sample of the ported graders: (per-test timeout + 1) * tests + 5 seconds. */
export function sampleTimeoutS(tests: number, limits: GradeLimits): number {
  return limits.sampleTimeoutS ?? (limits.testTimeoutS + 1) * tests + 5;
}

export function driverLimits(tests: number, limits: GradeLimits): SandboxLimits {
  const seconds = sampleTimeoutS(tests, limits);
  return {
    wallMs: Math.ceil(seconds * 1000),
    cpuSeconds: Math.ceil(seconds) + 1,
    memoryBytes: MEMORY_LIMIT_BYTES,
    processes: 64,
    fileSizeBytes: 16 * 1024 ** 2,
    stdoutBytes: 8 * 1024 ** 2,
    stderrBytes: 16 * 1024,
  };
}

export function parseDriverOutput(stdout: string): DriverLine[] {
  const lines: DriverLine[] = [];
  for (const text of stdout.split('\n')) {
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = lineSchema.safeParse(value);
    if (parsed.success) lines.push(parsed.data);
  }
  return lines;
}

const CODE_VERDICT: Record<number, Verdict> = { [-1]: 'runtime_error', [-2]: 'wrong_answer', [-3]: 'time_limit', [-4]: 'runtime_error' };

/** Maps the driver's per-test results and the process outcome to one verdict (first failure wins). */
export function verdictFrom(lines: DriverLine[], run: SandboxResult, tests: number): GradeOutcome {
  let passed = 0;
  for (const line of lines) {
    if ('done' in line) continue;
    if (line.r === true) {
      passed += 1;
      continue;
    }
    const verdict = CODE_VERDICT[line.r] ?? 'runtime_error';
    return { verdict, details: { tests_passed: passed, tests_total: tests, error_code: line.r, error: line.error ?? null, wall_ms: run.wallMs } };
  }
  const finished = lines.some((line) => 'done' in line);
  if (finished && passed === tests) return { verdict: 'pass', details: { tests_passed: passed, tests_total: tests, wall_ms: run.wallMs } };
  // the process died or was killed before reporting: the graders' global timeout marks every test -1
  const timeLike = run.timedOut || run.signal === 'SIGXCPU';
  const why = run.timedOut
    ? 'global time limit'
    : run.outputLimitExceeded
      ? 'output limit'
      : `exit ${run.exitCode ?? run.signal ?? 'unknown'}: ${run.stderr.slice(-300)}`;
  return {
    verdict: timeLike ? 'time_limit' : 'runtime_error',
    details: { tests_passed: passed, tests_total: tests, error_code: -1, error: why, wall_ms: run.wallMs },
  };
}

/** The sandbox's working directory for one driver run: the driver and the module it imports. */
export function driverFiles(driver: GradingDriver): Record<string, string> {
  if (driver.file === DRIVER_SUPPORT.file) throw new Error(`a grading driver cannot be named ${DRIVER_SUPPORT.file}: that is the module it imports`);
  return { [DRIVER_SUPPORT.file]: DRIVER_SUPPORT.source, [driver.file]: driver.source };
}

/** Runs `driver` on one program with its tests, under the sample's global time limit. */
export async function gradeWithDriver(
  pool: SandboxPool,
  driver: GradingDriver,
  code: string,
  tests: GradeTests,
  limits: GradeLimits,
  signal?: AbortSignal,
): Promise<GradeOutcome> {
  const count = tests.inputs.length;
  const payload = JSON.stringify({ code, fn_name: tests.fn_name, inputs: tests.inputs, outputs: tests.outputs, timeout: limits.testTimeoutS });
  const run = await pool.run({ files: driverFiles(driver), args: [driver.file], stdin: payload, limits: driverLimits(count, limits) }, signal);
  return verdictFrom(parseDriverOutput(run.stdout), run, count);
}

/** Runs `driver` in its comparison-only mode: {"compare": [[prediction, expected], ...]}, one result per pair. */
export async function compareWithDriver(pool: SandboxPool, driver: GradingDriver, pairs: [string, string][]): Promise<boolean[]> {
  const run = await pool.run({ files: driverFiles(driver), args: [driver.file], stdin: JSON.stringify({ compare: pairs }), limits: driverLimits(1, { testTimeoutS: 6 }) });
  const results = parseDriverOutput(run.stdout).flatMap((line) => ('done' in line ? [] : [line.r === true]));
  if (results.length !== pairs.length) throw new Error(`comparison driver failed: ${run.stderr.slice(-500)}`);
  return results;
}
