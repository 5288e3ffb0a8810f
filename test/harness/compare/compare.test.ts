import { BENCHMARKS } from '../../../suites/index.ts';
import { describe, expect, it } from 'vitest';
import { compareExitCode, compareRecords, type ComparisonRow } from '../../../harness/compare/compare.ts';
import { comparisonTable } from '../../../harness/compare/table.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import type { SuiteRunSummary } from '../../../harness/results/inputs.ts';
import { aimeSuite, arenaSuite, runSummary } from '../../fixtures/results/run-summary.ts';
import { referenceRecord, type Cell } from '../../fixtures/results/reference-builder.ts';

const NAME = 'Qwen3-235B-A22B-Instruct-2507';
const opts = { tolerance: 1, catalogue: BENCHMARKS };

function runWith(suites: SuiteRunSummary[] = [aimeSuite(), arenaSuite()]) {
  return aggregateRecord(runSummary({ suites }));
}

function aimeRow(cells: Cell[], suites?: SuiteRunSummary[]): ComparisonRow {
  const rows = compareRecords(runWith(suites), [referenceRecord(NAME, cells)], opts);
  const row = rows.find((r) => r.evaluation_name === 'aime25' && r.headline);
  if (row === undefined) throw new Error('no aime25 headline row');
  return row;
}

