import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/compare.ts';
import { comparisonOutputSchema } from '../../../harness/compare/output-schema.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';
import { writeRunDir } from '../../fixtures/results/run-dirs.ts';

const QWEN = 'Qwen3-235B-A22B-Instruct-2507';
const KIMI = { name: 'Kimi K2', id: 'moonshotai/kimi-k2' };

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** Three runs of two models: Qwen twice (an older and a newer complete run), Kimi once, plus Kimi killed before scoring. */
async function threeRuns(kimiPublished: number) {
  const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
  const reference = join(root, 'table.json');
  await writeFile(
    reference,
    JSON.stringify([
      referenceRecord(QWEN, [{ benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' }]),
      referenceRecord(KIMI.name, [{ benchmark: 'AIME25', score: kimiPublished, metric_id: 'avg_at_k' }], KIMI.id),
    ]),
  );
  const runs = join(root, 'runs');
  const qwenOld = await writeRunDir(runs, { runId: '20251101-qwen-old', value: 50, finishedAt: '2025-11-01T11:00:00.000Z', reference });
  const qwenNew = await writeRunDir(runs, { runId: '20251102-qwen-new', value: 69.5, finishedAt: '2025-11-02T11:00:00.000Z', reference });
  const kimi = await writeRunDir(runs, { runId: '20251101-kimi', model: KIMI, value: 40, finishedAt: '2025-11-01T12:00:00.000Z', reference });
  const kimiKilled = await writeRunDir(runs, { runId: '20251103-kimi-killed', model: KIMI, finishedAt: '2025-11-03T09:00:00.000Z', reference, scored: false });
  return { root, reference, dirs: [qwenOld, qwenNew, kimi, kimiKilled] };
}

async function jsonOf(args: string[]) {
  const c = capture();
  const code = await main([...args, '--json'], c.io);
  return { code, output: comparisonOutputSchema.parse(JSON.parse(c.out.join('\n'))) };
}

describe('npm run compare with many runs', () => {
  it('prints one models x benchmarks table, each cell from the newest complete run, and exits 1 when a cell diverges', async () => {
    const { dirs } = await threeRuns(69.0);
    const c = capture();
    expect(await main(dirs, c.io)).toBe(1);
    const text = c.out.join('\n');
    expect(text).toMatch(/\| model \| AIME25 \|/);
    expect(text).toMatch(/\| Kimi K2 \| 40\.0 \[30\.2, 49\.8\] \/ 69\.0; Δ -29\.0; diverges \(5\.8 SE\); run 20251101-kimi \|/);
    expect(text).toMatch(/\| Qwen3-235B-A22B-Instruct-2507 \| 69\.5 \[59\.7, 79\.3\] \/ 70\.3; Δ -0\.8; consistent; run 20251102-qwen-new \|/);
    expect(text).toMatch(/Qwen3-235B-A22B-Instruct-2507 × AIME25: newest of 2 complete runs\. also: 20251101-qwen-old \(an older run, 50\.0\)/);
    expect(text).toMatch(/\| 20251103-kimi-killed \| Kimi K2 \| unfinished \| aime25 \|/);
    expect(text).toMatch(/Cells: 1 consistent, 1 diverging, 0 not comparable, 0 without a published number, 0 unfinished\./);
  });

  it('--json validates against the output schema; an unfinished run is listed and never used for a number', async () => {
    const { dirs } = await threeRuns(41.0);
    const { code, output } = await jsonOf(dirs);
    expect(code).toBe(0);
    expect(output.exit_code).toBe(0);
    expect(output.models).toEqual(['Kimi K2', QWEN]);
    expect(output.benchmarks).toEqual([{ id: 'aime25', title: 'AIME25' }]);
    const kimi = output.cells.find((cell) => cell.model === 'Kimi K2');
    expect(kimi?.run_id).toBe('20251101-kimi');
    expect(kimi?.verdict).toBe('consistent');
    expect(kimi?.row?.reproduced.value).toBe(40);
    expect(kimi?.other_runs).toEqual([{ run_id: '20251103-kimi-killed', status: 'unfinished', value: null, why_not_used: 'not finished (no scores.json)' }]);
    const killed = output.runs.find((r) => r.run_id === '20251103-kimi-killed');
    expect(killed?.status).toBe('unfinished');
    expect(killed?.status_note).toMatch(/no scores\.json.*--resume 20251103-kimi-killed/);
    expect(killed?.reference).toBe(output.runs.find((r) => r.run_id === '20251101-kimi')?.reference);
    // every metric of every scored run is there, tagged with its run
    expect(new Set(output.rows.map((r) => r.run_id))).toEqual(new Set(['20251101-qwen-old', '20251102-qwen-new', '20251101-kimi']));
  });

  it('uses a run with error samples only when no complete run covers the cell, and says so', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
    const complete = await writeRunDir(root, { runId: 'a-complete', value: 60, finishedAt: '2025-11-01T11:00:00.000Z' });
    const partial = await writeRunDir(root, { runId: 'b-partial', value: 64, finishedAt: '2025-11-05T11:00:00.000Z', errorSamples: 3 });
    const both = (await jsonOf([complete, partial])).output;
    expect(both.cells[0]?.run_id).toBe('a-complete');
    expect(both.cells[0]?.other_runs[0]).toMatchObject({ run_id: 'b-partial', status: 'errors', value: 64, why_not_used: '3 error samples' });
    const only = (await jsonOf([partial])).output;
    expect(only.cells[0]?.run_id).toBe('b-partial');
    expect(only.cells[0]?.note).toMatch(/3 samples have no response/);
    // a run naming no reference gives "no reference" cells, not an error
    expect(only.cells[0]?.row?.verdict).toBe('no reference');
    expect(only.cells[0]?.note).toMatch(/names no reference; pass one with --reference/);
  });

  it('the text names why a cell is not comparable and flags a cell whose run has error samples', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
    const reference = join(root, 'table.json');
    await writeFile(reference, JSON.stringify([referenceRecord('Sim', [{ benchmark: 'AIME25', score: 50, metric_id: 'avg_at_k' }], 'test/sim')]));
    const sim = await writeRunDir(root, { runId: 'sim', model: { name: 'Sim', id: 'test/sim', simulated: true }, value: 52, reference, errorSamples: 1 });
    const c = capture();
    expect(await main([sim], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toMatch(/\| Sim \(simulated\) \| 52\.0 \[42\.2, 61\.8\] \/ 50\.0; not comparable: model; INCOMPLETE; run sim \|/);
    expect(text).toMatch(/- Sim \(simulated\) × AIME25: not comparable: model \(run simulated endpoint, published the real model\)\. 1 samples have no response/);
    expect(text).toMatch(/WARNING: aime25 has 1 error samples \(no response\) in sim/);
  });

  it('a killed simulated run joins the row of its finished runs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
    const model = { name: 'Simulated model (offline demo)', id: 'parity/simulated-demo', simulated: true };
    const done = await writeRunDir(root, { runId: 'done', model, value: 70 });
    const killed = await writeRunDir(root, { runId: 'killed', model, scored: false, finishedAt: '2025-12-01T00:00:00.000Z' });
    const { output } = await jsonOf([done, killed]);
    expect(output.models).toEqual(['Simulated model (offline demo)']);
    expect(output.cells[0]?.other_runs.map((r) => r.run_id)).toEqual(['killed']);
  });

  it('a cell covered only by a killed run is unfinished, with no number', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
    const killed = await writeRunDir(root, { runId: 'killed', scored: false });
    const { code, output } = await jsonOf([killed]);
    expect(code).toBe(0);
    expect(output.cells).toEqual([
      expect.objectContaining({ state: 'unfinished', verdict: 'unfinished', run_id: null, row: null, other_runs: [expect.objectContaining({ run_id: 'killed', status: 'unfinished' })] }),
    ]);
  });

  it('a run another process still holds (run.lock) is in progress: listed, never used', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parity-multi-'));
    const done = await writeRunDir(root, { runId: 'done', value: 60, finishedAt: '2025-11-01T11:00:00.000Z' });
    const running = await writeRunDir(root, { runId: 'running', value: 90, finishedAt: '2025-11-09T11:00:00.000Z' });
    // the parent of this test process is alive, so its pid holds the lock
    await writeFile(join(running, 'run.lock'), `${process.ppid}\n`);
    const { output } = await jsonOf([done, running]);
    expect(output.cells[0]?.run_id).toBe('done');
    expect(output.cells[0]?.other_runs).toEqual([{ run_id: 'running', status: 'in progress', value: 90, why_not_used: 'still running' }]);
    expect(output.runs.find((r) => r.run_id === 'running')?.status_note).toBe(`process ${process.ppid} is still running it (run.lock)`);
    // a lock whose process is gone is not a running run
    await writeFile(join(running, 'run.lock'), '999999999\n');
    expect((await jsonOf([done, running])).output.cells[0]?.run_id).toBe('running');
  });

  it('a directory that is not a run is bad input that names itself and the fix', async () => {
    const { dirs, root } = await threeRuns(69.0);
    const stray = join(root, 'not-a-run');
    await mkdir(stray);
    const c = capture();
    expect(await main([...dirs, stray], c.io)).toBe(2);
    expect(c.err.join('\n')).toBe(`${stray}: not a run directory (it holds neither spec.json nor scores.json); pass run directories written by \`npm run eval\`, e.g. results/runs/<run-id>`);
    const file = join(root, 'table.json');
    const f = capture();
    expect(await main([file], f.io)).toBe(2);
    expect(f.err.join('\n')).toMatch(/table\.json: not a directory/);
  });
});
