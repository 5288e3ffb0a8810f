// What each suite actually sends: suite defaults < model.generation < suites.<id>.generation, and CLI overrides.
import { createHash } from 'node:crypto';
import type { GenerationParams, ModelConfig } from '../config/schema.ts';
import type { LoadedConfig, ResolvedSuite } from '../config/load.ts';
import { ConfigError } from '../config/load.ts';
import type { ModelIdentity } from '../results/inputs.ts';
import type { Shard } from './shard.ts';
import { DEFAULT_SUBSET_SEED } from '../stats/subset.ts';

export type CliOverrides = {
  suites: string[] | null;
  limit: number | null;
  samples: number | null;
  concurrency: number | null;
  output: string | null;
  /** this process runs one shard of the items; absent or null runs them all */
  shard?: Shard | null;
  /** --subset N: N items drawn at random from each suite (absent in runs recorded before subsets existed) */
  subset?: number | null | undefined;
  subsetSeed?: number | null | undefined;
};

export function mergeGeneration(...layers: Array<GenerationParams | undefined>): GenerationParams {
  let out: GenerationParams = {};
  for (const layer of layers) {
    if (!layer) continue;
    const extra = out.extra_body || layer.extra_body ? { ...out.extra_body, ...layer.extra_body } : undefined;
    out = { ...out, ...layer };
    if (extra) out.extra_body = extra;
  }
  return out;
}

export type SuitePlan = {
  resolved: ResolvedSuite;
  samples: number;
  limit: number | null;
  /** a uniform random draw of `size` items (all of them when the suite has fewer) */
  subset: { size: number; seed: number } | null;
  generation: GenerationParams;
  judgeGeneration: GenerationParams | null;
};

export function planSuites(loaded: LoadedConfig, overrides: CliOverrides): SuitePlan[] {
  let suites = loaded.suites;
  if (overrides.suites !== null) {
    const wanted = overrides.suites;
    for (const id of wanted) {
      if (!suites.some((s) => s.id === id)) {
        throw new ConfigError(`--suite ${id}: ${loaded.file} has no suites.${id}. Configured suites: ${suites.map((s) => s.id).join(', ')}.`);
      }
    }
    suites = suites.filter((s) => wanted.includes(s.id));
  }
  const { config } = loaded;
  const subsetSize = overrides.subset ?? null;
  return suites.map((resolved) => {
    const { instance, common } = resolved;
    const judge = instance.judge && config.judge ? mergeGeneration(instance.judge.generation, config.judge.generation) : null;
    return {
      resolved,
      samples: overrides.samples ?? common.samples ?? instance.samplesDefault,
      limit: overrides.limit ?? (subsetSize === null ? (common.limit ?? null) : null),
      subset: subsetSize === null ? null : { size: subsetSize, seed: overrides.subsetSeed ?? DEFAULT_SUBSET_SEED },
      generation: mergeGeneration(instance.generationDefaults, config.model.generation, common.generation),
      judgeGeneration: judge,
    };
  });
}

export function modelIdentity(model: ModelConfig): ModelIdentity {
  const urls = typeof model.endpoint.base_url === 'string' ? [model.endpoint.base_url] : model.endpoint.base_url;
  const hosts = urls.map((url) => {
    try {
      return new URL(url).host;
    } catch {
      return 'unknown'; // the schema already checked it is a URL
    }
  });
  const host = [...new Set(hosts)].join(',');
  return { name: model.name, id: model.id, endpoint_model: model.endpoint.model, endpoint_host: host, simulated: model.simulated };
}

/** Hash of everything that moves a score; a resume must match it. Runner settings and limits do not count. */
export function protocolHash(loaded: LoadedConfig, plans: readonly SuitePlan[]): string {
  const { model, judge } = loaded.config;
  const parts = {
    model: { id: model.id, endpoint_model: model.endpoint.model, api: model.endpoint.api },
    judge: judge ? { id: judge.id, endpoint_model: judge.endpoint.model } : null,
    suites: plans.map((p) => ({
      id: p.resolved.id,
      samples: p.samples,
      generation: p.generation,
      judge: p.judgeGeneration,
      options: p.resolved.options,
      protocol: p.resolved.instance.protocol,
      dataset: p.resolved.common.dataset ?? null,
    })),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}
