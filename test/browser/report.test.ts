// The HTML report in a real browser: no external request, no console error, every number on the page equal
// to scores.json (read from the DOM, not from the embedded data), filters and the sample view working.
import { appendFile, copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricLabel } from '../../harness/compare/compare.ts';
import { benchmarkOfResult } from '../../harness/compare/runs.ts';
import { formatNumber } from '../../harness/compare/table.ts';
import { writeRunReportHtml, writeSite } from '../../harness/report/html/write.ts';
import type { AggregateRecord, EvaluationResult } from '../../harness/results/aggregate-schema.ts';
import { readAggregateFile, readScoresFile } from '../../harness/results/files.ts';
import { runCli } from '../helpers/cli.ts';
import { referenceRecord } from '../fixtures/results/reference-builder.ts';
import { writeRunDir } from '../fixtures/results/run-dirs.ts';
import { launch, SCREENSHOTS, type Browser, type Watched } from './chromium.ts';
import { BENCHMARKS } from '../../suites/index.ts';

const QWEN = 'Qwen3-235B-A22B-Instruct-2507';
const KIMI = { name: 'Kimi K2', id: 'moonshotai/kimi-k2' };
const SIM = { name: 'Test model', id: 'test/sim', simulated: true };
const BIG = 26_529;

let browser: Browser;
let root: string;
let reference: string;
const dirs = new Map<string, string>();
let site: { index: string; pages: string[] };

function headline(scores: AggregateRecord, bench: string): EvaluationResult {
  const found = scores.evaluation_results.find((r) => benchmarkOfResult(r, BENCHMARKS) === bench && r.metric_config.additional_details?.headline === 'true');
  if (found === undefined) throw new Error(`no headline for ${bench}`);
  return found;
}

function ciText(result: EvaluationResult): string {
  const ci = result.score_details.uncertainty?.confidence_interval;
  const unit = result.metric_config.metric_unit ?? '';
  return ci === undefined ? '' : `[${formatNumber(ci.lower, unit)}, ${formatNumber(ci.upper, unit)}]`;
}

function clean(w: Watched): void {
  expect(w.external).toEqual([]);
  expect(w.problems).toEqual([]);
}

async function pageFor(runId: string): Promise<Watched> {
  const page = site.pages.find((p) => p.endsWith(`/${runId}.html`));
  if (page === undefined) throw new Error(`no page for ${runId}`);
  return browser.open(page);
}

