// Loading questions: the HF parquet files and LiveBench's local layout give the same questions, and the
// release rule and the task choice select them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../../harness/datasets/jsonl.ts';
import type { DatasetFiles } from '../../../harness/suite.ts';
import { datasetSpec, loadQuestions, localLayout } from '../../../suites/livebench/dataset.ts';
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
  it('reads the local layout and keeps only release 2024-11-25 questions of the chosen tasks', async () => {
    const opts = options({ tasks: TASKS });
    const questions = await load(localLayout(LOCAL, opts), opts, 'local');
    // wol-3 is from a later release, zeb-2 was removed on 2024-11-25
    expect(questions.map((q) => q.question_id)).toEqual(['cta-1', 'cta-2', 'tj-1', 'sp-1', 'sp-2', 'wol-1', 'wol-2', 'zeb-1', 'zeb-3']);
    const zebra = questions.find((q) => q.question_id === 'zeb-1');
    expect(zebra).toMatchObject({ category: 'reasoning', task: 'zebra_puzzle', subtask: null, livebench_release_date: '2024-11-25', livebench_removal_date: '' });
    expect(zebra?.raw['level']).toBe(3);
  });

  it('reads the parquet files (timestamps, lists, int64, several row groups) into the same questions', async () => {
    const opts = options({ tasks: TASKS });
    expect(Object.keys(datasetSpec(opts).files)).toEqual(['data_analysis', 'reasoning']);
    const hub = await load({ data_analysis: join(FIXTURES, 'hub/data_analysis.parquet'), reasoning: join(FIXTURES, 'hub/reasoning.parquet') }, opts, 'hub');
    const local = await load(localLayout(LOCAL, opts), opts, 'local');
    expect(hub.map((q) => q.question_id)).toEqual(local.map((q) => q.question_id));
    for (const [i, q] of hub.entries()) {
      const { raw, ...typed } = q;
      const { raw: localRaw, ...localTyped } = local[i] ?? q;
      expect(typed).toEqual(localTyped);
      expect(raw['livebench_release_date']).toBe(localRaw['livebench_release_date']);
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
    expect(() => localLayout(LOCAL, { ...opts, categories: ['data_analysis'], tasks: ['cta', 'tablejoin', 'tablereformat'] })).toThrow(
      /category data_analysis is incomplete \(missing .*tablereformat\/question\.jsonl\)/,
    );
  });

  it('names the file, line and field of a bad row', async () => {
    const opts = options({ tasks: ['spatial'] });
    const bad = join(FIXTURES, 'bad/reasoning/spatial/question.jsonl');
    await expect(load({ 'reasoning/spatial': bad }, opts, 'local')).rejects.toThrow(DatasetError);
    await expect(load({ 'reasoning/spatial': bad }, opts, 'local')).rejects.toThrow(/question\.jsonl:2: field "livebench_release_date" must be a "YYYY-MM-DD" date/);
  });
});
