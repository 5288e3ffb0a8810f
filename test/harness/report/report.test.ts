import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../../suites/index.ts';
import { compareRecords } from '../../../harness/compare/compare.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { renderReport, writeReportFile } from '../../../harness/report/report.ts';
import { MODEL, runSummary } from '../../fixtures/results/run-summary.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';

function section(report: string, title: string): string {
  const start = report.indexOf(`## ${title}`);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const next = report.indexOf('\n## ', start + 3);
  return report.slice(start, next === -1 ? undefined : next);
}

describe('renderReport', () => {
  const summary = runSummary();
  const rows = compareRecords(
    aggregateRecord(summary),
    [referenceRecord(summary.model.name, [{ benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' }])],
    { tolerance: 1, catalogue: BENCHMARKS },
  );

  it('shows the comparison table with verdicts', () => {
    const text = section(renderReport(summary, rows), 'Comparison with published numbers');
    expect(text).toMatch(/\| aime25 \| avg_at_k\(k=4\) \| 62\.5 \[52\.7, 72\.3\] \| 70\.3 \| -7\.8 \| consistent \|/);
    expect(text).toContain('no reference');
  });

  it('says how to compare when there is no comparison', () => {
    const text = renderReport(runSummary({ reference: null }), null);
    expect(section(text, 'Comparison with published numbers')).toContain('--reference <file>');
  });

  it('puts headline metrics first and every other metric under its suite', () => {
    const report = renderReport(summary, rows);
    const headline = section(report, 'Headline results');
    expect(headline).toContain('avg_at_k(k=4)');
    expect(headline).toContain('arena_hard.win_rate');
    expect(headline).not.toContain('pass_at_k');
    const breakdowns = section(report, 'Breakdowns');
    expect(breakdowns).toMatch(/### AIME 2025 \(`aime25`\)[\s\S]*pass_at_k\(k=4\)[\s\S]*aime25\/contest=I/);
    expect(breakdowns).toMatch(/### Arena-Hard v2 \(`arena-hard-v2`\)\n\n_No further metrics\._/);
  });

  it('counts tokens and estimates cost from the model pricing', () => {
    const text = section(renderReport(summary, rows), 'Tokens and cost');
    // aime25: 12,000 prompt x $0.7/M + 900,000 completion x $2.8/M = $2.5284
    expect(text).toMatch(/\| aime25 \| 120 \| 12000 \| 900000 \| — \| \$2\.53 \|/);
    expect(text).toMatch(/\| \*\*total\*\* \| 870 \| 312000 \| 2400000 \| 0 \| \$6\.94 \|/);
    const unpriced = { ...MODEL };
    delete unpriced.pricing;
    expect(section(renderReport(runSummary({ model: unpriced }), null), 'Tokens and cost')).toContain('no cost estimate');
  });

  it('reports errors by kind', () => {
    const text = section(renderReport(summary, rows), 'Errors');
    expect(text).toContain('2 sample(s) got no response');
    expect(text).toMatch(/\| aime25 \| 2 \| timeout: 2 \|/);
  });

  it('lists the settings used', () => {
    const text = section(renderReport(summary, rows), 'Settings');
    expect(text).toContain('"temperature":0.7');
    expect(text).toContain('revision `abc123`');
    expect(text).toContain('extractor: `last-boxed-integer`');
    expect(text).toContain('GPT-4.1 (`openai/gpt-4.1`');
    expect(text).toContain('deviations from the official protocol: none');
  });

  it('labels a simulated model loudly', async () => {
    const simulated = runSummary({ model: { ...MODEL, name: 'demo-model', simulated: true } });
    const dir = await mkdtemp(join(tmpdir(), 'parity-report-'));
    const path = await writeReportFile(dir, simulated, null);
    const text = await readFile(path, 'utf8');
    expect(text.split('\n')[0]).toBe('# Parity report: demo-model (SIMULATED)');
    expect(text.match(/SIMULATED MODEL — NOT A REAL MODEL/g)).toHaveLength(2);
    expect(renderReport(summary, rows)).not.toContain('SIMULATED');
  });
});
