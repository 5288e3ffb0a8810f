// Loading questions: the HF parquet files and LiveBench's local layout give the same questions, and the
// release rule and the task choice select them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../harness/datasets/jsonl.ts';
import type { DatasetFiles } from '../../../harness/suite.ts';
import { datasetSpec, loadQuestions, localLayout } from '../../../suites/livebench/dataset.ts';
import { HUB_FILES, hubFilesPinned } from '../../../suites/livebench/hub-files.ts';
import { suite } from '../../../suites/livebench/index.ts';
import type { LiveBenchOptions } from '../../../suites/livebench/options.ts';
import type { LiveBenchQuestion } from '../../../suites/livebench/question.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/livebench');
const LOCAL = join(FIXTURES, 'local');

function options(raw: Record<string, unknown>): LiveBenchOptions {
  return suite.optionsSchema.parse(raw);
}

async function load(files: Record<string, string>, opts: LiveBenchOptions, origin: 'hub' | 'local'): Promise<LiveBenchQuestion[]> {
  const dataset: DatasetFiles = { paths: files, origin, revision: 'test', sha256: {} };
  const out: LiveBenchQuestion[] = [];
  for await (const q of loadQuestions(dataset, opts)) out.push(q);
  return out;
}

const TASKS = ['web_of_lies_v2', 'zebra_puzzle', 'spatial', 'cta', 'tablejoin'];

describe('LiveBench questions', () => {
  it('pins every Hub file to a full commit, its LFS sha256 and its size, and says so in the protocol', () => {
    for (const file of Object.values(HUB_FILES)) {
      expect(file.revision).toMatch(/^[0-9a-f]{40}$/);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(file.size).toBeGreaterThan(0);
      expect(file.file).toBe('data/test-00000-of-00001.parquet');
    }
    expect(hubFilesPinned(HUB_FILES)).toBe(true);
    expect(hubFilesPinned({ ...HUB_FILES, math: { ...HUB_FILES.math, revision: 'main' } })).toBe(false);
    expect(hubFilesPinned({ ...HUB_FILES, math: { repo: 'livebench/math', file: 'x', revision: HUB_FILES.math.revision } })).toBe(false);
    expect(suite.protocol(options({})).details['dataset_pin']).toBe('each file pinned by revision and sha256');
  });

  it('reads the local layout and keeps only release 2024-11-25 questions of the chosen tasks', async () => {
    const opts = options({ tasks: TASKS });
    const questions = await load(localLayout(LOCAL, opts), opts, 'local');
    // wol-3 is from a later release, zeb-2 was removed on 2024-11-25
    expect(questions.map((q) => q.question_id)).toEqual(['cta-1', 'cta-2', 'tj-1', 'sp-1', 'sp-2', 'wol-1', 'wol-2', 'zeb-1', 'zeb-3']);
    const zebra = questions.find((q) => q.question_id === 'zeb-1');
    expect(zebra).toMatchObject({ category: 'reasoning', task: 'zebra_puzzle', subtask: null, livebench_release_date: '2024-11-25', livebench_removal_date: '' });
    expect(zebra?.raw['level']).toBe(3);
  });

  it('reads the parquet files (timestamps, lists, int64, nested values, several row groups) into the same questions', async () => {
    const opts = options({});
    expect(Object.keys(datasetSpec(opts).files)).toEqual(['coding', 'data_analysis', 'instruction_following', 'math', 'reasoning', 'language']);
    const hubFiles = Object.fromEntries(Object.keys(datasetSpec(opts).files).map((c) => [c, join(FIXTURES, `hub/${c}.parquet`)]));
    const hub = await load(hubFiles, opts, 'hub');
    const local = await load(localLayout(LOCAL, opts), opts, 'local');
    expect(hub).toHaveLength(31);
    expect(hub.map((q) => q.question_id).sort()).toEqual(local.map((q) => q.question_id).sort());
    const byId = new Map(local.map((q) => [q.question_id, q]));
    for (const q of hub) {
      const { raw, ...typed } = q;
      const { raw: localRaw, ...localTyped } = byId.get(q.question_id) ?? q;
      expect(typed).toEqual(localTyped);
      expect(raw['livebench_release_date']).toBe(localRaw['livebench_release_date']);
      for (const key of ['kwargs', 'instruction_id_list', 'original_json', 'public_test_cases', 'subtask'] as const) expect(raw[key]).toEqual(localRaw[key]);
    }
  });

  it('applies an older release: 2024-08-31 has the removed zebra question and not the new ones', async () => {
    const opts = options({ release: '2024-08-31', tasks: ['zebra_puzzle'] });
    const questions = await load(localLayout(LOCAL, opts), opts, 'local');
    expect(questions.map((q) => q.question_id)).toEqual(['zeb-2']);
  });

  it('takes the tasks a local copy holds when the config names none, and refuses a partial category', () => {
    const opts = options({});
    const layout = localLayout(join(LOCAL), { ...opts, categories: ['reasoning'], tasks: ['web_of_lies_v2', 'zebra_puzzle', 'spatial'] });
    expect(Object.keys(layout)).toEqual(['reasoning/web_of_lies_v2', 'reasoning/zebra_puzzle', 'reasoning/spatial']);
    expect(() => localLayout(join(FIXTURES, 'bad'), { ...opts, categories: ['reasoning'], tasks: ['web_of_lies_v2', 'zebra_puzzle', 'spatial'] })).toThrow(
      /category reasoning is incomplete \(missing .*web_of_lies_v2\/question\.jsonl, .*zebra_puzzle\/question\.jsonl\)/,
    );
  });

  it('takes a category\'s Hub file from a local copy laid out as a Hub download leaves it', async () => {
    const opts = options({ categories: ['reasoning'] });
    const dir = join(FIXTURES, 'hf-download');
    const layout = localLayout(dir, opts);
    expect(layout).toEqual({ reasoning: join(dir, 'reasoning/data/test-00000-of-00001.parquet') });
    const questions = await load(layout, opts, 'local');
    expect(questions.map((q) => q.question_id).sort()).toEqual(['sp-1', 'sp-2', 'wol-1', 'wol-2', 'zeb-1', 'zeb-3']);
  });

  it('skips rows of later releases before checking their format (the HF files hold every release)', async () => {
    const opts = options({ tasks: ['spatial'] });
    const questions = await load({ 'reasoning/spatial': join(FIXTURES, 'later/reasoning/spatial/question.jsonl') }, opts, 'local');
    expect(questions.map((q) => q.question_id)).toEqual(['sp-2024']);
  });

  it('names the file, line and field of a bad row', async () => {
    const opts = options({ tasks: ['spatial'] });
    const bad = join(FIXTURES, 'bad/reasoning/spatial/question.jsonl');
    await expect(load({ 'reasoning/spatial': bad }, opts, 'local')).rejects.toThrow(DatasetError);
    await expect(load({ 'reasoning/spatial': bad }, opts, 'local')).rejects.toThrow(/question\.jsonl:2: field "livebench_release_date" must be a "YYYY-MM-DD" date/);
  });
});
