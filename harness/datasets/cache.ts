// The local dataset cache: where files live, streamed sha256, and a sidecar that remembers a verified hash.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { HubFile } from '../suite.ts';
import { DatasetError } from './jsonl.ts';

export type Env = Record<string, string | undefined>;

/**
 * PARITY_CACHE_DIR names the dataset cache itself; otherwise `$XDG_CACHE_HOME/parity/datasets`,
 * falling back to `~/.cache/parity/datasets`. A relative XDG_CACHE_HOME is ignored, as the XDG spec asks.
 */
export function datasetCacheDir(env: Env): string {
  const explicit = env.PARITY_CACHE_DIR;
  if (explicit) return explicit;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'parity', 'datasets');
}

/** Splits a repo or file path into safe segments; `..`, empty and absolute parts cannot escape the cache. */
function safeSegments(value: string, what: string): string[] {
  const parts = value.split('/');
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..' || part.includes('\\')) {
      throw new DatasetError(`Hub ${what} "${value}" is not a plain relative path; fix the suite's dataset() reference.`);
    }
  }
  return parts;
}

/** `<cache>/<owner>/<name>/<revision>/<file path>`; the revision is encoded because refs may contain `/`. */
export function cachedFilePath(cacheDir: string, hub: HubFile): string {
  return join(
    cacheDir,
    ...safeSegments(hub.repo, 'repo'),
    encodeURIComponent(hub.revision),
    ...safeSegments(hub.file, 'file'),
  );
}

export type FileDigest = { sha256: string; size: number };

/** Hashes a file as a stream, so a large file never sits in memory. */
export async function sha256File(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (!(chunk instanceof Buffer)) continue;
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

const sidecarSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  mtime_ms: z.number(),
});

export function sidecarPath(path: string): string {
  return `${path}.sha256.json`;
}

/**
 * The file's sha256, re-hashed only when its size or mtime changed since the last verification;
 * the sidecar is a cache of work, never trusted over a changed file.
 */
export async function digestWithSidecar(path: string): Promise<FileDigest> {
  const info = await stat(path);
  const sidecar = sidecarPath(path);
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(await readFile(sidecar, 'utf8')));
    if (parsed.success && parsed.data.size === info.size && parsed.data.mtime_ms === info.mtimeMs) {
      return { sha256: parsed.data.sha256, size: parsed.data.size };
    }
  } catch {
    // missing or unreadable sidecar: hash below
  }
  const digest = await sha256File(path);
  await writeSidecar(path, digest, info.mtimeMs);
  return digest;
}

export async function writeSidecar(path: string, digest: FileDigest, mtimeMs: number): Promise<void> {
  const body = JSON.stringify({ sha256: digest.sha256, size: digest.size, mtime_ms: mtimeMs });
  // best effort: a read-only cache still works, it just re-hashes next time
  await writeFile(sidecarPath(path), `${body}\n`).catch(() => {});
}

/** Removes a cached file and its sidecar, e.g. after it failed verification. */
export async function evictCached(path: string): Promise<void> {
  await rm(path, { force: true });
  await rm(sidecarPath(path), { force: true });
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
