// The sample browser. Filters run over the inline index (4 bytes a sample), so they stay instant on
// 26,529 samples; only the rows on screen, the sample opened and a text search read chunks.
import type { ListRow, SampleDetail, SampleIndex } from '../html/page-data.ts';
import { isDetail, isListRow, loadChunk } from './chunks.ts';
import { h, section } from './dom.ts';
import { detailView } from './sample-view.ts';

const PAGE = 50;
const TRUNCATION = { any: 'any', truncated: 'cut off by max_tokens', thinking: 'cut off while thinking', filtered: 'stopped by content filter', complete: 'not cut off' } as const;
type Truncation = keyof typeof TRUNCATION;

function isTruncation(value: string): value is Truncation {
  return Object.keys(TRUNCATION).includes(value);
}

function decode(codes: string): Uint8Array {
  const bin = atob(codes);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function select(name: string, label: string, options: readonly [string, string][]): HTMLSelectElement {
  const el = document.createElement('select');
  el.name = name;
  el.setAttribute('aria-label', label);
  el.setAttribute('data-filter', name);
  for (const [value, text] of options) el.appendChild(h('option', { value }, text));
  return el;
}

async function listRow(index: SampleIndex, i: number): Promise<ListRow | null> {
  const rows = await loadChunk(`l${Math.floor(i / index.list_chunk)}`, index.chunk_dir);
  const row = rows[i % index.list_chunk];
  return row !== undefined && isListRow(row) ? row : null;
}

async function detail(index: SampleIndex, i: number): Promise<SampleDetail | null> {
  const rows = await loadChunk(`d${Math.floor(i / index.detail_chunk)}`, index.chunk_dir);
  const row = rows[i % index.detail_chunk];
  return row !== undefined && isDetail(row) ? row : null;
}

export function sampleBrowser(index: SampleIndex): HTMLElement {
  const codes = decode(index.codes);
  const suiteSel = select('suite', 'benchmark', [['', 'all benchmarks'], ...index.suites.map((s, i): [string, string] => [String(i), s])]);
  const verdictSel = select('verdict', 'verdict', [['', 'all verdicts'], ...index.verdicts.map((s, i): [string, string] => [String(i), s])]);
  const errorSel = select('error', 'error kind', [['', 'any error kind'], ...index.error_kinds.map((s, i): [string, string] => [String(i), i === 0 ? 'no error' : s]).filter(([v]) => v !== '0' || index.error_kinds.length > 1)]);
  const truncSel = select('truncation', 'truncation', Object.entries(TRUNCATION));
  // dataset groups (difficulty, discipline, ...): value v is stored as v + 1, 0 when a sample has none
  const groupFilters = index.groups.map((g) => ({
    codes: decode(g.codes),
    el: select(`group:${g.key}`, g.key, [['', `any ${g.key}`], ...g.values.map((v, i): [string, string] => [String(i + 1), v])]),
  }));
  const search = h('input', { type: 'search', placeholder: 'search prompt, answer, extracted, reference, item id', 'aria-label': 'search samples', 'data-filter': 'search' });
  const status = h('p', { class: 'status', 'data-sample-status': '', 'aria-live': 'polite' });
  const missing = h('p', { class: 'warning', 'data-sample-missing': '' });
  const tbody = h('tbody');
  const pager = h('div', { class: 'pager' });
  const view = h('div', { class: 'sample-view', 'data-sample-view': '' }, h('p', { class: 'note' }, 'Open a sample to see its prompt, reasoning, answer and scoring.'));
  let matches: number[] = [];
  let page = 0;
  let generation = 0;

  function passes(i: number): boolean {
    const [suite, verdict, kind, flags] = [codes[4 * i], codes[4 * i + 1], codes[4 * i + 2], codes[4 * i + 3] ?? 0];
    if (suiteSel.value !== '' && String(suite) !== suiteSel.value) return false;
    if (verdictSel.value !== '' && String(verdict) !== verdictSel.value) return false;
    if (errorSel.value !== '' && String(kind) !== errorSel.value) return false;
    const t = isTruncation(truncSel.value) ? truncSel.value : 'any';
    if (t === 'truncated' && (flags & 1) === 0) return false;
    if (t === 'thinking' && (flags & 2) === 0) return false;
    if (t === 'filtered' && (flags & 4) === 0) return false;
    if (t === 'complete' && (flags & 7) !== 0) return false;
    return groupFilters.every((g) => g.el.value === '' || String(g.codes[i] ?? 0) === g.el.value);
  }

  async function render(): Promise<void> {
    const mine = generation;
    const start = page * PAGE;
    const shown = matches.slice(start, start + PAGE);
    let rows: { i: number; row: ListRow | null }[];
    try {
      rows = await Promise.all(shown.map(async (i) => ({ i, row: await listRow(index, i) })));
    } catch (err) {
      // the chunk folder was not copied with the page: say so instead of showing an empty list
      if (mine === generation) missing.textContent = err instanceof Error ? err.message : String(err);
      rows = shown.map((i) => ({ i, row: null }));
    }
    if (mine !== generation) return;
    tbody.replaceChildren(
      ...rows.map(({ i, row }) => {
        const verdict = index.verdicts[codes[4 * i + 1] ?? 0] ?? '';
        const suite = index.suites[codes[4 * i] ?? 0] ?? '';
        const kind = index.error_kinds[codes[4 * i + 2] ?? 0] ?? '';
        const open = h('button', { type: 'button', 'data-open': String(i) }, 'open');
        open.addEventListener('click', () => void show(i));
        return h('tr', { 'data-sample': String(i), 'data-verdict': verdict, class: `verdict-${verdict}` }, h('td', {}, String(i + 1)), h('td', {}, suite), h('td', { 'data-field': 'item' }, row?.[0] ?? '?'), h('td', {}, String(row?.[1] ?? '')), h('td', { 'data-field': 'verdict' }, kind === '' ? verdict : `${verdict} (${kind})`), h('td', { 'data-field': 'extracted' }, row?.[2] ?? ''), h('td', { 'data-field': 'reference' }, row?.[3] ?? ''), h('td', {}, open));
      }),
    );
    const pages = Math.max(1, Math.ceil(matches.length / PAGE));
    const prev = h('button', { type: 'button', 'data-page': 'prev', disabled: page === 0 }, '‹ previous');
    const next = h('button', { type: 'button', 'data-page': 'next', disabled: page >= pages - 1 }, 'next ›');
    prev.addEventListener('click', () => { page -= 1; void render(); });
    next.addEventListener('click', () => { page += 1; void render(); });
    pager.replaceChildren(prev, ` page ${page + 1} of ${pages} `, next);
  }

  async function show(i: number): Promise<void> {
    try {
      const d = await detail(index, i);
      view.replaceChildren(d === null ? h('p', {}, 'sample not found') : detailView(d));
    } catch (err) {
      view.replaceChildren(h('p', { class: 'warning' }, err instanceof Error ? err.message : String(err)));
    }
  }

  /** Filters first (instant), then the text search reads detail chunks one at a time so the page stays responsive. */
  async function refresh(): Promise<void> {
    generation += 1;
    const mine = generation;
    page = 0;
    missing.textContent = '';
    const filtered: number[] = [];
    for (let i = 0; i < index.count; i++) if (passes(i)) filtered.push(i);
    const query = (search instanceof HTMLInputElement ? search.value : '').trim().toLowerCase();
    if (query === '') {
      matches = filtered;
      status.textContent = `${matches.length} of ${index.count} samples`;
      await render();
      return;
    }
    matches = [];
    const wanted = new Set(filtered);
    const chunks = Math.ceil(index.count / index.detail_chunk);
    try {
      for (let c = 0; c < chunks; c++) {
        const rows = await loadChunk(`d${c}`, index.chunk_dir);
        if (mine !== generation) return;
        rows.forEach((row, j) => {
          const i = c * index.detail_chunk + j;
          if (!wanted.has(i) || !isDetail(row)) return;
          const text = `${row.item}\n${row.prompt}\n${row.answer}\n${row.reasoning}\n${row.extracted}\n${row.reference}\n${row.error}`.toLowerCase();
          if (text.includes(query)) matches.push(i);
        });
        status.textContent = c + 1 < chunks ? `searching… ${matches.length} found in ${Math.min((c + 1) * index.detail_chunk, index.count)} of ${index.count} samples` : `${matches.length} of ${index.count} samples match “${query}”`;
        if (c === 0 || c + 1 === chunks || c % 20 === 0) await render();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    }
  }

  for (const el of [suiteSel, verdictSel, errorSel, truncSel, ...groupFilters.map((g) => g.el)]) el.addEventListener('change', () => void refresh());
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), 200);
  });
  void refresh();
  const where = index.chunk_dir === null ? 'every sample is inside this page' : `the first samples are inside this page; the rest load from the folder ${index.chunk_dir}/ beside it`;
  return section(
    'samples',
    'Samples',
    h('p', { class: 'note' }, `${index.count} samples; ${where}.`),
    h('div', { class: 'filters' }, suiteSel, verdictSel, errorSel, truncSel, ...groupFilters.map((g) => g.el), search),
    status,
    missing,
    h('table', { class: 'samples', 'data-table': 'samples' }, h('thead', {}, h('tr', {}, ...['#', 'benchmark', 'item', 'sample', 'verdict', 'extracted', 'reference', ''].map((t) => h('th', { scope: 'col' }, t)))), tbody),
    pager,
    view,
  );
}
