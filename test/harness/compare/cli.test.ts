import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/compare.ts';
import { aggregateRecord } from '../../../harness/results/aggregate.ts';
import { writeScoresFile } from '../../../harness/results/files.ts';
import { runSummary } from '../../fixtures/results/run-summary.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';

const NAME = 'Qwen3-235B-A22B-Instruct-2507';

async function setup(published: number, recordReference = true) {
  const dir = await mkdtemp(join(tmpdir(), 'parity-compare-'));
  const referencePath = join(dir, 'table.json');
  await writeFile(referencePath, JSON.stringify([referenceRecord(NAME, [{ benchmark: 'AIME25', score: published, metric_id: 'avg_at_k' }])]));
  const runDir = join(dir, 'run');
  await mkdir(runDir);
  await writeScoresFile(runDir, aggregateRecord(runSummary({ reference: recordReference ? referencePath : null })));
  return { runDir, referencePath };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('npm run compare', () => {
  it('exits 0 when nothing diverges, using the reference the run recorded', async () => {
    const { runDir, referencePath } = await setup(65.0);
    const c = capture();
    expect(await main([runDir], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(referencePath);
    expect(c.out.join('\n')).toMatch(/\| aime25 \| avg_at_k\(k=4\) \| 62\.5 \[52\.7, 72\.3\] \| 65\.0 \| -2\.5 \| consistent \|/);
  });

  it('exits 1 when something diverges, and --json carries the rows', async () => {
    const { runDir } = await setup(95.0);
    const c = capture();
    expect(await main([runDir, '--json'], c.io)).toBe(1);
    const parsed: unknown = JSON.parse(c.out.join('\n'));
    expect(parsed).toMatchObject({ exit_code: 1, rows: expect.arrayContaining([expect.objectContaining({ verdict: 'diverges' })]) });
  });

  it('exits 2 when the reference holds nothing for the run\'s model, naming the models it holds', async () => {
    const { runDir, referencePath } = await setup(65.0);
    await writeFile(referencePath, JSON.stringify([referenceRecord('Some Other Model', [{ benchmark: 'AIME25', score: 65, metric_id: 'avg_at_k' }])]));
    const c = capture();
    expect(await main([runDir], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/no published numbers for model "Qwen3-235B-A22B-Instruct-2507".*The file holds: Some Other Model/);
  });

  it('warns when error samples are missing from the scores', async () => {
    const { runDir } = await setup(65.0);
    const c = capture();
    await main([runDir], c.io);
    expect(c.out.join('\n')).toMatch(/WARNING: aime25 has 2 error samples \(no response\)/);
  });

  it('--tolerance widens what counts as consistent', async () => {
    const { runDir } = await setup(95.0);
    expect(await main([runDir, '--tolerance', '40'], capture().io)).toBe(0);
  });

  it('falls back to the reference recorded in spec.json', async () => {
    const { runDir, referencePath } = await setup(95.0, false);
    await writeFile(join(runDir, 'spec.json'), JSON.stringify({ config: { reference: referencePath } }));
    const c = capture();
    expect(await main([runDir], c.io)).toBe(1);
    expect(c.out.join('\n')).toContain(referencePath);
  });

  it('--reference overrides the recorded one', async () => {
    const { runDir } = await setup(95.0);
    const other = await setup(62.0);
    expect(await main([runDir, '--reference', other.referencePath], capture().io)).toBe(0);
  });

  it('exits 2 on bad input, naming the problem', async () => {
    const missing = capture();
    expect(await main(['/nonexistent/run'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/\/nonexistent\/run: no such directory; pass run directories written by `npm run eval`/);

    const { runDir } = await setup(60, false);

    const badRef = join(runDir, 'bad.json');
    await writeFile(badRef, JSON.stringify({ schema_version: '0.3.0' }));
    const invalid = capture();
    expect(await main([runDir, '--reference', badRef], invalid.io)).toBe(2);
    expect(invalid.err.join('\n')).toContain(`${badRef}: evaluation_id`);

    expect(await main([runDir, '--tolerance', 'wide'], capture().io)).toBe(2);
    expect(await main([], capture().io)).toBe(2);
    expect(await main([runDir, '--bogus'], capture().io)).toBe(2);
  });

  it('runs as a script with the same exit codes', async () => {
    const { runDir } = await setup(95.0);
    const script = new URL('../../../harness/cli/compare.ts', import.meta.url).pathname;
    const tsx = new URL('../../../node_modules/.bin/tsx', import.meta.url).pathname;
    const diverges = spawnSync(tsx, [script, runDir], { encoding: 'utf8' });
    expect(diverges.status).toBe(1);
    expect(diverges.stdout).toContain('diverges');
    expect(spawnSync(tsx, [script], { encoding: 'utf8' }).status).toBe(2);
  });
});
