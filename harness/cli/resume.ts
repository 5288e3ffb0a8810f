// --resume: find the run, keep the scope it was started with, and say what changed when the config no longer fits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/load.ts';
import { readSpec, type RunSpec } from '../run/run-dir.ts';
import type { CliOverrides, SuitePlan } from '../run/settings.ts';

export function readResumeSpec(output: string, runId: string): RunSpec {
  const runDir = join(output, runId);
  if (!existsSync(runDir)) throw new ConfigError(`--resume ${runId}: no run directory ${runDir}. List runs with: ls ${output}`);
  return readSpec(runDir);
}

const SCOPE = ['suites', 'limit', 'samples', 'subset', 'subsetSeed', 'shard'] as const;
const FLAG: Record<(typeof SCOPE)[number], string> = { suites: 'suite', limit: 'limit', samples: 'samples', subset: 'subset', subsetSeed: 'subset-seed', shard: 'shard' };

function scopeText(value: CliOverrides[(typeof SCOPE)[number]] | null): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return `${value.index}/${value.count}`;
  return String(value);
}

/** The run's recorded scope, unless a flag repeats it; a flag that changes it is refused. */
export function resumeOverrides(cli: CliOverrides, recorded: CliOverrides, runId: string): CliOverrides {
  for (const key of SCOPE) {
    const given = cli[key] ?? null;
    const before = recorded[key] ?? null;
    if (given !== null && JSON.stringify(given) !== JSON.stringify(before)) {
      throw new ConfigError(`--resume ${runId}: the run was started with --${FLAG[key]} ${scopeText(before)}; a resume keeps it. Drop --${FLAG[key]}, or start a new run.`);
    }
  }
  return {
    ...cli,
    suites: recorded.suites,
    limit: recorded.limit,
    samples: recorded.samples,
    subset: recorded.subset ?? null,
    subsetSeed: recorded.subsetSeed ?? null,
    shard: recorded.shard ?? null,
    concurrency: cli.concurrency ?? recorded.concurrency,
  };
}

/** Names what differs between the recorded run and the current plan, for the refusal message. */
export function protocolChange(spec: RunSpec, plans: readonly SuitePlan[], endpointModel: string): string {
  const changes: string[] = [];
  const recordedModel = spec.config['model'];
  const recordedEndpoint = typeof recordedModel === 'object' && recordedModel !== null && 'endpoint' in recordedModel ? recordedModel.endpoint : null;
  const recordedName = typeof recordedEndpoint === 'object' && recordedEndpoint !== null && 'model' in recordedEndpoint ? recordedEndpoint.model : null;
  if (recordedName !== endpointModel) changes.push(`model.endpoint.model (${String(recordedName)} -> ${endpointModel})`);
  for (const plan of plans) {
    const before = spec.suites.find((s) => s.id === plan.resolved.id);
    if (!before) {
      changes.push(`suites.${plan.resolved.id} (not in the run)`);
      continue;
    }
    if (before.samples !== plan.samples) changes.push(`suites.${plan.resolved.id}.samples (${before.samples} -> ${plan.samples})`);
    if (JSON.stringify(before.generation) !== JSON.stringify(plan.generation)) changes.push(`generation for ${plan.resolved.id} (${JSON.stringify(before.generation)} -> ${JSON.stringify(plan.generation)})`);
    if (JSON.stringify(before.protocol) !== JSON.stringify(plan.resolved.instance.protocol)) changes.push(`suites.${plan.resolved.id} options or protocol (prompt, extractor)`);
  }
  return changes.length > 0 ? changes.join('; ') : 'the judge, a dataset path or a suite option changed';
}
