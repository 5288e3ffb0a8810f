// Runs a program against a problem's tests in the sandbox pool and turns the driver's report into a verdict.
import { readFileSync } from 'node:fs';
import { projectPath } from '../../harness/paths.ts';
import { z } from 'zod';
import type { SandboxLimits, SandboxPool, SandboxResult } from '../../harness/sandbox/index.ts';
import type { JsonValue } from '../../harness/json.ts';

const DRIVER_SOURCE = readFileSync(projectPath('suites', 'livecodebench', 'driver.py'), 'utf8');
const DRIVER_FILE = 'lcb_driver.py';

export type Verdict = 'pass' | 'wrong_answer' | 'runtime_error' | 'time_limit' | 'no_code';
export const VERDICTS: readonly Verdict[] = ['pass', 'wrong_answer', 'runtime_error', 'time_limit', 'no_code'];

export type GradeTests = { fn_name: string | null; inputs: string[]; outputs: string[] };
export type GradeLimits = { testTimeoutS: number; sampleTimeoutS?: number };
export type GradeOutcome = { verdict: Verdict; details: Record<string, JsonValue> };

/** Memory per sandboxed sample. Upstream sets none; 4 GiB is what its guard's comment intends. */
export const MEMORY_LIMIT_BYTES = 4 * 1024 ** 3;

const lineSchema = z.union([
  z.object({ i: z.number(), r: z.union([z.literal(true), z.number()]), error: z.string().optional() }),
  z.object({ done: z.literal(true) }),
]);
type DriverLine = z.infer<typeof lineSchema>;

/** The official global limit per sample: (timeout + 1) * tests + 5 seconds. */
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
  // the process died or was killed before reporting: upstream's global timeout marks every test -1
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

export async function gradeProgram(pool: SandboxPool, code: string, tests: GradeTests, limits: GradeLimits, signal?: AbortSignal): Promise<GradeOutcome> {
  const count = tests.inputs.length;
  const payload = JSON.stringify({ code, fn_name: tests.fn_name, inputs: tests.inputs, outputs: tests.outputs, timeout: limits.testTimeoutS });
  const run = await pool.run({ files: { [DRIVER_FILE]: DRIVER_SOURCE }, args: [DRIVER_FILE], stdin: payload, limits: driverLimits(count, limits) }, signal);
  return verdictFrom(parseDriverOutput(run.stdout), run, count);
}

/** Checks prediction/expected stdout pairs with the driver's comparison rule only (no program runs). */
export async function compareOutputs(pool: SandboxPool, pairs: [string, string][]): Promise<boolean[]> {
  const run = await pool.run({ files: { [DRIVER_FILE]: DRIVER_SOURCE }, args: [DRIVER_FILE], stdin: JSON.stringify({ compare: pairs }), limits: driverLimits(1, { testTimeoutS: 6 }) });
  const results = parseDriverOutput(run.stdout).flatMap((line) => ('done' in line ? [] : [line.r === true]));
  if (results.length !== pairs.length) throw new Error(`comparison driver failed: ${run.stderr.slice(-500)}`);
  return results;
}