/** "<label>: reproduced 62.5, 95% CI [52.7, 72.3]" for every dot of a plot. */
async function plotPoints(page: Page, plotId: string): Promise<Map<string, { value: string; ci: string }>> {
  const labels = await page.locator(`figure[data-plot="${plotId}"] g.parity-reproduced [aria-label]`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const out = new Map<string, { value: string; ci: string }>();
  for (const label of labels) {
    const m = /^(.*): reproduced (\S+), (?:95% CI (\[.*\])|no interval)$/.exec(label);
    if (m === null) throw new Error(`unreadable plot label: ${label}`);
    out.set(m[1] ?? '', { value: m[2] ?? '', ci: m[3] ?? '' });
  }
  return out;
}

beforeAll(async () => {
  browser = await launch();
  root = await mkdtemp(join(tmpdir(), 'parity-browser-'));
  reference = join(root, 'table.json');
  await writeFile(
    reference,
    JSON.stringify([
      referenceRecord(QWEN, [{ benchmark: 'AIME25', score: 70.3, metric_id: 'avg_at_k' }, { benchmark: 'Arena-Hard v2', score: 85.1, metric_id: 'arena_hard.win_rate' }]),
      referenceRecord(KIMI.name, [{ benchmark: 'AIME25', score: 49.5, metric_id: 'avg_at_k' }], KIMI.id),
      referenceRecord(SIM.name, [{ benchmark: 'AIME25', score: 50, metric_id: 'avg_at_k' }], SIM.id),
    ]),
  );
  const runs = join(root, 'runs');
  const add = async (id: string, dir: Promise<string>) => dirs.set(id, await dir);
  await add('qwen-old', writeRunDir(runs, { runId: 'qwen-old', value: 50, finishedAt: '2025-11-01T11:00:00.000Z', reference, withArena: true, samples: 12 }));
  await add('qwen-new', writeRunDir(runs, { runId: 'qwen-new', value: 69.5, finishedAt: '2025-11-02T11:00:00.000Z', reference, withArena: true, samples: 12 }));
  await add('kimi', writeRunDir(runs, { runId: 'kimi', model: KIMI, value: 40, finishedAt: '2025-11-01T12:00:00.000Z', reference, samples: 8 }));
  await add('kimi-killed', writeRunDir(runs, { runId: 'kimi-killed', model: KIMI, finishedAt: '2025-11-03T09:00:00.000Z', reference, scored: false }));
  await add('sim', writeRunDir(runs, { runId: 'sim', model: SIM, value: 55, finishedAt: '2025-11-01T13:00:00.000Z', reference, samples: 40, errorSamples: 2 }));
  // two samples of the simulated run got no response: the journal keeps them as errors
  const entry = (key: string) => JSON.stringify({ key, request_hash: 'h', status: 'error', completion: null, error: { kind: 'timeout', status: null, code: null, message: `no response for ${key} within 30 s`, retryAfterMs: null }, attempts: 3, latency_ms: 30000, at: '2025-11-01T12:59:00.000Z' });
  await appendFile(join(dirs.get('sim') ?? '', 'journal.jsonl'), `${entry('aime25/item-09999/0')}\n${entry('aime25/item-09999/1')}\n`);
  // the killed run answered two samples before it stopped
  const answered = (key: string) => JSON.stringify({ key, request_hash: 'h', status: 'ok', completion: { content: 'The answer is \\boxed{7}.', reasoning: null, finish_reason: 'stop', truncated: false, truncated_in_thinking: false, usage: null }, error: null, attempts: 1, latency_ms: 900, at: '2025-11-03T08:59:00.000Z' });
  await appendFile(join(dirs.get('kimi-killed') ?? '', 'journal.jsonl'), `${answered('aime25/item-00000/0')}\n${answered('aime25/item-00000/1')}\n`);
  await add('big', writeRunDir(join(root, 'big'), { runId: 'big', value: 60, samples: BIG, finishedAt: '2025-10-01T11:00:00.000Z' }));
  site = await writeSite([...dirs.values()], join(root, 'site'), { catalogue: BENCHMARKS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('the demo writes report.html, prints its path, and the page shows the score and interval of scores.json', async () => {
    const out = join(root, 'demo');
    const result = await runCli('harness/cli/eval.ts', ['--output', out], {}, 'launcher');
    expect(result.code).toBe(0);
    const path = /^report: (.*report\.html)$/m.exec(result.stdout)?.[1];
    expect(path).toBeDefined();
    const runDir = join(path ?? '', '..');
    const scores = await readScoresFile(runDir);
    const head = headline(scores, 'aime25');
    const w = await browser.open(path ?? '');
    clean(w);
    const cell = w.page.locator('td[data-benchmark="aime25"]');
    expect(await cell.locator('[data-field="value"]').textContent()).toBe(formatNumber(head.score_details.score, 'percent'));
    expect(await cell.locator('[data-field="ci"]').textContent()).toBe(` ${ciText(head)}`);
    expect(await w.page.locator('[data-simulated-banner]').count()).toBe(2);
    await expect.poll(() => w.page.locator('[data-sample-status]').textContent()).toBe('80 of 80 samples');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'demo-report.png'), fullPage: true });
  });

  it('index: every cell and every forest-plot point equals the scores.json of the run it names', async () => {
    const w = await browser.open(site.index);
    clean(w);
    const refs = await readAggregateFile(reference);
    const cells = w.page.locator('td[data-model][data-benchmark]');
    expect(await cells.count()).toBe(4); // Kimi x AIME25, Qwen x AIME25, Qwen x Arena-Hard, simulated x AIME25
    const seen: string[] = [];
    for (const cell of await cells.all()) {
      const bench = (await cell.getAttribute('data-benchmark')) ?? '';
      const model = (await cell.getAttribute('data-model')) ?? '';
      const runId = (await cell.locator('.run [data-run-link]').textContent()) ?? '';
      seen.push(`${model}|${bench}|${runId}`);
      const scores = await readScoresFile(dirs.get(runId) ?? '');
      const head = headline(scores, bench);
      const unit = head.metric_config.metric_unit ?? '';
      expect(await cell.locator('[data-field="value"]').textContent()).toBe(formatNumber(head.score_details.score, unit));
      expect(await cell.locator('[data-field="ci"]').textContent()).toBe(` ${ciText(head)}`);
      const published = refs.find((r) => r.model_info.name === model.replace(/ \(simulated\)$/, ''))?.evaluation_results.find((r) => benchmarkOfResult(r, BENCHMARKS) === bench);
      expect(await cell.locator('[data-field="published"]').textContent()).toBe(published === undefined ? '—' : formatNumber(published.score_details.score, unit));
      const points = await plotPoints(w.page, `forest-${bench}`);
      expect(points.get(model)).toEqual({ value: formatNumber(head.score_details.score, unit), ci: ciText(head) });
      const tick = await w.page.locator(`figure[data-plot="forest-${bench}"] g.parity-published [aria-label^="${model}: "]`).getAttribute('aria-label');
      expect(tick).toBe(published === undefined ? null : `${model}: published ${formatNumber(published.score_details.score, unit)}`);
      // the breakdowns of the run a cell uses: one row per slice and model
      for (const result of scores.evaluation_results.filter((r) => benchmarkOfResult(r, BENCHMARKS) === bench && r.evaluation_name.includes('/'))) {
        const [dimension, value] = result.evaluation_name.slice(result.evaluation_name.indexOf('/') + 1).split('=');
        const slices = await plotPoints(w.page, `breakdown-${bench}-${dimension}-${metricLabel(result)}`);
        expect(slices.get(`${value} · ${model}`)).toEqual({ value: formatNumber(result.score_details.score, unit), ci: ciText(result) });
      }
    }
    // the newest complete run of each model; the killed run is listed, never used
    expect(seen.sort()).toEqual([`${QWEN}|aime25|qwen-new`, `${QWEN}|arena-hard-v2|qwen-new`, 'Kimi K2|aime25|kimi', 'Test model (simulated)|aime25|sim'].sort());
    expect(await w.page.locator('tr[data-run="kimi-killed"]').getAttribute('data-status')).toBe('unfinished');
    // the metrics listed under the table are those of the runs the cells use
    expect(await w.page.locator('table[data-table="rows"] tr[data-run="qwen-new"]').count()).toBe(3);
    expect(await w.page.locator('table[data-table="rows"] tr[data-run="qwen-old"]').count()).toBe(0);
    // verdicts are coloured and "not comparable" names its field
    const sim = w.page.locator('td[data-model="Test model (simulated)"]');
    expect(await sim.getAttribute('data-verdict')).toBe('not-comparable');
    expect(await sim.locator('[data-field="reasons"]').textContent()).toContain('model: run simulated endpoint, published the real model');
    expect(await w.page.locator('[data-simulated-banner]').count()).toBe(2);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'index.png'), fullPage: true });
  });

  it('run page: every metric and every breakdown point equals scores.json; the sample view opens a sample', async () => {
    const w = await pageFor('qwen-new');
    clean(w);
    const scores = await readScoresFile(dirs.get('qwen-new') ?? '');
    expect(await w.page.locator('table[data-table="metrics"] tbody tr').count()).toBe(scores.evaluation_results.length);
    for (const result of scores.evaluation_results) {
      const unit = result.metric_config.metric_unit ?? '';
      const row = w.page.locator(`table[data-table="metrics"] tr[data-evaluation="${result.evaluation_name}"][data-metric="${metricLabel(result)}"]`);
      expect(await row.locator('[data-field="value"]').textContent()).toBe(formatNumber(result.score_details.score, unit));
      expect(await row.locator('[data-field="ci"]').textContent()).toBe(ciText(result) || '—');
      const cut = result.evaluation_name.indexOf('/');
      if (cut === -1) {
        // whole-benchmark metrics sit side by side in one plot per benchmark and unit
        const same = scores.evaluation_results.filter((r) => r.evaluation_name === result.evaluation_name && r.metric_config.metric_unit === unit);
        if (same.length > 1) {
          const points = await plotPoints(w.page, `metrics-${benchmarkOfResult(result, BENCHMARKS)}-${unit}`);
          expect(points.get(metricLabel(result))).toEqual({ value: formatNumber(result.score_details.score, unit), ci: ciText(result) });
        }
        continue;
      }
      const [dimension, value] = result.evaluation_name.slice(cut + 1).split('=');
      const points = await plotPoints(w.page, `breakdown-${benchmarkOfResult(result, BENCHMARKS)}-${dimension}-${metricLabel(result)}`);
      expect(points.get(value ?? '')).toEqual({ value: formatNumber(result.score_details.score, unit), ci: ciText(result) });
    }
    for (const bench of ['aime25', 'arena-hard-v2']) {
      const head = headline(scores, bench);
      expect((await plotPoints(w.page, `forest-${bench}`)).get(QWEN)).toEqual({ value: formatNumber(head.score_details.score, 'percent'), ci: ciText(head) });
    }
    expect(await w.page.locator('[data-simulated-banner]').count()).toBe(0);
    await w.page.locator('button[data-open="4"]').click();
    const view = w.page.locator('[data-sample-detail]');
    await expect.poll(() => view.getAttribute('data-sample-detail')).toBe('aime25/item-00001/0');
    expect(await view.locator('[data-field="prompt"]').textContent()).toBe('Find the sum. Please reason step by step.');
    expect(await view.locator('[data-field="reasoning"]').textContent()).toBe('Reasoning for sample 4.');
    expect(await view.locator('[data-field="answer"]').textContent()).toBe('Sample 4 answer. The answer is \\boxed{70}.');
    expect(await view.locator('[data-field="extracted"]').textContent()).toBe('70');
    expect(await view.locator('[data-field="reference answer"]').textContent()).toBe('70');
    // a dataset group filters the list: writeRunDir puts even samples in contest I, odd ones in II
    await w.page.selectOption('select[data-filter="group:contest"]', { label: 'II' });
    await expect.poll(() => w.page.locator('[data-sample-status]').textContent()).toBe('6 of 12 samples');
    expect(await w.page.locator('table[data-table="samples"] tbody tr').evaluateAll((els) => els.map((e) => e.getAttribute('data-sample')))).toEqual(['1', '3', '5', '7', '9', '11']);
    // a judged sample shows each game with its judgment as written
    await w.page.locator('button[data-open="5"]').click();
    const games = w.page.locator('[data-sample-detail] [data-field="detail-games"]');
    await expect.poll(() => games.locator('[data-part="2"] pre').textContent()).toBe('Game 2 of sample 5.\nB is better.');
    expect(await games.locator('[data-part="1"] code').textContent()).toBe('A>B');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'run-page.png'), fullPage: true });
  });

  it('a simulated run has the banner on its page; its error samples filter by kind and open with their message', async () => {
    const w = await pageFor('sim');
    clean(w);
    expect(await w.page.locator('[data-simulated-banner]').count()).toBe(2);
    await expect.poll(() => w.page.locator('[data-sample-status]').textContent()).toBe('42 of 42 samples');
    await w.page.selectOption('select[data-filter="error"]', { label: 'timeout' });
    await expect.poll(() => w.page.locator('[data-sample-status]').textContent()).toBe('2 of 42 samples');
    const rows = w.page.locator('table[data-table="samples"] tbody tr');
    expect(await rows.locator('[data-field="verdict"]').allTextContents()).toEqual(['error (timeout)', 'error (timeout)']);
    await rows.first().locator('button').click();
    await expect.poll(() => w.page.locator('[data-sample-detail] [data-field="error"]').textContent()).toBe('timeout: no response for aime25/item-09999/0 within 30 s');
    expect(await w.page.locator('table[data-table="errors"]').textContent()).toContain('timeout: 2');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'simulated-run-errors.png'), fullPage: true });
  });

  it('an unfinished run has a page that says so and gives no number', async () => {
    const w = await pageFor('kimi-killed');
    clean(w);
    expect(await w.page.locator('td[data-benchmark="aime25"]').getAttribute('data-verdict')).toBe('unfinished');
    expect(await w.page.locator('#run').textContent()).toMatch(/unfinished: no scores\.json/);
    expect(await w.page.locator('#run').textContent()).toContain('2 samples answered so far (journal.jsonl)');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'unfinished-run.png'), fullPage: true });
  });

  it(`the sample browser stays usable on ${BIG} samples: filters, pages, opens and searches samples read from chunk files`, async () => {
    const page = site.pages.find((p) => p.endsWith('/big.html')) ?? '';
    const html = await readFile(page, 'utf8');
    expect(html.length).toBeLessThan(600_000);
    const w = await browser.open(page);
    const status = w.page.locator('[data-sample-status]');
    await expect.poll(() => status.textContent()).toBe(`${BIG} of ${BIG} samples`);
    // writeRunDir makes every third sample wrong and every seventh cut off by max_tokens
    await w.page.selectOption('select[data-filter="verdict"]', { label: 'wrong' });
    await expect.poll(() => status.textContent()).toBe(`${Math.ceil(BIG / 3)} of ${BIG} samples`);
    await w.page.selectOption('select[data-filter="truncation"]', { label: 'cut off by max_tokens' });
    await expect.poll(() => status.textContent()).toBe(`${Math.ceil(BIG / 21)} of ${BIG} samples`);
    const rows = w.page.locator('table[data-table="samples"] tbody tr');
    expect(await rows.count()).toBe(50);
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict'))))).toEqual(new Set(['wrong']));
    // page 11 holds sample 21 * 500 = 10500, far past the chunks inside the page
    for (let p = 0; p < 10; p++) await w.page.locator('button[data-page="next"]').click();
    await expect.poll(() => rows.first().getAttribute('data-sample')).toBe('10500');
    await rows.first().locator('button').click();
    await expect.poll(() => w.page.locator('[data-sample-detail] [data-field="answer"]').textContent()).toBe('Sample 10500 answer. The answer is \\boxed{10500}.');
    // a text search reads every chunk, a few at a time, and finds the one sample
    await w.page.selectOption('select[data-filter="verdict"]', { label: 'all verdicts' });
    await w.page.selectOption('select[data-filter="truncation"]', { label: 'any' });
    await w.page.fill('input[data-filter="search"]', 'Sample 26500 answer');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe(`1 of ${BIG} samples match “sample 26500 answer”`);
    expect(await rows.first().locator('[data-field="item"]').textContent()).toBe('item-06625');
    await rows.first().locator('button').click();
    await expect.poll(() => w.page.locator('[data-sample-detail] [data-field="answer"]').textContent()).toBe('Sample 26500 answer. The answer is \\boxed{70}.');
    // the search kept only the last chunks of text in memory; earlier ones are read again when opened
    await w.page.fill('input[data-filter="search"]', '');
    await expect.poll(() => status.textContent()).toBe(`${BIG} of ${BIG} samples`);
    await rows.nth(3).locator('button').click();
    await expect.poll(() => w.page.locator('[data-sample-detail] [data-field="answer"]').textContent()).toBe('Sample 3 answer. The answer is \\boxed{3}.');
    for (let p = 0; p < 10; p++) await w.page.locator('button[data-page="next"]').click();
    await expect.poll(() => rows.first().getAttribute('data-sample')).toBe('500');
    await rows.first().locator('button').click();
    await expect.poll(() => w.page.locator('[data-sample-detail] [data-field="answer"]').textContent()).toBe('Sample 500 answer. The answer is \\boxed{70}.');
    clean(w);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'big-run-samples.png') });
  });

  it('a page copied without its chunk folder still lists its first samples and says what is missing', async () => {
    const alone = await mkdtemp(join(tmpdir(), 'parity-alone-'));
    const copy = join(alone, 'big.html');
    await copyFile(site.pages.find((p) => p.endsWith('/big.html')) ?? '', copy);
    const w = await browser.open(copy);
    const rows = w.page.locator('table[data-table="samples"] tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await rows.first().locator('[data-field="item"]').textContent()).toBe('item-00000');
    for (let p = 0; p < 20; p++) await w.page.locator('button[data-page="next"]').click();
    await expect.poll(() => w.page.locator('[data-sample-missing]').textContent()).toBe('cannot read big.samples/l1.js: keep the folder big.samples/ beside this page');
    expect(w.external).toEqual([]);
    expect(w.problems.filter((p) => !p.includes('big.samples/l1.js') && !p.includes('ERR_FILE_NOT_FOUND'))).toEqual([]);
  });

  it('report.html of one run is written beside report.md with the same page', async () => {
    const path = await writeRunReportHtml(dirs.get('kimi') ?? '', { catalogue: BENCHMARKS });
    expect(path).toBe(join(dirs.get('kimi') ?? '', 'report.html'));
    const w = await browser.open(path);
    clean(w);
    const scores = await readScoresFile(dirs.get('kimi') ?? '');
    expect(await w.page.locator('td[data-benchmark="aime25"] [data-field="value"]').textContent()).toBe(formatNumber(headline(scores, 'aime25').score_details.score, 'percent'));
  });
});
