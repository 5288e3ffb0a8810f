// One sample opened in full: its scoring facts, prompt, reasoning, answer and the suite's details.
import type { SampleDetail } from '../html/page-data.ts';
import { h } from './dom.ts';

function block(label: string, text: string, field: string): HTMLElement | null {
  if (text === '') return null;
  return h('div', { class: 'block' }, h('h4', {}, label), h('pre', { 'data-field': field }, text));
}

export function detailView(d: SampleDetail): HTMLElement {
  const facts = [
    ['verdict', d.verdict],
    ['score', d.score === null ? '—' : String(d.score)],
    ['extracted', d.extracted || '—'],
    ['reference answer', d.reference || '—'],
    ['finish reason', d.finish || '—'],
    ...Object.entries(d.groups),
  ];
  return h(
    'article',
    { class: 'sample-detail', 'data-sample-detail': `${d.suite}/${d.item}/${d.k}` },
    h('h3', {}, `${d.suite} / ${d.item} / sample ${d.k}`),
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k ?? ''), h('dd', { 'data-field': k ?? '' }, v ?? '')])),
    block('Error', d.error, 'error'),
    block('Prompt', d.prompt, 'prompt'),
    block('Reasoning', d.reasoning, 'reasoning'),
    block('Answer', d.answer, 'answer'),
    ...Object.entries(d.details).map(([k, v]) => detailBlock(k, v)),
  );
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The suite's per-sample details are stored as text, structured ones as JSON. A list of records (an LLM
 * judge's games) shows one part per record, its long texts as they were written, not as escaped JSON.
 */
function detailBlock(key: string, text: string): HTMLElement | null {
  const value = parse(text);
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    return h(
      'div',
      { class: 'block', 'data-field': `detail-${key}` },
      h('h4', {}, key),
      ...value.map((record, i) =>
        h('div', { class: 'part', 'data-part': String(i + 1) }, h('h4', {}, `${key} ${i + 1}`), ...Object.entries(record).map(([k, v]) => h('div', {}, h('span', { class: 'part-key' }, `${k}: `), typeof v === 'string' && v.includes('\n') ? h('pre', {}, v) : h('code', {}, typeof v === 'string' ? v : JSON.stringify(v))))),
      ),
    );
  }
  return block(key, typeof value === 'string' ? value : JSON.stringify(value, null, 2), `detail-${key}`);
}
