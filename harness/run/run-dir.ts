// The run directory and its spec.json: the resolved config (no secrets), hashes, versions and datasets.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { jsonValueSchema } from '../json.ts';
import { PROJECT_ROOT, projectPath } from '../paths.ts';
import { shardSchema } from './shard.ts';

/** One shard of a merged run, as `merge` found it. */
export const shardSummarySchema = z.strictObject({
  index: z.number().int(),
  count: z.number().int(),
  run_id: z.string(),
  dir: z.string(),
  samples: z.number().int(),
  error_samples: z.number().int(),
  requests: z.number().int(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type ShardSummary = z.infer<typeof shardSummarySchema>;

export const specSchema = z.strictObject({
  run_id: z.string(),
  created_at: z.string(),
  harness: z.strictObject({ name: z.literal('parity'), version: z.string(), git_revision: z.string().nullable() }),
  config_file: z.string(),
  /** the merged config object; endpoint headers are dropped so nothing secret is kept */
  config: z.record(z.string(), z.unknown()),
  overrides: z.strictObject({
    suites: z.array(z.string()).nullable(),
    limit: z.number().nullable(),
    samples: z.number().nullable(),
    concurrency: z.number().nullable(),
    output: z.string().nullable(),
    /** runs written before shards existed have no such key */
    shard: shardSchema.nullable().default(null),
    subset: z.number().nullable().optional(),
    subsetSeed: z.number().nullable().optional(),
  }),
  protocol_hash: z.string(),
  flags: z.record(z.string(), jsonValueSchema),
  suites: z.array(
    z.strictObject({
      id: z.string(),
      samples: z.number(),
      limit: z.number().nullable(),
      generation: z.record(z.string(), z.unknown()),
      judge_generation: z.record(z.string(), z.unknown()).nullable(),
      protocol: z.record(z.string(), z.unknown()),
      dataset: z.strictObject({
        origin: z.enum(['hub', 'local']),
        revision: z.string(),
        sha256: z.record(z.string(), z.string()),
      }),
    }),
  ),
  /** set on a run that `merge` joined from shards */
  shards: z.array(shardSummarySchema).optional(),
});
export type RunSpec = z.infer<typeof specSchema>;

export function harnessVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(projectPath('package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

export function gitRevision(): string | null {
  try {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'], cwd: PROJECT_ROOT });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { stdio: ['ignore', 'pipe', 'ignore'], cwd: PROJECT_ROOT });
    return `${rev.toString().trim()}${dirty.toString().trim() ? '-dirty' : ''}`;
  } catch {
    return null;
  }
}

export function newRunId(modelName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  const slug = modelName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${stamp}-${slug}-${randomBytes(2).toString('hex')}`;
}

export function createRunDir(output: string, runId: string): string {
  const dir = join(output, runId);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'error';
    throw new RunDirError(`${output}: cannot create the run directory there (${code}). Set output: (or --output) to a writable directory.`);
  }
  return dir;
}

export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

export class RunDirError extends Error {
  override name = 'RunDirError';
}

export function readSpec(runDir: string): RunSpec {
  const path = join(runDir, 'spec.json');
  if (!existsSync(path)) throw new RunDirError(`${path}: not found. Is ${runDir} a run directory (results/runs/<run-id>)?`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new RunDirError(`${path}: not valid JSON. The run directory is damaged; start a new run.`);
  }
  const parsed = specSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RunDirError(`${path}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}. The run directory is damaged or from another version.`);
  }
  return parsed.data;
}

/** A URL with any user:password@ part removed. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The config as stored in spec.json: endpoint headers are dropped so no credential can be kept. */
export function storableConfig(raw: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(raw));
  for (const role of ['model', 'judge']) {
    const block = copy[role];
    if (typeof block === 'object' && block !== null && 'endpoint' in block) {
      const endpoint = block.endpoint;
      if (typeof endpoint === 'object' && endpoint !== null && 'headers' in endpoint) delete endpoint.headers;
      if (typeof endpoint === 'object' && endpoint !== null && 'base_url' in endpoint) {
        const url: unknown = endpoint.base_url;
        if (typeof url === 'string') endpoint.base_url = withoutCredentials(url);
        if (Array.isArray(url)) endpoint.base_url = url.map((u: unknown) => (typeof u === 'string' ? withoutCredentials(u) : u));
      }
    }
  }
  return copy;
}
