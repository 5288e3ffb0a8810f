// Options, release files, and the inclusive contest-date window over a hand-written JSONL fixture.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetSpec, loadProblems, localFiles, releaseFiles, windowFiles } from '../../../suites/livecodebench/dataset.ts';
import { optionsSchema, type Options } from '../../../suites/livecodebench/options.ts';
import type { DatasetFiles } from '../../../harness/suite.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/livecodebench/problems.jsonl', import.meta.url));

function files(path: string): DatasetFiles {
  return { paths: { 'local.jsonl': path }, origin: 'local', revision: 'local', sha256: {} };
}

async function ids(options: Options): Promise<string[]> {
  const out: string[] = [];
  for await (const problem of loadProblems(files(FIXTURE), options)) out.push(problem.question_id);
  return out;
}

describe('options', () => {
  it('defaults to release_v6 with the 2025-02-01..2025-05-01 window and 6 s per test', () => {
    expect(optionsSchema.parse({})).toEqual({ release: 'release_v6', start_date: '2025-02-01', end_date: '2025-05-01', test_timeout_s: 6 });
  });

  it('accepts YYYY-MM-DD strings only, and says so', () => {
    const asDate = optionsSchema.safeParse({ start_date: new Date('2025-02-01') });
    expect(asDate.success).toBe(false);
    expect(asDate.error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(optionsSchema.safeParse({ start_date: '2025-2-1' }).success).toBe(false);
    expect(optionsSchema.safeParse({ start_date: '2025-02-30' }).success).toBe(false);
    expect(optionsSchema.safeParse({ start_date: '2025-06-01' }).success).toBe(false);
  });

  it('rejects unknown keys and the common keys', () => {
    expect(optionsSchema.safeParse({ samples: 3 }).success).toBe(false);
    expect(optionsSchema.safeParse({ release: 'release_v7' }).success).toBe(false);
    expect(optionsSchema.safeParse({ release: 'v5_v4' }).success).toBe(false);
  });
});

describe('release files', () => {
  it('maps tags like the HF loader', () => {
    expect(releaseFiles('release_v6')).toEqual(['test.jsonl', 'test2.jsonl', 'test3.jsonl', 'test4.jsonl', 'test5.jsonl', 'test6.jsonl']);
    expect(releaseFiles('release_v2')).toEqual(['test.jsonl', 'test2.jsonl']);
    expect(releaseFiles('v6')).toEqual(['test6.jsonl']);
    expect(releaseFiles('v4_v5')).toEqual(['test4.jsonl', 'test5.jsonl']);
    expect(releaseFiles('release_latest')).toHaveLength(6);
  });

  it('downloads only files that can hold in-window problems, pinned with sha256', () => {
    const options = optionsSchema.parse({});
    expect(windowFiles(options).read).toEqual(['test6.jsonl']);
    const spec = datasetSpec(options);
    expect(Object.keys(spec.files)).toEqual(['test6.jsonl']);
    expect(spec.files['test6.jsonl']?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(spec.files['test6.jsonl']?.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(datasetSpec(optionsSchema.parse({ start_date: '2024-10-06' })).files)).toEqual(['test5.jsonl', 'test6.jsonl']);
    expect(Object.keys(datasetSpec(optionsSchema.parse({ start_date: '2024-10-05' })).files)).toHaveLength(6);
    expect(Object.keys(datasetSpec(optionsSchema.parse({ start_date: '2025-01-04', release: 'v6' })).files)).toEqual(['test6.jsonl']);
    expect(Object.keys(datasetSpec(optionsSchema.parse({ start_date: '2023-01-01', release: 'release_v3' })).files)).toHaveLength(3);
  });
});

describe('local dataset path', () => {
  it('maps a file to one logical file and a directory to the release files inside it', () => {
    const options = optionsSchema.parse({});
    expect(localFiles(FIXTURE, options)).toEqual({ 'local.jsonl': FIXTURE });
    const dir = fileURLToPath(new URL('../../fixtures/livecodebench', import.meta.url));
    expect(localFiles(dir, options)).toEqual({ 'test6.jsonl': `${dir}/test6.jsonl` });
  });
});

describe('window', () => {
  it('is inclusive at both ends, at midnight', async () => {
    // fxa001_a is 2025-02-01T00:00 (in), fxa003_c 2025-05-01T00:00 (in), fxa004_d 2025-05-01T18:30 (out), fxa005_e 2025-01-31T23:59:59 (out)
    expect(await ids(optionsSchema.parse({}))).toEqual(['fxa001_a', 'fx0002', 'fxa003_c']);
    expect(await ids(optionsSchema.parse({ start_date: '2025-01-31', end_date: '2025-05-02' }))).toEqual(['fxa001_a', 'fx0002', 'fxa003_c', 'fxa004_d', 'fxa005_e']);
    expect(await ids(optionsSchema.parse({ start_date: '2025-03-15', end_date: '2025-03-15' }))).toEqual([]);
    expect(await ids(optionsSchema.parse({ start_date: '2025-03-15', end_date: '2025-03-16' }))).toEqual(['fx0002']);
  });

  it('decodes fields: func_name from metadata, public tests, private tests kept encoded', async () => {
    const problems = [];
    for await (const problem of loadProblems(files(FIXTURE), optionsSchema.parse({}))) problems.push(problem);
    const [stdin, functional] = problems;
    expect(stdin?.fn_name).toBeNull();
    expect(stdin?.public_tests).toHaveLength(2);
    expect(stdin?.private_test_cases.startsWith('eJ')).toBe(true);
    expect(functional?.fn_name).toBe('twoLargest');
    expect(functional?.starter_code).toContain('def twoLargest');
  });

  it('names file, line and field on a bad row', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'lcb-')), 'bad.jsonl');
    writeFileSync(path, '{"question_id": "x", "platform": "atcoder"}\n');
    await expect(ids(optionsSchema.parse({}))).resolves.toBeDefined();
    await expect((async () => { for await (const _ of loadProblems(files(path), optionsSchema.parse({}))) void _; })()).rejects.toThrow(/bad\.jsonl:1: .*question_title/);
  });
});
