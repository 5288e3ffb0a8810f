import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatasetFiles } from '../../../harness/suite.ts';
import { suite } from '../../../suites/arena-hard-v2/index.ts';
import { optionsSchema } from '../../../suites/arena-hard-v2/schema.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/arena-hard-v2');

function localFiles(dir: string, options = optionsSchema.parse({})): DatasetFiles {
  const layout = suite.localLayout?.(dir, options) ?? {};
  return { paths: layout, origin: 'local', revision: 'local', sha256: {} };
}

async function collect(files: DatasetFiles, options = optionsSchema.parse({})) {
  const items = [];
  for await (const item of suite.load(files, options)) items.push(item);
  return items;
}

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('dataset', () => {
  it('pins the Hub files and names the baselines of the selected categories', () => {
    const spec = suite.dataset(optionsSchema.parse({}));
    expect(Object.keys(spec.files).sort()).toEqual(['model_answer/gemini-2.0-flash-001', 'model_answer/o3-mini-2025-01-31', 'question']);
    expect(spec.files.question?.revision).toMatch(/^[0-9a-f]{40}$/);
    const hardOnly = suite.dataset(optionsSchema.parse({ categories: ['hard_prompt'] }));
    expect(Object.keys(hardOnly.files).sort()).toEqual(['model_answer/o3-mini-2025-01-31', 'question']);
  });

  it('loads questions with their category baseline answer from the upstream layout', async () => {
    const items = await collect(localFiles(FIXTURES));
    expect(items.map((i) => suite.itemId(i))).toEqual(['a1b2c3d4e5f60718', '0f1e2d3c4b5a6978', '9a8b7c6d5e4f3021', '1122334455667788']);
    expect(items.map((i) => i.baseline.model)).toEqual(['o3-mini-2025-01-31', 'o3-mini-2025-01-31', 'gemini-2.0-flash-001', 'gemini-2.0-flash-001']);
    expect(items[0]?.baseline.answer).toContain('## Fast doubling');
    expect(items[0]?.baseline.metadata.token_len).toBeGreaterThan(0);
    const poem = items[2];
    if (!poem) throw new Error('fixture item missing');
    expect(suite.request(poem, optionsSchema.parse({}))).toEqual({
      kind: 'chat',
      messages: [{ role: 'user', content: 'Write a four-line poem about a lighthouse keeper who is afraid of the dark.' }],
    });
  });

  it('keeps only the selected categories', async () => {
    const options = optionsSchema.parse({ categories: ['creative_writing'] });
    const items = await collect(localFiles(FIXTURES, options), options);
    expect(items.map((i) => i.question.category)).toEqual(['creative_writing', 'creative_writing']);
  });

  it('names the file and uid when a baseline answer is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ah-'));
    temps.push(dir);
    await mkdir(join(dir, 'model_answer'));
    await writeFile(join(dir, 'question.jsonl'), await readFile(join(FIXTURES, 'question.jsonl')));
    const o3 = (await readFile(join(FIXTURES, 'model_answer/o3-mini-2025-01-31.jsonl'), 'utf8')).split('\n')[0];
    await writeFile(join(dir, 'model_answer/o3-mini-2025-01-31.jsonl'), `${o3}\n`);
    const options = optionsSchema.parse({ categories: ['hard_prompt'] });
    await expect(collect(localFiles(dir, options), options)).rejects.toThrow(/question\.jsonl:2: no answer of baseline "o3-mini-2025-01-31" for uid 0f1e2d3c4b5a6978/);
  });

  it('rejects a baseline file whose model field names another model', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ah-'));
    temps.push(dir);
    await mkdir(join(dir, 'model_answer'));
    await writeFile(join(dir, 'question.jsonl'), await readFile(join(FIXTURES, 'question.jsonl')));
    const o3 = await readFile(join(FIXTURES, 'model_answer/o3-mini-2025-01-31.jsonl'), 'utf8');
    await writeFile(join(dir, 'model_answer/o3-mini-2025-01-31.jsonl'), o3.replaceAll('"o3-mini-2025-01-31"', '"other"'));
    const options = optionsSchema.parse({ categories: ['hard_prompt'] });
    await expect(collect(localFiles(dir, options), options)).rejects.toThrow(/o3-mini-2025-01-31\.jsonl:1: model is "other"/);
  });

  it('rejects unknown option keys and the common keys', () => {
    expect(optionsSchema.safeParse({ fit: 'newton' }).success).toBe(false);
    expect(optionsSchema.safeParse({ samples: 2 }).success).toBe(false);
    expect(optionsSchema.parse({}).bootstrap_rounds).toBe(100);
  });
});
