// compare joins a LiveBench run with the published cells: the overall with the table's "LiveBench",
// category numbers only where a table publishes them; facts no source states are listed as unknown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRecords } from '../../../harness/compare/compare.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { readAggregateFile } from '../../../harness/results/files.ts';
import type { ScoredSample } from '../../../harness/suite.ts';
import { CATEGORIES, TASKS_BY_CATEGORY } from '../../../suites/livebench/categories.ts';
import { suite } from '../../../suites/livebench/index.ts';
import { liveBenchMetrics } from '../../../suites/livebench/metrics.ts';
import { TABLEREFORMAT_DEVIATIONS } from '../../../suites/livebench/data-analysis/tablereformat.ts';
import { AMPS_HARD_DEVIATIONS } from '../../../suites/livebench/scorers/math.ts';
import { BENCHMARKS } from '../../../suites/index.ts';
import { aimeSuite, MODEL, runSummary } from '../../fixtures/results/run-summary.ts';

const REFERENCE = join(import.meta.dirname, '../../../results/reference/qwen3-max-instruct-preview.json');

/** 40 questions per task, 32 right: every task 80, so every category and the overall are 80. */
function samples(categories: readonly string[]): ScoredSample[] {
  return CATEGORIES.filter((c) => categories.includes(c)).flatMap((category) =>
    TASKS_BY_CATEGORY[category].flatMap((task) =>
      Array.from({ length: 40 }, (_, i) => ({ item_id: `${task}-${i}`, sample_index: 0, score: { value: i < 32 ? 1 : 0, verdict: 'x', extracted: null, groups: { category, task, subtask: task } } })),
    ),
  );
}

/** What a Debian run records: each scorer's deviations named by its task, as the session names them. */
const DEBIAN_DEVIATIONS = [
  ...AMPS_HARD_DEVIATIONS.map((d) => `AMPS_Hard: ${d}`),
  ...Object.values(TABLEREFORMAT_DEVIATIONS).map((d) => `tablereformat: ${d}`),
];

function livebenchRun(categories: readonly string[], deviations: readonly string[] = []) {
  const options = suite.optionsSchema.parse({});
  const scored = samples(categories);
  const protocol = suite.protocol(options);
  return aggregateRecord(
    runSummary({
      model: { ...MODEL, name: 'Qwen3-Max-Instruct-Preview', id: 'qwen/qwen3-max-preview' },
      suites: [
        {
          ...aimeSuite(),
          suite: 'livebench',
          title: 'LiveBench',
          catalogue: suite.catalogue,
          metrics: liveBenchMetrics(scored, options.tasks),
          protocol: { ...protocol, deviations: [...protocol.deviations, ...deviations] },
          generation: { temperature: 0.7, top_p: 0.8, max_tokens: 32768 },
        },
      ],
    }),
  );
}

describe('compare with LiveBench cells', () => {
  it('the overall joins the published "LiveBench" number; unstated protocol facts are unknown', async () => {
    const references = await readAggregateFile(REFERENCE);
    const rows = compareRecords(livebenchRun(CATEGORIES), references, { tolerance: 1, catalogue: BENCHMARKS });
    const overall = rows.find((r) => r.headline);
    expect(overall).toMatchObject({ benchmark: 'livebench', evaluation_name: 'livebench', published: { value: 79.3 } });
    expect(overall?.reproduced.value).toBeCloseTo(80, 10);
    expect(overall?.verdict).toBe('consistent');
    expect(overall?.unknown).toEqual(expect.arrayContaining(['protocol.system_prompt', 'protocol.code_revision', 'generation.max_tokens']));
    // no table publishes LiveBench category or task cells for this model: no rows for them
    expect(rows.filter((r) => r.benchmark === 'livebench')).toHaveLength(1);
  });

  it('without all six categories there is no overall, so nothing is held against the published 79.3', async () => {
    const references = await readAggregateFile(REFERENCE);
    const rows = compareRecords(livebenchRun(['math', 'reasoning', 'data_analysis']), references, { tolerance: 1, catalogue: BENCHMARKS });
    expect(rows.filter((r) => r.benchmark === 'livebench')).toEqual([]);
  });

  it('a category cell, where a table publishes one, joins the category metric', async () => {
    const [record] = await readAggregateFile(REFERENCE);
    if (record === undefined) throw new Error('empty reference');
    const cell = record.evaluation_results.find((e) => e.evaluation_name === 'LiveBench');
    if (cell === undefined) throw new Error('no LiveBench cell');
    const mathCell = {
      ...cell,
      evaluation_name: 'LiveBench/category=math',
      metric_config: { ...cell.metric_config, metric_id: 'livebench.category_average' },
      score_details: { ...cell.score_details, score: 70 },
    };
    const reference = { ...record, evaluation_results: [mathCell] };
    const rows = compareRecords(livebenchRun(['math']), [reference], { tolerance: 1, catalogue: BENCHMARKS });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ evaluation_name: 'livebench/category=math', published: { value: 70 }, verdict: 'diverges' });
  });

  it('a Debian run is not comparable; --accept-deviation for its environment deviations gives the overall a verdict that lists them', async () => {
    const references = await readAggregateFile(REFERENCE);
    const run = livebenchRun(CATEGORIES, DEBIAN_DEVIATIONS);
    const overall = (acceptDeviations: string[]) => compareRecords(run, references, { tolerance: 1, catalogue: BENCHMARKS, acceptDeviations }).find((r) => r.headline);
    expect(overall([])).toMatchObject({ verdict: 'not comparable', delta: null, accepted_deviations: [] });
    expect(overall([])?.differs.map((d) => d.field)).toEqual(['deviations']);
    // AMPS_Hard alone leaves tablereformat's deviations counted
    const partly = overall(['AMPS_Hard: *']);
    expect(partly).toMatchObject({ verdict: 'not comparable', accepted_deviations: AMPS_HARD_DEVIATIONS.map((d) => `AMPS_Hard: ${d}`).sort() });
    expect(partly?.differs).toEqual([{ field: 'deviations', run: Object.values(TABLEREFORMAT_DEVIATIONS).map((d) => `tablereformat: ${d}`).sort().join(', '), reference: 'none (official protocol)' }]);
    const accepted = overall(['AMPS_Hard: *', 'tablereformat: *']);
    expect(accepted).toMatchObject({ verdict: 'consistent', published: { value: 79.3 }, differs: [], accepted_deviations: [...DEBIAN_DEVIATIONS].sort() });
    expect(accepted?.delta).toBeCloseTo(80 - 79.3, 10);
  });
});
