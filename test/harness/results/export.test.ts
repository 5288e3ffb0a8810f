import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/export.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { writeScoresFile } from '../../../harness/results/files.ts';
import { instanceRow } from '../../../harness/results/instance.ts';
import { aimeSuite, instanceInput, runSummary } from '../../fixtures/results/run-summary.ts';

async function runDirWithSamples(declaredRows?: number, value = 62.5) {
  const root = await mkdtemp(join(tmpdir(), 'parity-export-'));
  const runDir = join(root, 'run');
  await mkdir(runDir);
  const text = [0, 1, 2].map((i) => `${JSON.stringify(instanceRow(instanceInput({ sample_index: i })))}\n`).join('');
  await writeFile(join(runDir, 'samples.jsonl'), text);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const suite = aimeSuite();
  suite.metrics = suite.metrics.map((m, i) => (i === 0 ? { ...m, value } : m));
  const summary = runSummary({ suites: [suite], samples_file: { path: join(runDir, 'samples.jsonl'), sha256, rows: declaredRows ?? 3 } });
  await writeScoresFile(runDir, aggregateRecord(summary));
  return { root, runDir, text };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('npm run export', () => {
  it('lays the run out as data/<benchmark>/<developer>/<model>/<uuid>{.json,_samples.jsonl}', async () => {
    const { root, runDir, text } = await runDirWithSamples();
    const out = join(root, 'store');
    const c = capture();
    expect(await main([runDir, out], c.io)).toBe(0);
    const scores = await readFile(join(runDir, 'scores.json'), 'utf8');
    const filePath = aggregateRecord(runSummary({ suites: [aimeSuite()] })).detailed_evaluation_results?.file_path ?? '';
    expect(filePath).toMatch(/^data\/aime25\/Qwen\/Qwen3-235B-A22B-Instruct-2507\/[0-9a-f-]{36}_samples\.jsonl$/);
    expect(await readFile(join(out, filePath), 'utf8')).toBe(text);
    const aggregatePath = join(out, filePath.replace('_samples.jsonl', '.json'));
    expect(await readFile(aggregatePath, 'utf8')).toBe(scores);
    expect(c.out.join('\n')).toContain(relative(root, aggregatePath));
  });

  it('never overwrites an earlier export', async () => {
    const { root, runDir } = await runDirWithSamples();
    const out = join(root, 'store');
    expect(await main([runDir, out], capture().io)).toBe(0);
    const again = capture();
    expect(await main([runDir, out], again.io)).toBe(2);
    expect(again.err.join('\n')).toMatch(/choose an empty directory/);
  });

  it('refuses samples that do not match the record', async () => {
    const { root, runDir } = await runDirWithSamples(4);
    const c = capture();
    expect(await main([runDir, join(root, 'store')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/3 rows, but scores\.json declares total_rows 4/);
  });

  it('refuses a changed samples file by its checksum', async () => {
    const { root, runDir, text } = await runDirWithSamples();
    await writeFile(join(runDir, 'samples.jsonl'), text.replace('"sample_index":"0"', '"sample_index":"9"'));
    const c = capture();
    expect(await main([runDir, join(root, 'store')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/differs from scores\.json checksum/);
  });

  it('needs a run directory and a target', async () => {
    expect(await main(['only-one'], capture().io)).toBe(2);
  });

  it('refuses a score outside its declared bounds, as the datastore would', async () => {
    const { root, runDir } = await runDirWithSamples(undefined, 101);
    const c = capture();
    expect(await main([runDir, join(root, 'store')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/evaluation_results\[0\]\.score_details\.score: 101 is above max_score 100/);
  });
});
