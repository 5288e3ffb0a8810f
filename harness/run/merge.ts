// merge: N shard runs -> one run directory, scored from the joined journals by the normal scoring code, so
// metrics that need every item (bootstraps, stratum means, clustered errors) see the whole run.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveConfig } from '../config/load.ts';
import { createRunLogger } from '../log.ts';
import type { SuiteDefinition } from '../suite-runtime.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import { finalizeRun, type FinalizeResult } from './finalize.ts';
import { lockRunDir } from './lock.ts';
import { checkShards, type ShardRun } from './merge-check.ts';
import { createRunDir, newRunId, writeJsonAtomic, type RunSpec, type ShardSummary } from './run-dir.ts';
import { executeRun, resolvePlanDatasets, type RunContext } from './run.ts';
import { planSuites } from './settings.ts';

const JOURNALS = ['journal.jsonl', 'judge_journal.jsonl'] as const;

/** What a shard's journal says about it: samples, failures, requests and when its last answer came. */
function summarise(run: ShardRun): ShardSummary {
  const latest = new Map<string, { ok: boolean; attempts: number; at: string }>();
  const path = join(run.dir, 'journal.jsonl');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  let requests = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry: unknown = JSON.parse(line);
      if (typeof entry !== 'object' || entry === null || !('key' in entry) || typeof entry.key !== 'string') continue;
      const attempts = 'attempts' in entry && typeof entry.attempts === 'number' ? entry.attempts : 0;
      const at = 'at' in entry && typeof entry.at === 'string' ? entry.at : '';
      requests += attempts;
      latest.set(entry.key, { ok: 'status' in entry && entry.status === 'ok', attempts, at });
    } catch {
      // torn last line
    }
  }
  const times = [...latest.values()].map((e) => e.at).filter((t) => t !== '').sort();
  return {
    index: run.shard.index,
    count: run.shard.count,
    run_id: run.spec.run_id,
    dir: resolve(run.dir),
    samples: [...latest.values()].filter((e) => e.ok).length,
    error_samples: [...latest.values()].filter((e) => !e.ok).length,
    requests,
    started_at: run.spec.created_at,
    finished_at: times.at(-1) ?? null,
  };
}

/** The merged spec: the shards' common spec, unsharded, dated by the earliest shard, listing the shards. */
function mergedSpec(runs: readonly ShardRun[], runId: string, output: string, shards: ShardSummary[]): RunSpec {
  const [first] = runs;
  if (first === undefined) throw new Error('merge: no shards');
  const createdAt = runs.map((r) => r.spec.created_at).sort()[0] ?? first.spec.created_at;
  return { ...first.spec, run_id: runId, created_at: createdAt, overrides: { ...first.spec.overrides, shard: null, output }, shards };
}

export type MergeOptions = { output: string; stdout: { write(text: string): unknown }; stderr: NodeJS.WriteStream; suites: ReadonlyMap<string, SuiteDefinition>; catalogue: BenchmarkCatalogue };

export async function mergeShardRuns(dirs: readonly string[], opts: MergeOptions): Promise<FinalizeResult & { runDir: string }> {
  const runs = checkShards(dirs);
  const [first] = runs;
  if (first === undefined) throw new Error('merge: no shards');
  const modelName = Reflect.get(Object(first.spec.config['model']), 'name');
  const runId = newRunId(typeof modelName === 'string' ? modelName : 'merged');
  const runDir = resolve(createRunDir(opts.output, runId));
  const lock = lockRunDir(runDir);
  try {
    for (const name of JOURNALS) {
      for (const run of runs) {
        const path = join(run.dir, name);
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        appendFileSync(join(runDir, name), text.endsWith('\n') || text === '' ? text : `${text}\n`);
      }
    }
    const shards = runs.map(summarise);
    const spec = mergedSpec(runs, runId, opts.output, shards);
    writeJsonAtomic(join(runDir, 'spec.json'), spec);
    const loaded = resolveConfig(spec.config, join(runDir, 'spec.json'), opts.suites);
    const plans = planSuites(loaded, spec.overrides);
    const datasets = await resolvePlanDatasets(loaded, plans);
    const ctx: RunContext = {
      loaded,
      plans,
      overrides: spec.overrides,
      runId,
      runDir,
      createdAt: spec.created_at,
      protocolHash: spec.protocol_hash,
      flags: { unsafeLocalExec: spec.flags['unsafe_local_exec'] === true },
      mode: 'score',
      sim: null,
      log: createRunLogger(join(runDir, 'log.jsonl')),
      stderr: opts.stderr,
    };
    const summary = await executeRun(ctx, datasets, new AbortController().signal);
    summary.shards = shards;
    const resumeCommand = `npm run eval -- --config ${spec.config_file} --resume ${runId} --output ${opts.output}`;
    const result = await finalizeRun(summary, { check: false, tolerance: null, stdout: opts.stdout, resumeCommand, catalogue: opts.catalogue });
    return { ...result, runDir };
  } finally {
    lock.release();
  }
}
