import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedFilePath, datasetCacheDir, sha256File } from '../../../harness/datasets/cache.ts';
import { hubFileUrl } from '../../../harness/datasets/hub.ts';

describe('datasetCacheDir', () => {
  it('prefers PARITY_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(datasetCacheDir({ PARITY_CACHE_DIR: '/data/parity', XDG_CACHE_HOME: '/xdg', HOME: '/home/u' })).toBe('/data/parity');
    expect(datasetCacheDir({ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' })).toBe('/xdg/parity/datasets');
    expect(datasetCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/parity/datasets');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec asks', () => {
    expect(datasetCacheDir({ XDG_CACHE_HOME: 'cache', HOME: '/home/u' })).toBe('/home/u/.cache/parity/datasets');
  });
});

describe('cachedFilePath and hubFileUrl', () => {
  const hub = { repo: 'acme/set', file: 'data/test.jsonl', revision: 'refs/pr/1' };

  it('keys by repo, revision and file, keeping a slashed revision as one segment', () => {
    expect(cachedFilePath('/c', hub)).toBe('/c/acme/set/refs%2Fpr%2F1/data/test.jsonl');
    expect(hubFileUrl('https://huggingface.co', hub).href).toBe(
      'https://huggingface.co/datasets/acme/set/resolve/refs%2Fpr%2F1/data/test.jsonl',
    );
  });

  it('refuses paths that would escape the cache', () => {
    expect(() => cachedFilePath('/c', { ...hub, file: '../../etc/passwd' })).toThrow(/not a plain relative path/);
    expect(() => cachedFilePath('/c', { ...hub, repo: '/abs' })).toThrow(/not a plain relative path/);
  });
});

describe('sha256File', () => {
  it('streams a file into its sha256 and size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parity-sha-'));
    try {
      await writeFile(join(dir, 'abc'), 'abc');
      expect(await sha256File(join(dir, 'abc'))).toEqual({
        sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
        size: 3,
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
