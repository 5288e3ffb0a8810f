// npm run compare --accept-deviation: an explicit opt-in that lets a run's named deviations stand, recorded in
// the text, the JSON and every row it changes; other fact differences are never accepted.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../harness/cli/compare.ts';
import { comparisonOutputSchema } from '../../../harness/compare/output-schema.ts';
import { referenceRecord } from '../../fixtures/results/reference-builder.ts';
import { writeRunDir } from '../../fixtures/results/run-dirs.ts';

const QWEN = 'Qwen3-235B-A22B-Instruct-2507';
const DEVIATIONS = ['AMPS_Hard: amps-hard-sympy-debian', 'tablereformat: tablereformat-pandas-not-2.2.2'];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

async function runWithDeviations(published = 70.3, facts: Record<string, string> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'parity-accept-'));
  const reference = join(root, 'table.json');
  await writeFile(reference, JSON.stringify([referenceRecord(QWEN, [{ benchmark: 'AIME25', score: published, metric_id: 'avg_at_k', facts }])]));
  return writeRunDir(join(root, 'runs'), { runId: 'run-dev', value: 69.5, reference, deviations: DEVIATIONS });
}

async function json(args: string[]) {
  const c = capture();
  const code = await main([...args, '--json'], c.io);
  return { code, output: comparisonOutputSchema.parse(JSON.parse(c.out.join('\n'))), err: c.err };
}

describe('npm run compare --accept-deviation', () => {
  it('without the flag a run with deviations is not comparable', async () => {
    const dir = await runWithDeviations();
    const { code, output } = await json([dir]);
    expect(code).toBe(0);
    expect(output.cells[0]).toMatchObject({ verdict: 'not comparable', row: { accepted_deviations: [] } });
    expect(output.accepted_deviation_patterns).toEqual([]);
    expect(output.warnings).toEqual([]);
  });

  it('with patterns matching every deviation the row gets a verdict, and the JSON records what was accepted', async () => {
    const dir = await runWithDeviations();
    const { code, output, err } = await json([dir, '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation=*pandas*']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(output.accepted_deviation_patterns).toEqual(['AMPS_Hard: *', '*pandas*']);
    expect(output.cells[0]).toMatchObject({ verdict: 'consistent', row: { verdict: 'consistent', differs: [], accepted_deviations: DEVIATIONS } });
    const head = output.rows.find((r) => r.headline);
    expect(head).toMatchObject({ run_id: 'run-dev', verdict: 'consistent', accepted_deviations: DEVIATIONS });
    // every compared row of the run carries the list, whatever its verdict
    for (const row of output.rows.filter((r) => r.verdict !== 'no reference')) expect(row.accepted_deviations).toEqual(DEVIATIONS);
  });

  it('says so everywhere in the text: the opt-in above the table, the cell, its note and a footnote', async () => {
    const dir = await runWithDeviations();
    const c = capture();
    expect(await main([dir, '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation', '*pandas*'], c.io)).toBe(0);
    const text = c.out.join('\n');
    expect(text).toContain("Accepted deviations: 'AMPS_Hard: *', '*pandas*' (--accept-deviation). Deviations these match do not make a cell not comparable; that is the user's judgement, not the official protocol");
    expect(text).toMatch(/\| Qwen3-235B-A22B-Instruct-2507 \| 69\.5 \[59\.7, 79\.3\] \/ 70\.3; Δ -0\.8; consistent, 2 deviations accepted; run run-dev \|/);
    expect(text).toContain(`Qwen3-235B-A22B-Instruct-2507 × AIME25: deviations accepted with --accept-deviation (the user's judgement that they do not move the score; the official protocol was not followed): ${DEVIATIONS.join(', ')}`);
    expect(text).toMatch(/\| consistent †1 \|/);
    expect(text).toContain(`†1 deviations accepted with --accept-deviation`);
    expect(text).toMatch(/Cells: 1 consistent, .* 1 verdict rests on accepted deviations\./);
  });

  it('a diverging row found through accepted deviations exits 1 like any other', async () => {
    const dir = await runWithDeviations(95);
    const { code, output } = await json([dir, '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation', 'tablereformat: *']);
    expect(code).toBe(1);
    expect(output.cells[0]).toMatchObject({ verdict: 'diverges', row: { accepted_deviations: DEVIATIONS } });
  });

  it('a partly matched set stays not comparable', async () => {
    const dir = await runWithDeviations();
    const { output } = await json([dir, '--accept-deviation', 'AMPS_Hard: *']);
    expect(output.cells[0]).toMatchObject({
      verdict: 'not comparable',
      row: { differs: [{ field: 'deviations', run: 'tablereformat: tablereformat-pandas-not-2.2.2' }], accepted_deviations: ['AMPS_Hard: amps-hard-sympy-debian'] },
    });
  });

  it('another differing fact keeps the row not comparable whatever is accepted', async () => {
    const dir = await runWithDeviations(70.3, { extractor: 'qwen-math-parser' });
    const { output } = await json([dir, '--accept-deviation', 'AMPS_Hard: *', '--accept-deviation', 'tablereformat: *', '--accept-deviation', 'extractor*']);
    expect(output.cells[0]).toMatchObject({ verdict: 'not comparable', row: { differs: [{ field: 'extractor' }], accepted_deviations: DEVIATIONS } });
  });

  it('a pattern that matches no deviation of the runs is a warning, in the text and in the JSON', async () => {
    const dir = await runWithDeviations();
    const warning = `WARNING: --accept-deviation 'AMPS-Hard: *' matches no deviation of the runs compared (a typo?). They record: ${DEVIATIONS.join(', ')}.`;
    const c = capture();
    expect(await main([dir, '--accept-deviation', 'AMPS-Hard: *'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain(warning);
    const { output, err } = await json([dir, '--accept-deviation', 'AMPS-Hard: *', '--accept-deviation', 'tablereformat: *']);
    expect(output.warnings).toEqual([warning]);
    expect(err).toEqual([warning]);
    expect(output.cells[0]?.verdict).toBe('not comparable');
  });

  it('an empty pattern, or none, is bad input (exit 2) that says what to give', async () => {
    const dir = await runWithDeviations();
    const empty = capture();
    expect(await main([dir, '--accept-deviation', ''], empty.io)).toBe(2);
    expect(empty.err.join('\n')).toMatch(/^--accept-deviation needs a deviation name or a pattern with \*, got ""; e\.g\. --accept-deviation 'AMPS_Hard: \*'/);
    expect(empty.out).toEqual([]);
    const missing = capture();
    expect(await main([dir, '--accept-deviation'], missing.io)).toBe(2);
    expect(missing.err.join('\n')).toMatch(/accept-deviation/);
  });

  it('--help says that only deviations can be accepted', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/--accept-deviation PATTERN[\s\S]*Only deviations can be accepted; a differing sampling setting, metric, dataset, judge or extractor never can\./);
  });
});
