// The models x benchmarks table, the runs given, and every compared metric: numbers as report.md prints them.
import { acceptedText, formatNumber } from '../../compare/table.ts';
import { cellVerdict } from '../../compare/multi-table.ts';
import type { Cell, ComparisonOutput, RunEntry, TaggedRow } from '../../compare/output-schema.ts';
import type { MetricLine, PageData } from '../html/page-data.ts';
import { h, table } from './dom.ts';

function verdictClass(cell: Cell): string {
  if (cell.state === 'unfinished' || cell.row === null) return 'unfinished';
  return cell.row.verdict.replace(/\s+/g, '-');
}

function runLink(data: PageData, runId: string): HTMLElement {
  const href = data.links[runId];
  return href === undefined ? h('code', {}, runId) : h('a', { href, 'data-run-link': runId }, runId);
}

function valueSpans(value: number, ci: { lower: number; upper: number } | null, unit: string): HTMLElement[] {
  const spans = [h('span', { 'data-field': 'value', class: 'value' }, formatNumber(value, unit))];
  if (ci !== null) spans.push(h('span', { 'data-field': 'ci', class: 'ci' }, ` [${formatNumber(ci.lower, unit)}, ${formatNumber(ci.upper, unit)}]`));
  return spans;
}

/** The deviations --accept-deviation set aside for a row, by name; nothing when there are none. */
function acceptedList(deviations: readonly string[]): HTMLElement | null {
  if (deviations.length === 0) return null;
  return h('div', { class: 'accepted', 'data-field': 'accepted-deviations', title: acceptedText(deviations) }, 'deviations accepted (--accept-deviation, the user\'s judgement): ', ...deviations.flatMap((d, i) => [i > 0 ? ', ' : '', h('code', {}, d)]));
}

function rowVerdict(r: TaggedRow): string {
  const base = r.verdict === 'not comparable' ? `not comparable: ${r.differs.map((d) => `${d.field} (run ${d.run}, published ${d.reference})`).join('; ')}` : r.verdict;
  return r.accepted_deviations.length === 0 ? base : `${base}; ${acceptedText(r.accepted_deviations)}`;
}

function cellElement(data: PageData, cell: Cell): HTMLElement {
  const attrs = { 'data-model': cell.model, 'data-benchmark': cell.benchmark, 'data-verdict': verdictClass(cell), class: `cell verdict-${verdictClass(cell)}` };
  const row = cell.row;
  if (cell.state === 'unfinished' || row === null) {
    return h('td', attrs, h('div', { class: 'verdict' }, 'unfinished'), h('div', { class: 'note' }, cell.other_runs.map((r) => `${r.run_id}: ${r.why_not_used}`).join('; ')));
  }
  const reasons = row.verdict === 'not comparable'
    ? h('ul', { class: 'reasons', 'data-field': 'reasons' }, ...row.differs.map((d) => h('li', {}, h('code', {}, d.field), `: run ${d.run}, published ${d.reference}`)))
    : null;
  const accepted = acceptedList(row.accepted_deviations);
  const others = cell.other_runs.length === 0 ? null : h('div', { class: 'others' }, 'other runs: ', ...cell.other_runs.flatMap((r, i) => [i > 0 ? ', ' : '', runLink(data, r.run_id), ` (${r.why_not_used})`]));
  return h(
    'td',
    attrs,
    h('div', { class: 'numbers' }, ...valueSpans(row.reproduced.value, row.reproduced.ci, row.unit), ' / ', h('span', { 'data-field': 'published', class: 'published' }, row.published === null ? '—' : formatNumber(row.published.value, row.unit))),
    row.delta === null ? null : h('div', { class: 'delta' }, 'Δ ', h('span', { 'data-field': 'delta' }, `${row.delta >= 0 ? '+' : ''}${formatNumber(row.delta, row.unit)}`)),
    h('div', { class: 'verdict', 'data-field': 'verdict' }, cellVerdict(cell)),
    reasons,
    accepted,
    cell.note === null ? null : h('div', { class: 'note' }, cell.note),
    h('div', { class: 'run' }, 'run ', runLink(data, cell.run_id ?? '')),
    others,
  );
}

