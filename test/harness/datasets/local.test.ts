import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDataset } from '../../../harness/datasets/resolve.ts';
import type { DatasetSpec } from '../../../harness/suite.ts';

const WHERE = 'configs/qwen3-max.yaml suites.supergpqa.dataset';
const hub = (file: string) => ({ repo: 'acme/data', file, revision: 'abc123', sha256: '0'.repeat(64) });
const ONE: DatasetSpec = { files: { test: hub('test.jsonl') } };
const TWO: DatasetSpec = { files: { questions: hub('q.jsonl'), answers: hub('a.jsonl') } };
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parity-local-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// no fetch is possible here: any network use would throw
const noFetch: typeof fetch = () => Promise.reject(new Error('network used'));

describe('resolveDataset with a local dataset.path', () => {
  it('maps the single logical file to the path and hashes it, without the pinned checksum', async () => {
    const path = join(dir, 'my-copy.jsonl');
    await writeFile(path, '{"id":"1"}\n');
    const files = await resolveDataset(ONE, { localPath: path, where: WHERE, fetch: noFetch });
    expect(files).toEqual({ paths: { test: path }, origin: 'local', revision: 'local:my-copy.jsonl', sha256: { test: sha('{"id":"1"}\n') } });
  });

  it('names the config field and the fix when the path does not exist', async () => {
    const missing = join(dir, 'nope.jsonl');
    await expect(resolveDataset(ONE, { localPath: missing, where: WHERE, fetch: noFetch })).rejects.toThrow(
      new RegExp(`${missing}.*does not exist.*"path" under ${WHERE}.*Fix the path`),
    );
  });

  it('refuses a directory where one file is expected', async () => {
    await expect(resolveDataset(ONE, { localPath: dir, where: WHERE, fetch: noFetch })).rejects.toThrow(/is not a file/);
  });

  it('needs a layout when the suite reads several files', async () => {
    await expect(resolveDataset(TWO, { localPath: dir, where: WHERE, fetch: noFetch })).rejects.toThrow(
      /reads 2 files \(questions, answers\) and cannot take a single file path/,
    );
  });

  it('uses the suite layout to map a directory to its files', async () => {
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'q.jsonl'), 'q\n');
    await writeFile(join(dir, 'data', 'a.jsonl'), 'a\n');
    const layout = (root: string) => ({ questions: join(root, 'q.jsonl'), answers: join(root, 'a.jsonl') });
    const files = await resolveDataset(TWO, { localPath: join(dir, 'data'), layout, where: WHERE, fetch: noFetch });
    expect(files.paths).toEqual(layout(join(dir, 'data')));
    expect(files.sha256).toEqual({ questions: sha('q\n'), answers: sha('a\n') });
    expect(files.revision).toBe('local:data');
  });

  it('names the missing file a layout points at', async () => {
    const layout = (root: string) => ({ questions: join(root, 'q.jsonl'), answers: join(root, 'a.jsonl') });
    await writeFile(join(dir, 'q.jsonl'), 'q\n');
    await expect(resolveDataset(TWO, { localPath: dir, layout, where: WHERE, fetch: noFetch })).rejects.toThrow(
      /a\.jsonl does not exist: "path" under .* must provide the suite's "answers" file/,
    );
  });
});

describe('a local copy identical to the pinned file', () => {
  it('is recorded as the pinned revision, and anything else as local', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pinned-local-'));
    const path = join(dir, 'copy.jsonl');
    await writeFile(path, '{"a": 1}\n');
    const digest = createHash('sha256').update('{"a": 1}\n').digest('hex');
    const spec: DatasetSpec = { files: { test: { repo: 'org/data', file: 'test.jsonl', revision: 'abc123', sha256: digest } } };
    const same = await resolveDataset(spec, { localPath: path, where: 'c.yaml suites.x.dataset' });
    expect(same.revision).toBe('org/data@abc123');
    expect(same.origin).toBe('local');
    await writeFile(path, '{"a": 2}\n');
    const other = await resolveDataset(spec, { localPath: path, where: 'c.yaml suites.x.dataset' });
    expect(other.revision).toBe('local:copy.jsonl');
    await rm(dir, { recursive: true, force: true });
  });
});
