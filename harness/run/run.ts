// One evaluation run: config -> datasets -> generation + scoring per suite -> samples.jsonl, scores.json, report.md.
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { apiKeyFor, type LoadedConfig } from '../config/load.ts';
import type { ModelConfig, RunnerConfig } from '../config/schema.ts';
import { createEndpointClient, type EndpointClient } from '../endpoint/client.ts';
import { createReplicaPool, probeReplica, type ReplicaPool, type ReplicaStats } from '../endpoint/replicas.ts';
import { createLimiter } from '../endpoint/limiter.ts';
import { retryPolicyFromRunner } from '../endpoint/retry.ts';
import { createSender, type Sender } from '../endpoint/sender.ts';
import type { EndpointEvent } from '../endpoint/events.ts';
import { resolveDataset } from '../datasets/resolve.ts';
import type { RunSummary, SuiteRunSummary } from '../results/inputs.ts';
import type { DatasetFiles, RunFlags, SampleRequest } from '../suite.ts';
import type { PreparedItem } from '../suite-runtime.ts';
import type { SimServer } from '../sim/server.ts';
import { applySubsetDesign, withinShare } from '../stats/subset.ts';
import { createJudgeCall } from './judge.ts';
import { openJournal, type Journal } from './journal.ts';
import { runPipeline } from './pipeline.ts';
import { createProgress } from './progress.ts';
import { harnessVersion, gitRevision, storableConfig, type RunSpec } from './run-dir.ts';
import { createSamplesWriter } from './samples-writer.ts';
import { modelIdentity, type CliOverrides, type SuitePlan } from './settings.ts';

export type RunContext = {
  loaded: LoadedConfig;
  plans: SuitePlan[];
  overrides: CliOverrides;
  runId: string;
  runDir: string;
  /** spec.json created_at: when the run was started */
  createdAt: string;
  protocolHash: string;
  flags: { unsafeLocalExec: boolean };
  /** 'generate' sends what the journal lacks; 'score' only re-scores the journal */
  mode: 'generate' | 'score';
  sim: SimServer | null;
  log: Logger;
  stderr: NodeJS.WriteStream;
};

/** The first retry of each kind is said on the terminal too, so a wrong host or a failing server is seen at once. */
function retryAnnouncer(model: ModelConfig, stderr: NodeJS.WritableStream): (event: EndpointEvent) => void {
  const seen = new Set<string>();
  return (event) => {
    if (event.type !== 'retry' || seen.has(event.error.kind)) return;
    seen.add(event.error.kind);
    stderr.write(`\n${model.name}: retrying after ${event.error.kind} (${event.error.message}); later ones are in log.jsonl\n`);
  };
}

/** The model's client: one endpoint, or a pool over its replicas (`base_url` given as a list). */
function clientFor(model: ModelConfig, runner: RunnerConfig, key: string | null, log: Logger, baseUrl: string | null): { client: EndpointClient; pool: ReplicaPool | null } {
  const urls = baseUrl !== null ? [baseUrl] : typeof model.endpoint.base_url === 'string' ? [model.endpoint.base_url] : model.endpoint.base_url;
  const maxSockets = runner.concurrency_per_replica ?? runner.concurrency;
  const single = (url: string): EndpointClient =>
    createEndpointClient({ ...model.endpoint, base_url: url }, key, { maxSockets });
  const [only] = urls;
  if (urls.length === 1 && only !== undefined) return { client: single(only), pool: null };
  const pool = createReplicaPool({
    replicas: urls.map((url) => ({ url, client: single(url) })),
    perReplicaConcurrency: runner.concurrency_per_replica ?? null,
    probe: (url) => probeReplica(url),
    onEvent: (event) => log.warn({ endpoint: model.name, ...event }, 'replica'),
  });
  return { client: pool.client, pool };
}

export type ModelSender = { sender: Sender; replicaStats: () => ReplicaStats[] | null };