export function comparisonTable(data: PageData): HTMLElement {
  const out: ComparisonOutput = data.comparison;
  const simulated = new Set(out.runs.filter((r) => r.simulated).map((r) => r.model));
  const rows = out.models.map((model) =>
    h(
      'tr',
      { 'data-model-row': model },
      h('th', { scope: 'row' }, model, simulated.has(model) ? h('span', { class: 'sim-tag' }, ' SIMULATED') : null),
      ...out.benchmarks.map((b) => {
        const cell = out.cells.find((c) => c.model === model && c.benchmark === b.id);
        return cell === undefined ? h('td', { class: 'cell empty' }, '—') : cellElement(data, cell);
      }),
    ),
  );
  return table({ class: 'comparison', 'data-table': 'comparison' }, ['model', ...out.benchmarks.map((b) => b.title)], rows);
}

export function runsTable(data: PageData, runs: readonly RunEntry[]): HTMLElement {
  return table(
    { class: 'runs', 'data-table': 'runs' },
    ['run', 'model', 'status', 'benchmarks', 'finished', 'reference', 'note'],
    runs.map((r) =>
      h('tr', { 'data-run': r.run_id, 'data-status': r.status }, h('td', {}, runLink(data, r.run_id)), h('td', {}, r.model, r.simulated ? h('span', { class: 'sim-tag' }, ' SIMULATED') : null), h('td', { class: `status-${r.status.replace(/\s+/g, '-')}` }, r.status), h('td', {}, r.benchmarks.join(', ')), h('td', {}, r.finished_at ?? '—'), h('td', {}, r.reference ?? 'none'), h('td', {}, r.status_note ?? '')),
    ),
  );
}

export function rowsTable(data: PageData, rows: readonly TaggedRow[]): HTMLElement {
  return table(
    { class: 'rows', 'data-table': 'rows' },
    ['run', 'benchmark', 'metric', 'reproduced [95% CI]', 'published', 'Δ', 'verdict', 'unknown protocol facts'],
    rows.map((r) =>
      h(
        'tr',
        { 'data-run': r.run_id, 'data-evaluation': r.evaluation_name, 'data-metric': r.metric, class: `verdict-${r.verdict.replace(/\s+/g, '-')}` },
        h('td', {}, runLink(data, r.run_id)),
        h('td', {}, r.evaluation_name),
        h('td', {}, r.metric),
        h('td', {}, ...valueSpans(r.reproduced.value, r.reproduced.ci, r.unit)),
        h('td', { 'data-field': 'published' }, r.published === null ? '—' : formatNumber(r.published.value, r.unit)),
        h('td', {}, r.delta === null ? '—' : `${r.delta >= 0 ? '+' : ''}${formatNumber(r.delta, r.unit)}`),
        h('td', { 'data-field': 'verdict', ...(r.accepted_deviations.length === 0 ? {} : { 'data-accepted-deviations': r.accepted_deviations.join('\n') }) }, rowVerdict(r)),
        h('td', {}, r.unknown.join('; ') || '—'),
      ),
    ),
  );
}

export function metricsTable(metrics: readonly MetricLine[]): HTMLElement {
  return table(
    { class: 'metrics', 'data-table': 'metrics' },
    ['evaluation', 'metric', 'value', '95% CI', 'standard error', 'n'],
    metrics.map((m) =>
      h(
        'tr',
        { 'data-evaluation': m.evaluation_name, 'data-metric': m.metric, class: m.headline ? 'headline' : '' },
        h('td', {}, m.evaluation_name, m.headline ? h('span', { class: 'headline-tag' }, ' headline') : null),
        h('td', {}, m.metric),
        h('td', { 'data-field': 'value' }, formatNumber(m.value, m.unit)),
        h('td', { 'data-field': 'ci' }, m.ci === null ? '—' : `[${formatNumber(m.ci.lower, m.unit)}, ${formatNumber(m.ci.upper, m.unit)}]`),
        h('td', {}, m.standard_error ?? '—'),
        h('td', {}, m.num_samples === null ? '—' : String(m.num_samples)),
      ),
    ),
  );
}
