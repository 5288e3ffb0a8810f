import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cachedFilePath, sidecarPath } from '../../../harness/datasets/cache.ts';
import type { DatasetProgress } from '../../../harness/datasets/download.ts';
import { resolveDataset } from '../../../harness/datasets/resolve.ts';
import type { DatasetSpec, HubFile } from '../../../harness/suite.ts';

const BODY = '{"id":"0","problem":"What is 1+1?","answer":"2"}\n{"id":"1","problem":"What is 2+2?","answer":"4"}\n';
const SHA = createHash('sha256').update(BODY).digest('hex');
const REVISION = '0123456789abcdef0123456789abcdef01234567';
const HUB: HubFile = { repo: 'acme/tiny-math', file: 'data/test.jsonl', revision: REVISION, sha256: SHA, size: BODY.length };
const SPEC: DatasetSpec = { files: { test: HUB } };
const URL_PATH = `/datasets/acme/tiny-math/resolve/${REVISION}/data/test.jsonl`;
const HUB_URL = `https://huggingface.co${URL_PATH}`;
const WHERE = 'configs/demo.yaml suites.aime25.dataset';
const TOKEN = 'hf_SeCrEtToKeN0123456789';

const server = setupServer();
let requests: Request[] = [];
let cacheDir = '';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  requests = [];
  server.events.on('request:start', ({ request }) => requests.push(request.clone()));
  cacheDir = await mkdtemp(join(tmpdir(), 'parity-datasets-'));
});
afterEach(async () => {
  server.resetHandlers();
  server.events.removeAllListeners();
  await rm(cacheDir, { recursive: true, force: true });
});

const resolveHub = (env: Record<string, string | undefined> = {}, spec: DatasetSpec = SPEC) =>
  resolveDataset(spec, { where: WHERE, cacheDir, env });

async function cacheContents(): Promise<string[]> {
  const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof Error)) throw new Error('expected the call to fail');
  return err.message;
}

