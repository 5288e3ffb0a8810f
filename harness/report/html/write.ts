// Writes report.html beside a run's report.md, and the multi-run site: index.html plus one page per run.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildComparison, compareRuns, type ComparedRun } from '../../compare/multi.ts';
import { DEFAULT_TOLERANCE } from '../../compare/run-compare.ts';
import { readRun, readRuns } from '../../compare/runs.ts';
import type { BenchmarkCatalogue } from '../../results/benchmarks.ts';
import type { PageData } from './page-data.ts';
import { renderPage } from './page.ts';
import { breakdownPlots, forestPlots, metricPlots, siteBreakdowns } from './plots-data.ts';
import { runDetails } from './run-details.ts';
import { buildSamplesData } from './samples-data.ts';

export const REPORT_HTML = 'report.html';

/** acceptDeviations: --accept-deviation patterns; the pages show what they set aside */
export type HtmlOptions = { reference?: string; tolerance?: number; catalogue: BenchmarkCatalogue; acceptDeviations?: readonly string[] };

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

/** One run's page, written to <pageDir>/<name>.html with its chunk folder <name>.samples when needed. */
async function writeRunPage(
  run: ComparedRun,
  pageDir: string,
  name: string,
  extra: { tolerance: number; acceptDeviations: readonly string[]; indexLink: string | null; links: Record<string, string> },
): Promise<string> {
  const comparison = buildComparison([run], run.info.catalogue, extra.tolerance, extra.acceptDeviations);
  const samples = run.info.scores === null && run.info.spec === null ? null : await buildSamplesData(run.info.dir, pageDir, `${name}.samples`);
  const data: PageData = {
    kind: 'run',
    title: `Parity report: ${run.info.model}${run.info.simulated && !/simulated/i.test(run.info.model) ? ' (SIMULATED)' : ''}, run ${run.info.run_id}`,
    generated_at: new Date().toISOString(),
    simulated: run.info.simulated,
    comparison,
    links: extra.links,
    index_link: extra.indexLink,
    forest: forestPlots(comparison),
    breakdowns: [...metricPlots(run.info), ...breakdownPlots(run.info)],
    run: runDetails(run.info, samples),
    samples: samples?.index ?? null,
  };
  const path = join(pageDir, `${name}.html`);
  await writeAtomic(path, await renderPage(data, samples?.inline ?? new Map()));
  return path;
}

/** report.html for one run directory (written by every run, beside report.md). */
export async function writeRunReportHtml(runDir: string, opts: HtmlOptions): Promise<string> {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const info = await readRun(runDir, opts.catalogue);
  const [run] = await compareRuns([info], { ...opts, tolerance });
  if (run === undefined) throw new Error('compareRuns returned nothing for one run');
  return writeRunPage(run, runDir, 'report', { tolerance, acceptDeviations: opts.acceptDeviations ?? [], indexLink: null, links: { [info.run_id]: `${REPORT_HTML}` } });
}

/** A file name for a run's page: its id, made safe. */
export function pageName(runId: string): string {
  return runId.replace(/[^A-Za-z0-9._-]+/g, '_');
}

/** The multi-run site: index.html (the models x benchmarks table and forest plots) and one page per run. */
export async function writeSite(paths: readonly string[], outDir: string, opts: HtmlOptions): Promise<{ index: string; pages: string[]; warnings: string[] }> {
  const tolerance = opts.tolerance ?? DEFAULT_TOLERANCE;
  const runs = await compareRuns(await readRuns(paths, opts.catalogue), { ...opts, tolerance });
  await mkdir(outDir, { recursive: true });
  // two run directories may carry the same id (copies from different machines): each gets its own page
  const names = new Map<ComparedRun, string>();
  const taken = new Set<string>(['index']);
  for (const run of runs) {
    const base = pageName(run.info.run_id);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    names.set(run, name);
  }
  const links = Object.fromEntries(runs.map((r) => [r.info.run_id, `${names.get(r) ?? ''}.html`]));
  const pages: string[] = [];
  for (const run of runs) {
    const name = names.get(run) ?? pageName(run.info.run_id);
    await rm(join(outDir, `${name}.samples`), { recursive: true, force: true });
    pages.push(await writeRunPage(run, outDir, name, { tolerance, acceptDeviations: opts.acceptDeviations ?? [], indexLink: 'index.html', links }));
  }
  const comparison = buildComparison(runs, opts.catalogue, tolerance, opts.acceptDeviations ?? []);
  const data: PageData = {
    kind: 'index',
    title: 'Parity: reproduced vs published',
    generated_at: new Date().toISOString(),
    simulated: runs.some((r) => r.info.simulated),
    comparison,
    links,
    index_link: null,
    forest: forestPlots(comparison),
    breakdowns: siteBreakdowns(comparison, runs.map((r) => r.info)),
    run: null,
    samples: null,
  };
  const index = join(outDir, 'index.html');
  await writeAtomic(index, await renderPage(data, new Map()));
  return { index, pages, warnings: comparison.warnings };
}
