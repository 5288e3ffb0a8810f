// npm run score -- <run-dir>: re-score a run from its journal, without calling the model.
import { resolve } from 'node:path';
import { resolveConfig } from '../config/load.ts';
import { createRunLogger } from '../log.ts';
import { finalizeRun } from '../run/finalize.ts';
import { lockRunDir } from '../run/lock.ts';
import { readSpec } from '../run/run-dir.ts';
import { executeRun, resolvePlanDatasets, type RunContext } from '../run/run.ts';
import { planSuites, protocolHash } from '../run/settings.ts';
import { BENCHMARKS, SUITES } from '../../suites/index.ts';
import { HelpRequest, UsageError } from './args.ts';
import { runMain } from './exit.ts';
import { join } from 'node:path';

async function main(argv: readonly string[]): Promise<number> {
  const runDir = argv[0];
  if (argv[0] === '--help' || argv[0] === '-h') throw new HelpRequest('usage: npm run score -- <run-dir>\nRe-scores a run from its journal without calling the model.');
  if (runDir === undefined || argv.length > 1 || runDir.startsWith('-')) throw new UsageError('usage: npm run score -- <run-dir>');
  const spec = readSpec(resolve(runDir));
  const loaded = resolveConfig(spec.config, join(runDir, 'spec.json'), SUITES);
  const plans = planSuites(loaded, spec.overrides);
  const hash = protocolHash(loaded, plans);
  if (hash !== spec.protocol_hash) {
    process.stderr.write('note: the suites\' protocol (prompt, extractor or options) differs from when the run was generated; scores use the current code.\n');
  }
  const datasets = await resolvePlanDatasets(loaded, plans);
  const ctx: RunContext = {
    loaded,
    plans,
    overrides: spec.overrides,
    runId: spec.run_id,
    runDir: resolve(runDir),
    createdAt: spec.created_at,
    protocolHash: spec.protocol_hash,
    flags: { unsafeLocalExec: spec.flags['unsafe_local_exec'] === true },
    mode: 'score',
    sim: null,
    log: createRunLogger(join(runDir, 'log.jsonl')),
    stderr: process.stderr,
  };
  const lock = lockRunDir(resolve(runDir));
  try {
    const summary = await executeRun(ctx, datasets, new AbortController().signal);
    const resumeCommand = `npm run eval -- --config ${spec.config_file} --resume ${spec.run_id}`;
    return (await finalizeRun(summary, { check: false, tolerance: null, stdout: process.stdout, resumeCommand, catalogue: BENCHMARKS })).exitCode;
  } finally {
    lock.release();
  }
}

await runMain(() => main(process.argv.slice(2)));
