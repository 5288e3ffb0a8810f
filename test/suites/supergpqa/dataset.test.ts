import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../harness/datasets/jsonl.ts';
import type { DatasetFiles } from '../../../harness/suite.ts';
import { SUPERGPQA_SPEC, loadSuperGpqa, type SuperGpqaItem } from '../../../suites/supergpqa/dataset.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/supergpqa');

function files(name: string): DatasetFiles {
  return { paths: { train: join(FIXTURES, name) }, origin: 'local', revision: 'local', sha256: {} };
}

async function loadAll(name: string): Promise<SuperGpqaItem[]> {
  const items: SuperGpqaItem[] = [];
  for await (const item of loadSuperGpqa(files(name))) items.push(item);
  return items;
}

async function loadError(name: string): Promise<string> {
  try {
    await loadAll(name);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return err instanceof Error ? err.message : String(err);
  }
  throw new Error(`${name} loaded without error`);
}

describe('SuperGPQA dataset', () => {
  it('pins one file of m-a-p/SuperGPQA by revision, sha256 and size', () => {
    expect(SUPERGPQA_SPEC.files['train']).toMatchObject({ repo: 'm-a-p/SuperGPQA', file: 'SuperGPQA-all.jsonl', size: 23957173 });
    expect(SUPERGPQA_SPEC.files['train']?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(SUPERGPQA_SPEC.files['train']?.revision).toMatch(/^[0-9a-f]{40}$/);
  });

  it('streams the native rows in file order', async () => {
    const items = await loadAll('questions.jsonl');
    expect(items).toHaveLength(12);
    expect(items[0]).toMatchObject({ uuid: '3f0c6a1e9b2d4c57a8e1f0b2c3d4e5f6', answer_letter: 'C', difficulty: 'easy', discipline: 'Science' });
    expect(items[3]?.options).toHaveLength(4);
    expect(new Set(items.map((i) => i.difficulty))).toEqual(new Set(['easy', 'middle', 'hard']));
  });

  it('rejects an unknown difficulty, naming the line and uuid', async () => {
    const message = await loadError('bad-difficulty.jsonl');
    expect(message).toContain('bad-difficulty.jsonl:2');
    expect(message).toContain('uuid bb00000000000000000000000000000b');
    expect(message).toContain('difficulty');
  });

  it('rejects an answer_letter outside the options', async () => {
    const message = await loadError('bad-answer-letter.jsonl');
    expect(message).toContain('bad-answer-letter.jsonl:1 (uuid cc00000000000000000000000000000c)');
    expect(message).toContain('answer_letter F is outside the 4 options (A-D)');
  });

  it('rejects a missing field', async () => {
    const message = await loadError('missing-field.jsonl');
    expect(message).toContain('missing-field.jsonl:1 (uuid dd00000000000000000000000000000d)');
    expect(message).toContain('subfield');
  });

  it('rejects a duplicate uuid', async () => {
    const message = await loadError('duplicate-uuid.jsonl');
    expect(message).toContain('duplicate-uuid.jsonl:2 (uuid ee00000000000000000000000000000e): duplicate uuid');
  });
});
