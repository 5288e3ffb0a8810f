// The report page: reads the data the page embeds and draws each section. Written by harness/report/html.
import type { PageData } from '../html/page-data.ts';
import { errorSection, settingsSection, usageSection } from './details.ts';
import { factList, h, section } from './dom.ts';
import { forestFigure } from './plots.ts';
import { sampleBrowser } from './samples.ts';
import { comparisonTable, metricsTable, rowsTable, runsTable } from './tables.ts';

function readData(): PageData {
  const el = document.getElementById('parity-data');
  const data: PageData = JSON.parse(el?.textContent ?? 'null');
  return data;
}

const LEGEND =
  'Each cell: reproduced value [95% CI] / published value, the difference, the verdict and the run it came from. consistent: the published value lies in the interval or within the tolerance; diverges: otherwise; not comparable: a protocol fact differs (the fields are named); no reference: nothing was published.';

function guarded(name: string, draw: () => HTMLElement): HTMLElement {
  try {
    return draw();
  } catch (err) {
    return h('p', { class: 'warning' }, `${name} could not be drawn: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The --accept-deviation opt-in, stated above the table it changes, and any pattern that matched nothing. */
function acceptedNotes(data: PageData): HTMLElement[] {
  const patterns = data.comparison.accepted_deviation_patterns;
  const out = data.comparison.warnings.map((w) => h('p', { class: 'warning', 'data-field': 'warning' }, w));
  if (patterns.length > 0) {
    out.unshift(
      h(
        'p',
        { class: 'accepted-patterns', 'data-field': 'accepted-deviation-patterns' },
        `Accepted deviations: ${patterns.map((p) => `'${p}'`).join(', ')} (--accept-deviation). Deviations these match do not make a cell not comparable; that is the user's judgement, not the official protocol, and every cell it changes lists them.`,
      ),
    );
  }
  return out;
}

function render(data: PageData): void {
  const app = document.getElementById('app');
  if (app === null) return;
  const parts: HTMLElement[] = [];
  const nav = h('nav', { class: 'nav' });
  if (data.index_link !== null) nav.appendChild(h('a', { href: data.index_link }, '← all runs'));
  if (data.run !== null) parts.push(section('run', 'Run', factList(data.run.facts)));
  parts.push(section('comparison', 'Reproduced vs published', h('p', { class: 'note' }, `${LEGEND} Tolerance: ${data.comparison.tolerance} points.`), ...acceptedNotes(data), comparisonTable(data)));
  if (data.forest.length > 0) {
    parts.push(section('forest', 'Per benchmark', ...data.forest.map((p) => guarded(p.title, () => forestFigure(p, `${p.title}: ${p.metric}. Dots: reproduced, bars: 95% interval, dashed ticks: published.`)))));
  }
  if (data.breakdowns.length > 0) {
    parts.push(section('breakdowns', 'Breakdowns', ...data.breakdowns.map((p) => guarded(p.title, () => forestFigure(p, `${p.title}. Dots: reproduced, bars: 95% interval.`)))));
  }
  if (data.run !== null) {
    parts.push(section('metrics', 'Every metric', metricsTable(data.run.metrics)));
  }
  // the metrics behind the table: rows of the run each cell uses; older runs keep theirs on their own pages
  const used = data.comparison.rows.filter((r) => data.comparison.cells.some((c) => c.run_id === r.run_id && c.benchmark === r.benchmark));
  if (used.length > 0) parts.push(section('rows', 'Every compared metric of the runs in the table', rowsTable(data, used)));
  if (data.samples !== null) parts.push(guarded('the sample browser', () => (data.samples === null ? h('p') : sampleBrowser(data.samples))));
  if (data.run !== null) parts.push(errorSection(data.run), usageSection(data.run), settingsSection(data.run));
  parts.push(section('runs', data.kind === 'index' ? 'Runs' : 'This run', runsTable(data, data.comparison.runs)));
  parts.push(h('footer', {}, `Written by Parity at ${data.generated_at}. This page is self-contained: it loads nothing from any other host.`));
  app.replaceChildren(nav, ...parts);
  document.body.setAttribute('data-ready', 'true');
}

render(readData());
