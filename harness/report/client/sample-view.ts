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
    ...Object.entries(d.details).map(([k, v]) => block(k, pretty(v), `detail-${k}`)),
  );
}

/** Judge games and other structured details are stored as JSON text; show them indented. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
