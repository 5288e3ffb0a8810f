// Turns a suite's DatasetSpec into local files: a user's `dataset.path`, or pinned Hub files through the cache.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DatasetFiles, DatasetSpec } from '../suite.ts';
import { datasetCacheDir, sha256File, type Env } from './cache.ts';
import { ensureHubFile, type DatasetProgress } from './download.ts';
import { DatasetError } from './jsonl.ts';

export type { DatasetProgress } from './download.ts';

export type ResolveOptions = {
  /** the config's `dataset.path`, which replaces the download */
  localPath?: string;
  /** the suite's localLayout: maps the local path to logical files */
  layout?: (path: string) => Record<string, string>;
  /** human locator of the config entry for errors, e.g. "configs/qwen3-max.yaml suites.<id>.dataset" */
  where: string;
  cacheDir?: string;
  env?: Env;
  fetch?: typeof fetch;
  onProgress?: (event: DatasetProgress) => void;
  /** give up on a Hub download that sends nothing for this long; default 60 s */
  stallTimeoutMs?: number;
};

export async function resolveDataset(spec: DatasetSpec, opts: ResolveOptions): Promise<DatasetFiles> {
  if (opts.localPath !== undefined) return resolveLocal(spec, opts.localPath, opts);
  const env = opts.env ?? process.env;
  const ctx = {
    env,
    // looked up per call, so test interceptors installed after import still apply
    fetch: opts.fetch ?? ((input: string | URL | Request, init?: RequestInit) => globalThis.fetch(input, init)),
    where: opts.where,
    cacheDir: opts.cacheDir ?? datasetCacheDir(env),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.stallTimeoutMs !== undefined ? { stallTimeoutMs: opts.stallTimeoutMs } : {}),
  };
  const paths: Record<string, string> = {};
  const sha256: Record<string, string> = {};
  const revisions = new Set<string>();
  for (const [name, hub] of Object.entries(spec.files)) {
    const got = await ensureHubFile(hub, ctx);
    paths[name] = got.path;
    sha256[name] = got.sha256;
    revisions.add(`${hub.repo}@${hub.revision}`);
  }
  return { paths, origin: 'hub', revision: [...revisions].join(' + '), sha256 };
}

async function resolveLocal(spec: DatasetSpec, localPath: string, opts: ResolveOptions): Promise<DatasetFiles> {
  const field = `"path" under ${opts.where}`;
  const absolute = resolve(localPath);
  try {
    await stat(absolute);
  } catch {
    throw new DatasetError(
      `${absolute} does not exist (from ${field}). Fix the path, or remove "path" to download the pinned dataset from the Hub.`,
    );
  }
  const mapped = layoutFor(spec, absolute, opts, field);
  const paths: Record<string, string> = {};
  const sha256: Record<string, string> = {};
  for (const [name, path] of Object.entries(mapped)) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) {
      const problem = info ? 'is not a file' : 'does not exist';
      throw new DatasetError(`${path} ${problem}: ${field} must provide the suite's "${name}" file there. Fix the path or the files.`);
    }
    paths[name] = path;
    sha256[name] = (await sha256File(path)).sha256;
  }
  return { paths, origin: 'local', revision: localRevision(spec, absolute, sha256), sha256 };
}

/**
 * A local copy whose every file has the pinned sha256 is the pinned revision, byte for byte, so it is
 * recorded as such and compares as the same dataset; anything else is `local:<name>`.
 */
function localRevision(spec: DatasetSpec, absolute: string, sha256: Record<string, string>): string {
  const entries = Object.entries(sha256);
  const pinned = entries.length > 0 && entries.every(([name, digest]) => spec.files[name]?.sha256 === digest);
  if (!pinned) return `local:${basename(absolute)}`;
  const revisions = new Set(entries.map(([name]) => `${spec.files[name]?.repo}@${spec.files[name]?.revision}`));
  return [...revisions].join(' + ');
}

function layoutFor(
  spec: DatasetSpec,
  path: string,
  opts: ResolveOptions,
  field: string,
): Record<string, string> {
  if (opts.layout) {
    const mapped = opts.layout(path);
    if (Object.keys(mapped).length === 0) throw new DatasetError(`${field}: ${path} holds none of the files this suite reads.`);
    return mapped;
  }
  const names = Object.keys(spec.files);
  const only = names[0];
  if (names.length !== 1 || only === undefined) {
    throw new DatasetError(
      `${field}: this suite reads ${names.length} files (${names.join(', ')}) and cannot take a single file path. ` +
        'Remove "path" to download them from the Hub.',
    );
  }
  return { [only]: path };
}
