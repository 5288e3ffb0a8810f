// One Hub file into the cache: reuse a verified copy, else stream to a temp file, verify, and rename into place.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { HubFile } from '../suite.ts';
import { cachedFilePath, digestWithSidecar, evictCached, fileExists, writeSidecar, type FileDigest } from './cache.ts';
import { describeHubFile, openHubFile, type HubContext } from './hub.ts';
import { DatasetError } from './jsonl.ts';

export type DatasetProgress = {
  phase: 'cached' | 'downloading' | 'downloaded' | 'evicted';
  repo: string;
  file: string;
  bytes: number;
  total: number | null;
};

export type DownloadContext = HubContext & {
  cacheDir: string;
  onProgress?: (event: DatasetProgress) => void;
  /** give up when the Hub sends nothing (no headers, no bytes) for this long; default 60 s */
  stallTimeoutMs?: number;
};

const DEFAULT_STALL_MS = 60_000;

type Emit = (phase: DatasetProgress['phase'], bytes: number, total: number | null) => void;

/** Progress events at most every this many bytes, so a caller's progress line is not flooded. */
const PROGRESS_STEP = 1 << 20;

/** Every way `digest` differs from the pin, or null when it matches (or nothing is pinned). */
function pinMismatch(hub: HubFile, digest: FileDigest): string | null {
  const problems: string[] = [];
  const expected = hub.sha256?.toLowerCase();
  if (expected !== undefined && digest.sha256 !== expected) problems.push(`expected sha256 ${expected}, got ${digest.sha256}`);
  if (hub.size !== undefined && digest.size !== hub.size) problems.push(`expected ${hub.size} bytes, got ${digest.size}`);
  return problems.length > 0 ? problems.join('; ') : null;
}

/** Returns the cached path and sha256 of `hub`, downloading it when absent or when the cached copy fails verification. */
export async function ensureHubFile(hub: HubFile, ctx: DownloadContext): Promise<{ path: string; sha256: string }> {
  const path = cachedFilePath(ctx.cacheDir, hub);
  const event: Emit = (phase, bytes, total) =>
    ctx.onProgress?.({ phase, repo: hub.repo, file: hub.file, bytes, total });
  if (await fileExists(path)) {
    const digest = await digestWithSidecar(path);
    if (pinMismatch(hub, digest) === null) {
      event('cached', digest.size, digest.size);
      return { path, sha256: digest.sha256 };
    }
    // a corrupted or edited cache entry is replaced, never used
    await evictCached(path);
    event('evicted', digest.size, null);
  }
  if (isTruthy(ctx.env.HF_HUB_OFFLINE)) {
    throw new DatasetError(
      `${describeHubFile(hub)} is not in the cache (${ctx.cacheDir}) and HF_HUB_OFFLINE is set. ` +
        `Unset HF_HUB_OFFLINE to download it, or set "path" under ${ctx.where} to a local copy.`,
    );
  }
  const digest = await downloadTo(path, hub, ctx, event);
  return { path, sha256: digest.sha256 };
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase());
}

async function downloadTo(
  path: string,
  hub: HubFile,
  ctx: DownloadContext,
  event: Emit,
): Promise<FileDigest> {
  // one watchdog for the whole transfer, re-armed by every chunk: a slow download is fine, a silent one is not
  const stallMs = ctx.stallTimeoutMs ?? DEFAULT_STALL_MS;
  const watchdog = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const rearm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => watchdog.abort(new Error(`no data for ${stallMs / 1000} s`)), stallMs);
  };
  rearm();
  try {
    return await transfer(path, hub, ctx, event, watchdog.signal, rearm);
  } finally {
    clearTimeout(timer);
  }
}

async function transfer(
  path: string,
  hub: HubFile,
  ctx: DownloadContext,
  event: Emit,
  signal: AbortSignal,
  rearm: () => void,
): Promise<FileDigest> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new DatasetError(
      `Cannot write the dataset cache at ${ctx.cacheDir} (${reason}). Set PARITY_CACHE_DIR to a writable directory, ` +
        `or set "path" under ${ctx.where} to a local copy.`,
    );
  }
  const response = await openHubFile(hub, ctx, signal);
  const lengthHeader = Number(response.headers.get('content-length'));
  const total = Number.isFinite(lengthHeader) && lengthHeader > 0 ? lengthHeader : (hub.size ?? null);
  // same directory as the target, so the final rename is atomic and a reader never sees a partial file
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  let bytes = 0;
  let reported = 0;
  // the write stream opens the temp file asynchronously; a failure must wait for it to close before removing
  const writer = createWriteStream(temp, { flags: 'wx' });
  const closed = new Promise<void>((done) => writer.once('close', () => done()));
  try {
    if (!response.body) throw new Error('empty response body');
    const piping = pipeline(
      Readable.fromWeb(response.body),
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          rearm();
          hash.update(chunk);
          bytes += chunk.length;
          if (bytes - reported >= PROGRESS_STEP) {
            reported = bytes;
            event('downloading', bytes, total);
          }
          yield chunk;
        }
      },
      writer,
      { signal },
    );
    // tearing down a stalled body can itself wait forever (a tee'd web stream cancels only with its twin)
    piping.catch(() => {});
    await Promise.race([piping, rejectOnAbort(signal)]);
  } catch (err) {
    // let the writer finish opening and close (bounded: a stalled body may never finish tearing down),
    // then remove what it left
    writer.destroy();
    await Promise.race([closed, new Promise<void>((done) => setTimeout(done, 2000).unref())]);
    await rm(temp, { force: true });
    const cause = signal.aborted ? signal.reason : err;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatasetError(
      `Download of ${describeHubFile(hub)} was interrupted after ${bytes} bytes (${reason}); nothing was cached. ` +
        `Run again, or set "path" under ${ctx.where} to a local copy.`,
    );
  }
  const digest = { sha256: hash.digest('hex'), size: bytes };
  const mismatch = pinMismatch(hub, digest);
  if (mismatch !== null) {
    await rm(temp, { force: true });
    throw new DatasetError(
      `Checksum mismatch for ${describeHubFile(hub)}: ${mismatch}; the download was discarded. ` +
        'The file at that revision is not the one the suite pins: check HF_ENDPOINT (a mirror may serve other content) ' +
        `or the pinned sha256 in the suite's dataset(); or set "path" under ${ctx.where} to a verified local copy.`,
    );
  }
  await rename(temp, path);
  await writeSidecar(path, digest, (await stat(path)).mtimeMs);
  event('downloaded', bytes, total);
  return digest;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
