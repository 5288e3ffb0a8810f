// Scores a run directory from its journals with no model calls: `npm run score` and `npm run merge`.
// The caller holds the run's lock.
import { join, resolve } from 'node:path';
import { resolveConfig } from '../config/load.ts';
import { createRunLogger } from '../log.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import type { SuiteDefinition } from '../suite-runtime.ts';
import { finalizeRun, type FinalizeResult } from './finalize.ts';
import type { RunSpec } from './run-dir.ts';
import { executeRun, resolvePlanDatasets, type RunContext } from './run.ts';
import { planSuites, protocolHash } from './settings.ts';

export type RescoreOptions = {
  suites: ReadonlyMap<string, SuiteDefinition>;
  catalogue: BenchmarkCatalogue;
  stdout: { write(text: string): unknown };
  stderr: NodeJS.WriteStream;
  /** printed when samples are left without a response */
  resumeCommand: string;
};

export async function rescoreRunDir(runDir: string, spec: RunSpec, opts: RescoreOptions): Promise<FinalizeResult> {
  const dir = resolve(runDir);
  const loaded = resolveConfig(spec.config, join(dir, 'spec.json'), opts.suites);
  const plans = planSuites(loaded, spec.overrides);
  if (protocolHash(loaded, plans) !== spec.protocol_hash) {
    opts.stderr.write("note: the suites' protocol (prompt, extractor or options) differs from when the run was generated; scores use the current code.\n");
  }
  const datasets = await resolvePlanDatasets(loaded, plans);
  const ctx: RunContext = {
    loaded,
    plans,
    overrides: spec.overrides,
    runId: spec.run_id,
    runDir: dir,
    createdAt: spec.created_at,
    protocolHash: spec.protocol_hash,
    flags: { unsafeLocalExec: spec.flags['unsafe_local_exec'] === true },
    mode: 'score',
    sim: null,
    log: createRunLogger(join(dir, 'log.jsonl')),
    stderr: opts.stderr,
  };
  const summary = await executeRun(ctx, datasets, new AbortController().signal);
  if (spec.shards !== undefined) summary.shards = spec.shards;
  return finalizeRun(summary, { check: false, tolerance: null, stdout: opts.stdout, resumeCommand: opts.resumeCommand, catalogue: opts.catalogue });
}
