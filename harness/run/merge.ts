// merge: N shard runs -> one run directory, scored from the joined journals by the normal scoring code, so
// metrics that need every item (bootstraps, stratum means, clustered errors) see the whole run.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SuiteDefinition } from '../suite-runtime.ts';
import type { BenchmarkCatalogue } from '../results/benchmarks.ts';
import type { FinalizeResult } from './finalize.ts';
import { lockRunDir } from './lock.ts';
import { checkShards, type ShardRun } from './merge-check.ts';
import { createRunDir, newRunId, writeJsonAtomic, type RunSpec, type ShardSummary } from './run-dir.ts';
import { rescoreRunDir } from './rescore.ts';

const JOURNALS = ['journal.jsonl', 'judge_journal.jsonl'] as const;

/** A shard as the merged spec lists it. */
function summarise(run: ShardRun): ShardSummary {
  return {
    index: run.shard.index,
    count: run.shard.count,
    run_id: run.spec.run_id,
    dir: resolve(run.dir),
    samples: run.journal.keys.length,
    error_samples: run.journal.errorSamples,
    requests: run.journal.requests,
    started_at: run.spec.created_at,
    finished_at: run.journal.lastAnswerAt,
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
    const resumeCommand = `npm run eval -- --config ${spec.config_file} --resume ${runId} --output ${opts.output}`;
    const result = await rescoreRunDir(runDir, spec, { ...opts, resumeCommand });
    return { ...result, runDir };
  } finally {
    lock.release();
  }
}
