// Runs a config object through the runner in this process, as `npm run eval` would, minus the CLI.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../harness/config/load.ts';
import { createRunLogger } from '../harness/log.ts';
import type { RunSummary } from '../harness/results/inputs.ts';
import { executeRun, resolvePlanDatasets } from '../harness/run/run.ts';
import { planSuites, protocolHash } from '../harness/run/settings.ts';
import { SUITES } from '../suites/index.ts';

/** Datasets are resolved before the clock starts; `seconds` and `cpuMs` cover generation and scoring only. */
export async function runInProcess(raw: Record<string, unknown>, outDir: string): Promise<{ summary: RunSummary; seconds: number; cpuMs: number }> {
  const loaded = resolveConfig(raw, 'bench', SUITES);
  const overrides = { suites: null, limit: null, samples: null, concurrency: null, output: null };
  const plans = planSuites(loaded, overrides);
  const datasets = await resolvePlanDatasets(loaded, plans);
  const runDir = join(outDir, 'bench-run');
  mkdirSync(runDir, { recursive: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = await executeRun(
    { loaded, plans, overrides, runId: 'bench-run', runDir, createdAt: new Date().toISOString(), protocolHash: protocolHash(loaded, plans), flags: { unsafeLocalExec: false }, mode: 'generate', sim: null, log: createRunLogger(null), stderr: process.stderr },
    datasets,
    new AbortController().signal,
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { summary, seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}