describe('resolveDataset from the Hub', () => {
  it('downloads into the cache, then serves the cached copy without any request', async () => {
    server.use(http.get(HUB_URL, () => HttpResponse.text(BODY)));
    const events: DatasetProgress[] = [];
    const first = await resolveDataset(SPEC, { where: WHERE, cacheDir, env: {}, onProgress: (e) => events.push(e) });
    expect(first.origin).toBe('hub');
    expect(first.revision).toBe(`acme/tiny-math@${REVISION}`);
    expect(first.sha256).toEqual({ test: SHA });
    expect(first.paths.test).toBe(cachedFilePath(cacheDir, HUB));
    expect(await readFile(cachedFilePath(cacheDir, HUB), 'utf8')).toBe(BODY);
    expect(requests).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ phase: 'downloaded', bytes: BODY.length });

    const second = await resolveHub();
    expect(second).toEqual(first);
    expect(requests).toHaveLength(1);
  });

  it('downloads several unpinned files into PARITY_CACHE_DIR and labels every repo@revision', async () => {
    const other: HubFile = { repo: 'acme/judgments', file: 'j.jsonl', revision: 'main' };
    server.use(
      http.get(HUB_URL, () => HttpResponse.text(BODY)),
      http.get('https://huggingface.co/datasets/acme/judgments/resolve/main/j.jsonl', () => HttpResponse.text('{}\n')),
    );
    const spec: DatasetSpec = { files: { test: { repo: HUB.repo, file: HUB.file, revision: REVISION }, judgments: other } };
    const files = await resolveDataset(spec, { where: WHERE, env: { PARITY_CACHE_DIR: cacheDir } });
    expect(files.revision).toBe(`acme/tiny-math@${REVISION} + acme/judgments@main`);
    expect(files.paths.judgments).toBe(join(cacheDir, 'acme', 'judgments', 'main', 'j.jsonl'));
    expect(files.sha256).toEqual({ test: SHA, judgments: createHash('sha256').update('{}\n').digest('hex') });
  });

  it('trusts the verification sidecar while size and mtime are unchanged, and re-verifies an edited file', async () => {
    server.use(http.get(HUB_URL, () => HttpResponse.text(BODY)));
    await resolveHub();
    const path = cachedFilePath(cacheDir, HUB);
    // a whole-second mtime survives utimes exactly; the first resolve re-hashes and records it
    const fixed = 1_700_000_000;
    await utimes(path, fixed, fixed);
    await resolveHub();
    const sidecar: unknown = JSON.parse(await readFile(sidecarPath(path), 'utf8'));
    expect(sidecar).toEqual({ sha256: SHA, size: BODY.length, mtime_ms: fixed * 1000 });

    // same size, same mtime: the sidecar vouches for it and nothing is re-hashed or fetched
    await writeFile(path, BODY.replace('1+1', '1-1'));
    await utimes(path, fixed, fixed);
    await resolveHub();
    expect(requests).toHaveLength(1);

    // a changed mtime forces a re-hash: the mismatch evicts the copy and downloads it again
    await utimes(path, fixed + 5, fixed + 5);
    const again = await resolveHub();
    expect(requests).toHaveLength(2);
    expect(again.sha256.test).toBe(SHA);
    expect(await readFile(path, 'utf8')).toBe(BODY);
  });

  it('rejects a download whose sha256 differs from the pin and caches nothing', async () => {
    server.use(http.get(HUB_URL, () => HttpResponse.text(BODY.replace('2+2', '3+3'))));
    const message = await failure(resolveHub());
    const actual = createHash('sha256').update(BODY.replace('2+2', '3+3')).digest('hex');
    for (const part of ['acme/tiny-math', 'data/test.jsonl', REVISION, SHA, actual, WHERE]) expect(message).toContain(part);
    expect(await cacheContents()).toEqual([]);
  });

  it('explains a 404 and points at dataset.path', async () => {
    server.use(http.get(HUB_URL, () => new HttpResponse('Entry not found', { status: 404, headers: { 'x-error-code': 'EntryNotFound' } })));
    const message = await failure(resolveHub());
    expect(message).toMatch(/HTTP 404 EntryNotFound/);
    expect(message).toMatch(/does not exist/);
    expect(message).toContain(`"path" under ${WHERE}`);
  });

  it('asks for HF_TOKEN on a 401 without one', async () => {
    server.use(http.get(HUB_URL, () => new HttpResponse(null, { status: 401 })));
    expect(await failure(resolveHub())).toMatch(/set HF_TOKEN/);
  });

  it('says the Hub is unreachable when the network fails', async () => {
    server.use(http.get(HUB_URL, () => HttpResponse.error()));
    const message = await failure(resolveHub());
    expect(message).toMatch(/cannot reach the Hugging Face Hub at https:\/\/huggingface\.co/);
    expect(message).toContain(`"path" under ${WHERE}`);
    expect(await cacheContents()).toEqual([]);
  });

  it('sends HF_TOKEN as a bearer token and never echoes it', async () => {
    server.use(http.get(HUB_URL, () => new HttpResponse(`token ${TOKEN} is not allowed`, { status: 403 })));
    const message = await failure(resolveHub({ HF_TOKEN: TOKEN }));
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(message).toMatch(/HF_TOKEN is set but was refused/);
    expect(message).not.toContain(TOKEN);
  });

  it('honours HF_ENDPOINT as a mirror', async () => {
    server.use(http.get(`https://hf-mirror.example${URL_PATH}`, () => HttpResponse.text(BODY)));
    const files = await resolveHub({ HF_ENDPOINT: 'https://hf-mirror.example/' });
    expect(files.sha256.test).toBe(SHA);
    expect(requests.map((r) => new URL(r.url).host)).toEqual(['hf-mirror.example']);
  });

  it('follows redirects, keeping Authorization on the Hub and dropping it for another host', async () => {
    const cdn = 'https://cdn-lfs.example/blobs/abc?signature=xyz';
    server.use(
      http.get(HUB_URL, () => new HttpResponse(null, { status: 307, headers: { location: `/api/moved${URL_PATH}` } })),
      http.get(`https://huggingface.co/api/moved${URL_PATH}`, () => new HttpResponse(null, { status: 302, headers: { location: cdn } })),
      http.get('https://cdn-lfs.example/blobs/abc', () => HttpResponse.text(BODY)),
    );
    const files = await resolveHub({ HF_TOKEN: TOKEN });
    expect(files.sha256.test).toBe(SHA);
    expect(requests.map((r) => [new URL(r.url).host, r.headers.get('authorization')])).toEqual([
      ['huggingface.co', `Bearer ${TOKEN}`],
      ['huggingface.co', `Bearer ${TOKEN}`],
      ['cdn-lfs.example', null],
    ]);
  });

  it('does not blame HF_TOKEN when the redirected-to host refuses the file', async () => {
    server.use(
      http.get(HUB_URL, () => new HttpResponse(null, { status: 302, headers: { location: 'https://cdn-lfs.example/x?sig=1' } })),
      http.get('https://cdn-lfs.example/x', () => new HttpResponse(null, { status: 403 })),
    );
    const message = await failure(resolveHub({ HF_TOKEN: TOKEN }));
    expect(message).toMatch(/HTTP 403 from cdn-lfs\.example\. The download host the Hub redirected to refused the file/);
    expect(message).not.toMatch(/HF_TOKEN|sig=1/);
  });

  it('leaves no partial file in the cache when the connection drops mid-download', async () => {
    server.use(
      http.get(HUB_URL, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(BODY.slice(0, 20)));
            controller.error(new Error('connection reset'));
          },
        });
        return new HttpResponse(stream, { headers: { 'content-length': String(BODY.length) } });
      }),
    );
    const message = await failure(resolveHub());
    expect(message).toMatch(/interrupted/);
    expect(await cacheContents()).toEqual([]);
  });

  it('gives up on a Hub that never answers', async () => {
    server.use(
      http.get(HUB_URL, async () => {
        await delay('infinite');
        return HttpResponse.text(BODY);
      }),
    );
    const message = await failure(resolveDataset(SPEC, { where: WHERE, cacheDir, env: {}, stallTimeoutMs: 100 }));
    expect(message).toMatch(/https:\/\/huggingface\.co did not answer \(no data for 0\.1 s\)/);
  });

  it('gives up on a download that stalls midway and caches nothing', async () => {
    server.use(
      http.get(HUB_URL, () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(BODY.slice(0, 20)));
          },
        });
        return new HttpResponse(stream);
      }),
    );
    const message = await failure(resolveDataset(SPEC, { where: WHERE, cacheDir, env: {}, stallTimeoutMs: 100 }));
    expect(message).toMatch(/interrupted after 20 bytes \(no data for 0\.1 s\)/);
    expect(await cacheContents()).toEqual([]);
  });

  it('says so when the cache cannot be written, before any request', async () => {
    const blocker = join(cacheDir, 'a-file');
    await writeFile(blocker, '');
    const message = await failure(resolveDataset(SPEC, { where: WHERE, cacheDir: join(blocker, 'cache'), env: {} }));
    expect(message).toMatch(/Cannot write the dataset cache .*Set PARITY_CACHE_DIR to a writable directory/);
    expect(requests).toHaveLength(0);
  });

  it('refuses to download with HF_HUB_OFFLINE set', async () => {
    const message = await failure(resolveHub({ HF_HUB_OFFLINE: '1' }));
    expect(message).toMatch(/HF_HUB_OFFLINE/);
    expect(requests).toHaveLength(0);
  });
});
