// npm run eval: run the suites of a config against its endpoint (or the offline simulator) and score them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apiKeyFor, ConfigError, loadConfig } from '../config/load.ts';
import { createRunLogger } from '../log.ts';
import { dryRun, formatDryRun } from '../run/dry-run.ts';
import { finalizeRun } from '../run/finalize.ts';
import { lockRunDir } from '../run/lock.ts';
import { createRunDir, newRunId, readSpec, writeJsonAtomic } from '../run/run-dir.ts';
import { buildSpec, executeRun, resolvePlanDatasets, type RunContext } from '../run/run.ts';
import { planSuites, protocolHash } from '../run/settings.ts';
import { startSimServer } from '../sim/server.ts';
import { BENCHMARKS, SUITES } from '../../suites/index.ts';
import { parseEvalArgs } from './args.ts';
import { protocolChange, readResumeSpec, resumeOverrides } from './resume.ts';
import { EXIT, runMain } from './exit.ts';

async function main(argv: readonly string[]): Promise<number> {
  const args = parseEvalArgs(argv);
  const loaded = loadConfig(args.config, SUITES);
  const { config } = loaded;
  if (args.overrides.output !== null) config.output = args.overrides.output;
  // a resume keeps the scope the run was started with (suites, limit, samples); only speed may change
  const spec = args.resume === null ? null : readResumeSpec(config.output, args.resume);
  const overrides = spec ? resumeOverrides(args.overrides, spec.overrides, args.resume ?? '') : args.overrides;
  if (overrides.concurrency !== null) config.runner.concurrency = overrides.concurrency;
  const plans = planSuites(loaded, overrides);
  if (args.check && config.reference === undefined) {
    throw new ConfigError(`${loaded.file}: reference: is not set, so --check has nothing to compare with. Add reference: results/reference/<file>.json.`);
  }
  const simulated = config.simulator !== undefined;
  if (!simulated && !args.dryRun) {
    apiKeyFor(config.model.endpoint.api_key_env, `${loaded.file}: model`);
    if (config.judge && plans.some((p) => p.judgeGeneration !== null)) apiKeyFor(config.judge.endpoint.api_key_env, `${loaded.file}: judge`);
  }
  const datasets = await resolvePlanDatasets(loaded, plans);
  if (args.dryRun) {
    const model = { name: config.model.name, id: config.model.id };
    const judge = config.judge ? { name: config.judge.name, id: config.judge.id } : null;
    process.stdout.write(`${formatDryRun(await dryRun(plans, datasets, { model, judge }, overrides.shard ?? null), config.model, config.judge)}\n`);
    return EXIT.ok;
  }
  const hash = protocolHash(loaded, plans);
  let runId: string;
  let runDir: string;
  let createdAt = new Date().toISOString();
  if (spec !== null) {
    runId = spec.run_id;
    runDir = join(config.output, runId);
    if (spec.protocol_hash !== hash) {
      throw new ConfigError(`--resume ${runId}: ${loaded.file} no longer matches the run: ${protocolChange(spec, plans, config.model.endpoint.model)}. Start a new run, or restore the config.`);
    }
    createdAt = spec.created_at;
  } else {
    runId = newRunId(config.model.name);
    runDir = createRunDir(config.output, runId);
  }
  const lock = lockRunDir(runDir);
  const sim = config.simulator
    ? await startSimServer({ accuracy: config.simulator.accuracy, seed: config.simulator.seed, latencyMs: config.simulator.latency_ms })
    : null;
  const log = createRunLogger(join(runDir, 'log.jsonl'));
  const abort = new AbortController();
  const onSignal = (): void => {
    process.stderr.write(`\ninterrupted: finished samples are in the journal; resume with --resume ${runId}\n`);
    abort.abort(new Error('interrupted'));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const ctx: RunContext = {
    loaded,
    plans,
    overrides,
    runId,
    runDir,
    createdAt,
    protocolHash: hash,
    flags: { unsafeLocalExec: args.unsafeLocalExec },
    mode: 'generate',
    sim,
    log,
    stderr: process.stderr,
  };
  writeJsonAtomic(join(runDir, 'spec.json'), buildSpec(ctx, datasets, createdAt));
  log.info({ run_id: runId, config: loaded.file, resume: args.resume !== null }, 'run started');
  try {
    const summary = await executeRun(ctx, datasets, abort.signal);
    const result = await finalizeRun(summary, {
      check: args.check,
      tolerance: args.tolerance,
      acceptDeviations: args.acceptDeviations,
      stdout: process.stdout,
      catalogue: BENCHMARKS,
      resumeCommand: `npm run eval -- --config ${loaded.file} --resume ${runId}${args.overrides.output === null ? '' : ` --output ${args.overrides.output}`}`,
    });
    log.info({ exit_code: result.exitCode, errors: result.errors }, 'run finished');
    return result.exitCode;
  } catch (err) {
    if (abort.signal.aborted) return EXIT.interrupted;
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await sim?.close();
    lock.release();
  }
}

await runMain(() => main(process.argv.slice(2)));