const AIME: Cell = { benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' };

describe('compareRecords verdicts', () => {
  it('consistent: the published value lies inside the reproduced 95% CI', () => {
    const row = aimeRow([AIME]);
    expect(row).toMatchObject({ verdict: 'consistent', published: { value: 70.3 }, differs: [] });
    expect(row.delta).toBeCloseTo(62.5 - 70.3, 9);
  });

  it('consistent: outside the CI but within the tolerance', () => {
    const run = runWith();
    const ref = referenceRecord(NAME, [{ benchmark: 'Arena-Hard v2', score: 81.0, metric_id: 'arena_hard.win_rate' }]);
    const strict = compareRecords(run, [ref], { tolerance: 0.5, catalogue: BENCHMARKS }).find((r) => r.benchmark === 'arena-hard-v2');
    const loose = compareRecords(run, [ref], { tolerance: 3, catalogue: BENCHMARKS }).find((r) => r.benchmark === 'arena-hard-v2');
    expect(strict?.verdict).toBe('diverges');
    expect(loose?.verdict).toBe('consistent');
  });

  it('diverges: says how many standard errors apart', () => {
    const row = aimeRow([{ ...AIME, score: 90.0 }]);
    expect(row.verdict).toBe('diverges');
    expect(row.se_apart).toBeCloseTo(27.5 / 5, 9);
    expect(compareExitCode([row])).toBe(1);
  });

  it('not comparable: only the first items of the benchmark (--limit)', () => {
    const row = aimeRow([AIME], [{ ...aimeSuite(), subset: true, items: 5 }]);
    expect(row.verdict).toBe('not comparable');
    expect(row.differs[0]).toEqual({ field: 'dataset.items', run: 'first 5 items (--limit)', reference: 'the whole benchmark' });
  });

  it('comparable: a random --subset, with "subset N of M" and the subset\'s interval', () => {
    const design = { population: 30, drawn: 20, seed: 3, strata: null };
    const row = aimeRow([AIME], [{ ...aimeSuite(), items: 20, sampled: design }]);
    expect(row.verdict).toBe('consistent');
    expect(row.coverage).toBe('subset 20 of 30');
    expect(row.differs).toEqual([]);
    const far = aimeRow([{ ...AIME, score: 90.0 }], [{ ...aimeSuite(), items: 20, sampled: design }]);
    expect(far.verdict).toBe('diverges');
    expect(comparisonTable([far])).toMatch(/\(subset 20 of 30\)/);
  });

  it('not comparable: a sampling setting the source states but the run never sent', () => {
    const suite = aimeSuite();
    const row = aimeRow([{ ...AIME, generation_args: { top_k: 20 } }], [{ ...suite, generation: { temperature: 0.7, top_p: 0.8, max_tokens: 38912 } }]);
    expect(row.verdict).toBe('not comparable');
    expect(row.differs).toContainEqual({ field: 'generation.top_k', run: 'not sent (server default)', reference: '20' });
  });

  it('not comparable: a simulated model, however close its number', () => {
    const simulated = aggregateRecord(runSummary({ model: { ...runSummary().model, simulated: true } }));
    const row = compareRecords(simulated, [referenceRecord(NAME, [AIME])], opts).find((r) => r.evaluation_name === 'aime25' && r.headline);
    expect(row?.verdict).toBe('not comparable');
    expect(row?.differs[0]).toEqual({ field: 'model', run: 'simulated endpoint', reference: 'the real model' });
  });

  it('not comparable: a different metric id', () => {
    const row = aimeRow([{ ...AIME, metric_id: 'pass_at_k' }]);
    expect(row.verdict).toBe('not comparable');
    expect(row.differs).toEqual([{ field: 'metric_id', run: 'avg_at_k', reference: 'pass_at_k' }]);
    expect(row.delta).toBeNull();
  });

  it('not comparable: different metric parameters', () => {
    const row = aimeRow([{ ...AIME, parameters: { k: 64 } }]);
    expect(row.differs).toEqual([{ field: 'metric_parameters.k', run: '4', reference: '64' }]);
  });

  it('not comparable: a different dataset window or version', () => {
    const suite = aimeSuite();
    suite.protocol.details = { release_version: 'release_v6', start_date: '2025-02-01', end_date: '2025-05-01' };
    const window = aimeRow([{ ...AIME, facts: { 'dataset.window': '2024-10-01..2025-02-01' } }], [suite]);
    expect(window.verdict).toBe('not comparable');
    expect(window.differs.map((d) => d.field)).toEqual(['dataset.window']);
    const version = aimeRow([{ ...AIME, facts: { 'dataset.version': 'release_v5' } }], [suite]);
    expect(version.differs).toEqual([{ field: 'dataset.version', run: 'release_v6', reference: 'release_v5' }]);
    // the same window and version, spelled differently, match
    const same = aimeRow([{ ...AIME, facts: { 'dataset.version': 'v6', 'dataset.window': '2025-02-01/2025-05-01' } }], [suite]);
    expect(same.verdict).toBe('consistent');
  });

  it('not comparable: a recorded generation setting differs', () => {
    const row = aimeRow([{ ...AIME, generation_args: { temperature: 0.6 }, facts: { 'generation.presence_penalty': '1.5' } }]);
    expect(row.differs).toEqual([{ field: 'generation.temperature', run: '0.7', reference: '0.6' }]);
  });

  it('not comparable: a different judge model', () => {
    const ref = referenceRecord(NAME, [
      { benchmark: 'Arena-Hard v2', score: 78.0, metric_id: 'arena_hard.win_rate', facts: { judge_model: 'gemini-2.5' } },
    ]);
    const row = compareRecords(runWith(), [ref], opts).find((r) => r.benchmark === 'arena-hard-v2');
    expect(row?.differs).toEqual([{ field: 'judge_model', run: 'openai/gpt-4.1', reference: 'gemini-2.5' }]);
    const same = referenceRecord(NAME, [
      { benchmark: 'Arena-Hard v2', score: 78.0, metric_id: 'arena_hard.win_rate', facts: { judge_model: 'gpt-4.1' } },
    ]);
    expect(compareRecords(runWith(), [same], opts).find((r) => r.benchmark === 'arena-hard-v2')?.verdict).toBe('consistent');
  });

  it('not comparable: a different extractor', () => {
    const row = aimeRow([{ ...AIME, facts: { extractor: 'qwen-math-parser' } }]);
    expect(row.differs).toEqual([{ field: 'extractor', run: 'last-boxed-integer', reference: 'qwen-math-parser' }]);
  });

  it('not comparable: the run used a named deviation', () => {
    const suite = aimeSuite();
    suite.protocol.deviations = ['no-think-stripping'];
    const row = aimeRow([AIME], [suite]);
    expect(row.differs).toEqual([{ field: 'deviations', run: 'no-think-stripping', reference: 'none (official protocol)' }]);
  });

  it('without --accept-deviation every row of the run lists no accepted deviations', () => {
    expect(aimeRow([AIME]).accepted_deviations).toEqual([]);
  });

  it('--accept-deviation: a matched deviation no longer makes the row not comparable, and the row lists it', () => {
    const suite = aimeSuite();
    suite.protocol.deviations = ['no-think-stripping'];
    const rows = (patterns: string[], cells: Cell[]) => compareRecords(runWith([suite]), [referenceRecord(NAME, cells)], { ...opts, acceptDeviations: patterns });
    const head = (patterns: string[], cells: Cell[] = [AIME]) => rows(patterns, cells).find((r) => r.evaluation_name === 'aime25' && r.headline);
    expect(head([])).toMatchObject({ verdict: 'not comparable', accepted_deviations: [] });
    expect(head(['no-think-stripping'])).toMatchObject({ verdict: 'consistent', differs: [], accepted_deviations: ['no-think-stripping'] });
    expect(head(['no-think-*'])?.delta).toBeCloseTo(62.5 - 70.3, 9);
    const far = head(['*think*'], [{ ...AIME, score: 90 }]);
    expect(far).toMatchObject({ verdict: 'diverges', accepted_deviations: ['no-think-stripping'] });
    expect(compareExitCode(far === undefined ? [] : [far])).toBe(1);
  });

  it('--accept-deviation: a partly matched set stays not comparable, naming the deviations still counted', () => {
    const suite = aimeSuite();
    suite.protocol.deviations = ['AMPS_Hard: amps-hard-sympy-debian', 'tablereformat: tablereformat-60s-limit'];
    const row = compareRecords(runWith([suite]), [referenceRecord(NAME, [AIME])], { ...opts, acceptDeviations: ['AMPS_Hard: *'] }).find((r) => r.headline);
    expect(row).toMatchObject({
      verdict: 'not comparable',
      delta: null,
      differs: [{ field: 'deviations', run: 'tablereformat: tablereformat-60s-limit', reference: 'none (official protocol)' }],
      accepted_deviations: ['AMPS_Hard: amps-hard-sympy-debian'],
    });
  });

  it('--accept-deviation sets aside deviations only: any other differing fact keeps the row not comparable', () => {
    const suite = aimeSuite();
    suite.protocol.deviations = ['no-think-stripping'];
    const accept = { ...opts, acceptDeviations: ['*think*', 'extractor*', 'extractor: *'] };
    const row = compareRecords(runWith([suite]), [referenceRecord(NAME, [{ ...AIME, facts: { extractor: 'qwen-math-parser' } }])], accept).find((r) => r.headline);
    expect(row).toMatchObject({
      verdict: 'not comparable',
      differs: [{ field: 'extractor', run: 'last-boxed-integer', reference: 'qwen-math-parser' }],
      accepted_deviations: ['no-think-stripping'],
    });
    const limited = compareRecords(runWith([{ ...suite, subset: true, items: 5 }]), [referenceRecord(NAME, [AIME])], accept).find((r) => r.headline);
    expect(limited?.verdict).toBe('not comparable');
    expect(limited?.differs.map((d) => d.field)).toEqual(['dataset.items']);
  });

  it('--accept-deviation cannot accept a deviation the reference names and the run lacks', () => {
    const row = compareRecords(runWith(), [referenceRecord(NAME, [{ ...AIME, facts: { deviations: '["published-with-tools"]' } }])], { ...opts, acceptDeviations: ['*tools*'] }).find((r) => r.headline);
    expect(row).toMatchObject({ verdict: 'not comparable', accepted_deviations: [], differs: [{ field: 'deviations', run: 'none', reference: 'published-with-tools' }] });
  });

  it('the text table marks a row with accepted deviations and names them in a footnote', () => {
    const suite = aimeSuite();
    suite.protocol.deviations = ['no-think-stripping'];
    const rows = compareRecords(runWith([suite]), [referenceRecord(NAME, [AIME])], { ...opts, acceptDeviations: ['no-think-*'] });
    const text = comparisonTable(rows);
    expect(text).toMatch(/\| aime25 \| avg_at_k\(k=4\) \| 62\.5 \[52\.7, 72\.3\] \| 70\.3 \| -7\.8 \| consistent †1 \|/);
    expect(text).toContain("\n\n†1 deviations accepted with --accept-deviation (the user's judgement that it does not move the score; the official protocol was not followed): no-think-stripping.");
    expect(comparisonTable(compareRecords(runWith([suite]), [referenceRecord(NAME, [AIME])], opts))).not.toContain('†');
  });

  it('reports facts the reference marks unknown instead of matching them', () => {
    const row = aimeRow([{ benchmark: 'AIME25', score: 70.3, facts: { metric_id: 'unknown', 'dataset.window': '2025' } }]);
    expect(row.verdict).toBe('consistent');
    expect(row.unknown).toEqual(['metric_id', 'dataset.window (not recorded by the run)']);
  });

  it('no reference: nothing published for the cell or the model', () => {
    const rows = compareRecords(runWith(), [referenceRecord(NAME, [AIME])], opts);
    expect(rows.find((r) => r.benchmark === 'arena-hard-v2')?.verdict).toBe('no reference');
    // a secondary metric with no published counterpart
    expect(rows.find((r) => r.metric === 'pass_at_k(k=4)')?.verdict).toBe('no reference');
    // breakdown slices without a published number are left out
    expect(rows.some((r) => r.evaluation_name === 'aime25/contest=I')).toBe(false);
    const other = compareRecords(runWith(), [referenceRecord('Some Other Model', [AIME])], opts);
    expect(other.every((r) => r.verdict === 'no reference')).toBe(true);
    expect(compareExitCode(other)).toBe(0);
  });

  it('joins on the model id when the display names differ', () => {
    const ref = referenceRecord('Qwen3 235B 2507', [AIME], 'qwen/qwen3-235b-a22b-instruct-2507');
    expect(compareRecords(runWith(), [ref], opts).find((r) => r.headline)?.verdict).toBe('consistent');
  });

  it('exit code is 1 only when something diverges', () => {
    expect(compareExitCode([aimeRow([AIME])])).toBe(0);
    expect(compareExitCode([aimeRow([{ ...AIME, metric_id: 'pass_at_k' }])])).toBe(0);
    expect(compareExitCode([aimeRow([AIME]), aimeRow([{ ...AIME, score: 10 }])])).toBe(1);
  });

  it('matches a headline named as a slice with the benchmark-level published number', () => {
    const arena = arenaSuite();
    const head = arena.metrics[0];
    if (head === undefined) throw new Error('fixture');
    arena.metrics = [{ ...head, evaluation_name: 'arena-hard-v2/category=hard_prompt/style_control=true' }];
    const ref = referenceRecord(NAME, [{ benchmark: 'Arena-Hard v2', score: 79.2, metric_id: 'arena_hard.win_rate', facts: { judge_model: 'gpt-4.1' } }]);
    const row = compareRecords(runWith([arena]), [ref], opts)[0];
    expect(row).toMatchObject({ evaluation_name: 'arena-hard-v2/category=hard_prompt/style_control=true', verdict: 'consistent' });
  });

  it('reads a window object from the protocol and treats pass@1 as pass_at_k with k=1', () => {
    const lcb: SuiteRunSummary = {
      ...aimeSuite(),
      suite: 'livecodebench',
      title: 'LiveCodeBench',
      metrics: [{ evaluation_name: 'livecodebench', metric_id: 'pass@1', metric_name: 'pass@1', parameters: { k: 1, release: 'release_v6' },
        value: 52.0, unit: 'percent', lower_is_better: false, min_score: 0, max_score: 100, headline: true,
        uncertainty: { standard_error: { value: 4, method: 'clustered' }, num_samples: 131 } }],
      protocol: { prompt_template_hash: 'h', extractor: 'x', deviations: [], details: { window: { release: 'release_v6', start_date: '2025-02-01', end_date: '2025-05-01' } } },
    };
    const cell: Cell = { benchmark: 'LiveCodeBench', score: 51.8, metric_id: 'pass_at_k', parameters: { k: 1 },
      facts: { 'dataset.version': 'release_v6', 'dataset.window': '2025-02-01..2025-05-01' } };
    const head = lcb.metrics[0];
    if (head === undefined) throw new Error('fixture');
    lcb.metrics.push({ ...head, metric_id: 'pass@5', parameters: { k: 5 }, value: 70, headline: false });
    const [row, secondary] = compareRecords(runWith([lcb]), [referenceRecord(NAME, [cell])], opts);
    expect(row).toMatchObject({ verdict: 'consistent', differs: [], unknown: [] });
    expect(secondary).toMatchObject({ metric: 'pass@5(k=5)', verdict: 'no reference' });
    const later = compareRecords(runWith([lcb]), [referenceRecord(NAME, [{ ...cell, facts: { 'dataset.window': '2025-02-01..2025-06-01' } }])], opts)[0];
    expect(later?.differs).toEqual([{ field: 'dataset.window', run: '2025-02-01..2025-05-01', reference: '2025-02-01..2025-06-01' }]);
  });
});