export function senderFor(model: ModelConfig, runner: RunnerConfig, key: string | null, log: Logger, baseUrl: string | null, stderr: NodeJS.WritableStream = process.stderr): ModelSender {
  const announce = retryAnnouncer(model, stderr);
  const limiter = createLimiter({
    concurrency: runner.concurrency,
    requestsPerMinute: runner.requests_per_minute,
    tokensPerMinute: runner.tokens_per_minute,
    onEvent: (event) => log.info({ endpoint: model.name, ...event }, 'limiter'),
  });
  const { client, pool } = clientFor(model, runner, key, log, baseUrl);
  const sender = createSender({
    client,
    limiter,
    retryPolicy: retryPolicyFromRunner(runner),
    timeoutMs: runner.timeout_s * 1000,
    maxRequestMs: runner.max_request_s === undefined ? null : runner.max_request_s * 1000,
    onEvent: (event) => {
      announce(event);
      if (event.type === 'fatal') log.error({ endpoint: model.name, ...event }, 'fatal endpoint error');
      else log.warn({ endpoint: model.name, ...event }, 'endpoint');
    },
  });
  return { sender, replicaStats: () => pool?.stats() ?? null };
}

export async function resolvePlanDatasets(loaded: LoadedConfig, plans: readonly SuitePlan[]): Promise<DatasetFiles[]> {
  const files: DatasetFiles[] = [];
  for (const plan of plans) {
    const { instance, common, id } = plan.resolved;
    const local = common.dataset?.path;
    const layout = instance.localLayout;
    files.push(
      await resolveDataset(instance.dataset, {
        ...(local !== undefined ? { localPath: resolve(local) } : {}),
        ...(layout ? { layout } : {}),
        where: `${loaded.file} suites.${id}.dataset`,
      }),
    );
  }
  return files;
}

export function buildSpec(ctx: RunContext, datasets: readonly DatasetFiles[], createdAt: string): RunSpec {
  return {
    run_id: ctx.runId,
    created_at: createdAt,
    harness: { name: 'parity', version: harnessVersion(), git_revision: gitRevision() },
    config_file: ctx.loaded.file,
    config: storableConfig(ctx.loaded.raw),
    overrides: { ...ctx.overrides, shard: ctx.overrides.shard ?? null },
    protocol_hash: ctx.protocolHash,
    flags: { unsafe_local_exec: ctx.flags.unsafeLocalExec, simulated: ctx.loaded.config.model.simulated },
    suites: ctx.plans.map((plan, i) => {
      const dataset = datasets[i];
      return {
        id: plan.resolved.id,
        samples: plan.samples,
        limit: plan.limit,
        generation: plan.generation,
        judge_generation: plan.judgeGeneration,
        protocol: plan.resolved.instance.protocol,
        dataset: dataset ? { origin: dataset.origin, revision: dataset.revision, sha256: dataset.sha256 } : { origin: 'local', revision: 'unknown', sha256: {} },
      };
    }),
  };
}

