// Runs a config object through the runner in this process, as `npm run eval` would, minus the CLI.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../harness/config/load.ts';
import { createRunLogger } from '../harness/log.ts';
import type { RunSummary } from '../harness/results/inputs.ts';
import { executeRun, resolvePlanDatasets } from '../harness/run/run.ts';
import { planSuites, protocolHash } from '../harness/run/settings.ts';
import { SUITES } from '../suites/index.ts';

/**
 * Nanoseconds this thread has spent runnable but waiting for a CPU (Linux schedstat), or null elsewhere. On a
 * shared machine this is what separates "the harness is slow" from "the harness did not get a CPU".
 */
export function runQueueWaitNs(): number | null {
  try {
    const waited = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
    return Number.isFinite(waited) ? waited : null;
  } catch {
    return null;
  }
}

/** Datasets are resolved before the clock starts; `seconds`, `cpuMs` and `waitMs` cover generation and scoring only. */
export async function runInProcess(raw: Record<string, unknown>, outDir: string): Promise<{ summary: RunSummary; seconds: number; cpuMs: number; waitMs: number | null }> {
  const loaded = resolveConfig(raw, 'bench', SUITES);
  const overrides = { suites: null, limit: null, samples: null, concurrency: null, output: null };
  const plans = planSuites(loaded, overrides);
  const datasets = await resolvePlanDatasets(loaded, plans);
  const runDir = join(outDir, 'bench-run');
  mkdirSync(runDir, { recursive: true });
  const wait0 = runQueueWaitNs();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await executeRun(
    { loaded, plans, overrides, runId: 'bench-run', runDir, createdAt: new Date().toISOString(), protocolHash: protocolHash(loaded, plans), flags: { unsafeLocalExec: false }, mode: 'generate', sim: null, log: createRunLogger(null), stderr: process.stderr },
    datasets,
    new AbortController().signal,
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const wait1 = runQueueWaitNs();
  const waitMs = wait0 === null || wait1 === null ? null : (wait1 - wait0) / 1e6;
  return { summary, seconds, cpuMs: (cpu.user + cpu.system) / 1000, waitMs };
}
