// Tokens and cost, errors, and settings with protocol facts: what report.md lists, per benchmark.
import type { RunDetails } from '../html/page-data.ts';
import { factList, h, section, table } from './dom.ts';

function usd(value: number | null): string {
  if (value === null) return '—';
  return `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;
}

export function usageSection(run: RunDetails): HTMLElement {
  const rows = run.suites.map((s) =>
    h('tr', { 'data-benchmark': s.benchmark }, h('td', {}, s.title), h('td', {}, String(s.usage.samples)), h('td', {}, String(s.usage.prompt_tokens)), h('td', {}, String(s.usage.completion_tokens)), h('td', {}, String(s.usage.reasoning_tokens)), h('td', {}, usd(s.cost_usd))),
  );
  const note = run.pricing === null ? 'No model.pricing in the config, so no cost estimate.' : `Cost at ${run.pricing} (reasoning tokens are billed as output); model generation only, judge calls not included.`;
  return section('usage', 'Tokens and cost', table({ class: 'usage', 'data-table': 'usage' }, ['benchmark', 'scored samples', 'prompt tokens', 'completion tokens', 'reasoning tokens', 'estimated cost (USD)'], rows), h('p', { class: 'note' }, `Summed over the scored samples in samples.jsonl. ${note}`));
}

export function errorSection(run: RunDetails): HTMLElement {
  const total = run.suites.reduce((n, s) => n + s.error_samples, 0);
  if (total === 0) return section('errors', 'Errors', h('p', {}, 'No error samples.'));
  const rows = run.suites
    .filter((s) => s.error_samples > 0)
    .map((s) =>
      h('tr', { 'data-benchmark': s.benchmark }, h('td', {}, s.title), h('td', {}, String(s.error_samples)), h('td', {}, Object.entries(s.errors_by_kind).map(([k, n]) => `${k}: ${n}`).join(', ') || '—'), h('td', {}, Object.entries(s.error_examples).map(([k, m]) => `${k}: ${m}`).join('; ') || '—')),
    );
  return section(
    'errors',
    'Errors',
    h('p', { class: 'warning' }, `${total} sample(s) got no response after all retries. They are kept out of every metric; resume the run to retry them.`),
    table({ class: 'errors', 'data-table': 'errors' }, ['benchmark', 'error samples', 'by kind', 'first message of each kind'], rows),
  );
}

export function settingsSection(run: RunDetails): HTMLElement {
  return section(
    'settings',
    'Settings and protocol facts',
    ...run.suites.map((s) => h('details', { open: run.suites.length === 1, 'data-settings': s.benchmark }, h('summary', {}, `${s.title}: ${s.items} items × ${s.samples_per_item} samples, ${s.scored_samples} scored`), factList(s.settings))),
  );
}