/** Runs every planned suite and returns the summary the results writers need. */
export async function executeRun(ctx: RunContext, datasets: readonly DatasetFiles[], signal: AbortSignal): Promise<RunSummary> {
  const { config } = ctx.loaded;
  const model = modelIdentity(config.model);
  const judgeIdentity = config.judge ? modelIdentity(config.judge) : null;
  const needsJudge = ctx.plans.some((p) => p.judgeGeneration !== null);
  const simUrl = ctx.sim?.baseUrl ?? null;
  const modelSender = ctx.mode === 'generate' ? senderFor(config.model, config.runner, simUrl ? null : apiKeyFor(config.model.endpoint.api_key_env, `${ctx.loaded.file}: model`), ctx.log, simUrl) : null;
  const sender = modelSender?.sender ?? null;
  const judgeSender =
    needsJudge && config.judge
      ? senderFor(config.judge, config.runner, simUrl ? null : apiKeyFor(config.judge.endpoint.api_key_env, `${ctx.loaded.file}: judge`), ctx.log, simUrl).sender
      : null;
  const journal = await openJournal(join(ctx.runDir, 'journal.jsonl'));
  const judgeJournal: Journal | null = needsJudge ? await openJournal(join(ctx.runDir, 'judge_journal.jsonl')) : null;
  ctx.log.info({ journal: journal.opened }, 'journal opened');
  const writer = createSamplesWriter(ctx.runDir);
  const flags: RunFlags = {
    unsafeLocalExec: ctx.flags.unsafeLocalExec,
    runDir: ctx.runDir,
    model: { name: model.name, id: model.id },
    judge: judgeIdentity ? { name: judgeIdentity.name, id: judgeIdentity.id } : null,
  };
  const suites: SuiteRunSummary[] = [];
  try {
    for (const [i, plan] of ctx.plans.entries()) {
      const files = datasets[i];
      if (!files) continue;
      const { instance } = plan.resolved;
      const started = new Date().toISOString();
      const active = await instance.start(flags, plan.samples);
      const progress = createProgress({ label: `${instance.id}`, stream: ctx.stderr });
      const sim = ctx.sim;
      const items = sim ? registerWithSim(active.items.bind(active), sim) : active.items.bind(active);
      const extractor = active.protocol.extractor;
      try {
        const judge =
          plan.judgeGeneration && judgeSender && judgeJournal && config.judge
            ? createJudgeCall({ journal: judgeJournal, sender: judgeSender, generation: plan.judgeGeneration, judgeModel: config.judge.endpoint.model, suiteId: instance.id, signal })
            : null;
        const result = await runPipeline({
          suite: instance,
          active: { ...active, items },
          files,
          limit: plan.limit,
          subset: plan.subset,
          samples: plan.samples,
          generation: plan.generation,
          endpointModel: config.model.endpoint.model,
          journal,
          sender,
          judge,
          signal,
          progress,
          concurrency: config.runner.concurrency,
          shard: ctx.overrides.shard ?? null,
          onRow: (row) => writer.write({ runId: ctx.runId, suite: instance.id, model, extractor, row }),
        });
        progress.stop();
        const aggregated = result.scored.length > 0 ? instance.aggregate(result.scored, plan.samples) : [];
        // a subset estimates the full-set value: its uncertainty is corrected for drawing n of M
        const metrics = result.sampled === null ? aggregated : applySubsetDesign(aggregated, result.sampled, withinShare(result.scored));
        await active.finish(result.scored);
        if (result.fatal) ctx.stderr.write(`\n${instance.id}: stopped: ${result.fatal.message}\n`);
        suites.push({
          suite: instance.id,
          title: instance.title,
          catalogue: instance.catalogue,
          metrics,
          notes: instance.notes(result.scored, plan.samples),
          protocol: active.protocol,
          dataset: files,
          generation: plan.generation,
          samples_per_item: plan.samples,
          items: result.items,
          subset: result.subset,
          sampled: result.sampled,
          scored_samples: result.scored.length,
          error_samples: result.errors,
          errors_by_kind: result.errorsByKind,
          error_examples: result.errorExamples,
          truncated: result.truncated,
          scoring_errors: result.scoring_errors,
          usage: result.usage,
          judge: plan.judgeGeneration ? judgeIdentity : null,
          generated_at: result.lastGeneratedAt ?? ctx.createdAt,
          started_at: started,
          finished_at: new Date().toISOString(),
        });
      } finally {
        await active.close();
      }
    }
  } finally {
    journal.close();
    judgeJournal?.close();
  }
  const samplesFile = writer.finish();
  const replicas = modelSender?.replicaStats() ?? null;
  return {
    ...(replicas === null ? {} : { replicas }),
    run_id: ctx.runId,
    run_dir: ctx.runDir,
    model,
    harness: { name: 'parity', version: harnessVersion(), git_revision: gitRevision() },
    config_hash: ctx.protocolHash,
    created_at: ctx.createdAt,
    reference: config.reference ?? null,
    suites,
    samples_file: samplesFile,
    flags: { unsafe_local_exec: ctx.flags.unsafeLocalExec, simulated: config.model.simulated },
  };
}

function registerWithSim(
  items: (files: DatasetFiles) => AsyncIterable<PreparedItem>,
  sim: SimServer,
): (files: DatasetFiles) => AsyncIterable<PreparedItem> {
  return async function* (files) {
    for await (const item of items(files)) {
      const simulate = item.simulate;
      if (simulate) sim.register(requestText(item.request), simulate);
      yield item;
    }
  };
}

/** The text the simulator sees: chat message contents joined by newlines, or the raw prompt. */
export function requestText(request: SampleRequest): string {
  return request.kind === 'chat' ? request.messages.map((m) => m.content).join('\n') : request.prompt;
}

