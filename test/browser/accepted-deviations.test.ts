// The HTML report of a comparison made with --accept-deviation: the opt-in stated above the table, each
// cell and row it changed naming the accepted deviations, and a pattern that matched nothing shown as a warning.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSite } from '../../harness/report/html/write.ts';
import { BENCHMARKS } from '../../suites/index.ts';
import { referenceRecord } from '../fixtures/results/reference-builder.ts';
import { writeRunDir } from '../fixtures/results/run-dirs.ts';
import { launch, type Browser } from './chromium.ts';

const QWEN = 'Qwen3-235B-A22B-Instruct-2507';
const DEVIATIONS = ['AMPS_Hard: amps-hard-sympy-debian', 'tablereformat: tablereformat-60s-limit'];

let browser: Browser;
let site: { index: string; pages: string[] };

beforeAll(async () => {
  browser = await launch();
  const root = await mkdtemp(join(tmpdir(), 'parity-browser-accept-'));
  const reference = join(root, 'table.json');
  await writeFile(reference, JSON.stringify([referenceRecord(QWEN, [{ benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' }])]));
  const run = await writeRunDir(join(root, 'runs'), { runId: 'run-dev', value: 69.5, reference, deviations: DEVIATIONS, samples: 4 });
  site = await writeSite([run], join(root, 'site'), { catalogue: BENCHMARKS, acceptDeviations: ['AMPS_Hard: *', 'tablereformat: *', 'typo*'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('accepted deviations in the HTML report', () => {
  it('the cell, the row, the opt-in and the warning are all on the page', async () => {
    const w = await browser.open(site.index);
    expect(w.external).toEqual([]);
    expect(w.problems).toEqual([]);
    const cell = w.page.locator(`td[data-model="${QWEN}"][data-benchmark="aime25"]`);
    expect(await cell.getAttribute('data-verdict')).toBe('consistent');
    expect(await cell.locator('[data-field="verdict"]').textContent()).toBe('consistent, 2 deviations accepted');
    expect(await cell.locator('[data-field="accepted-deviations"] code').allTextContents()).toEqual(DEVIATIONS);
    const row = w.page.locator('table[data-table="rows"] tr[data-run="run-dev"][data-metric="avg_at_k(k=4)"] [data-field="verdict"]');
    expect(await row.textContent()).toMatch(/^consistent; deviations accepted with --accept-deviation \(the user's judgement/);
    expect(await row.getAttribute('data-accepted-deviations')).toBe(DEVIATIONS.join('\n'));
    expect(await w.page.locator('[data-field="accepted-deviation-patterns"]').textContent()).toMatch(/^Accepted deviations: 'AMPS_Hard: \*', 'tablereformat: \*', 'typo\*' \(--accept-deviation\)/);
    expect(await w.page.locator('[data-field="warning"]').allTextContents()).toEqual([
      `WARNING: --accept-deviation 'typo*' matches no deviation of the runs compared (a typo?). They record: ${DEVIATIONS.join(', ')}.`,
    ]);
  });
});
