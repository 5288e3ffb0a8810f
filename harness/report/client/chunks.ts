// Sample chunks: inline <script type="application/json" data-chunk> elements, or files beside the page
// (<name>.samples/<chunk>.js) loaded with a <script> tag, which works from file:// where fetch does not.
import type { ListRow, SampleDetail } from '../html/page-data.ts';

type ChunkRows = Array<ListRow | SampleDetail>;

declare global {
  interface Window {
    parityChunk?: (name: string, rows: ChunkRows) => void;
  }
}

const loaded = new Map<string, ChunkRows>();
const pending = new Map<string, Promise<ChunkRows>>();
const waiters = new Map<string, (rows: ChunkRows) => void>();
/** full texts kept in memory: a search reads every chunk, and a run's texts may be hundreds of megabytes */
const KEEP_DETAIL_CHUNKS = 40;
const detailOrder: string[] = [];

function remember(name: string, rows: ChunkRows): void {
  loaded.set(name, rows);
  if (!name.startsWith('d') || detailOrder.includes(name)) return;
  detailOrder.push(name);
  while (detailOrder.length > KEEP_DETAIL_CHUNKS) {
    const old = detailOrder.shift();
    if (old !== undefined) loaded.delete(old);
  }
}

window.parityChunk = (name, rows) => {
  remember(name, rows);
  pending.delete(name);
  waiters.get(name)?.(rows);
  waiters.delete(name);
};

function inline(name: string): ChunkRows | null {
  for (const el of document.querySelectorAll('script[data-chunk]')) {
    if (el.getAttribute('data-chunk') !== name) continue;
    const rows: ChunkRows = JSON.parse(el.textContent ?? '[]');
    return rows;
  }
  return null;
}

export function loadChunk(name: string, dir: string | null): Promise<ChunkRows> {
  const have = loaded.get(name) ?? inline(name);
  if (have !== null) {
    remember(name, have);
    return Promise.resolve(have);
  }
  const going = pending.get(name);
  if (going !== undefined) return going;
  const promise = new Promise<ChunkRows>((resolve, reject) => {
    if (dir === null) {
      reject(new Error(`sample chunk ${name} is missing from the page`));
      return;
    }
    waiters.set(name, resolve);
    const script = document.createElement('script');
    script.src = `${dir}/${name}.js`;
    // the data lives in `loaded` once the script has run; the element and its source can go
    script.onload = () => script.remove();
    script.onerror = () => {
      script.remove();
      pending.delete(name);
      reject(new Error(`cannot read ${dir}/${name}.js: keep the folder ${dir}/ beside this page`));
    };
    document.body.appendChild(script);
  });
  pending.set(name, promise);
  return promise;
}

export function isListRow(row: ListRow | SampleDetail): row is ListRow {
  return Array.isArray(row);
}

export function isDetail(row: ListRow | SampleDetail): row is SampleDetail {
  return !Array.isArray(row);
}
