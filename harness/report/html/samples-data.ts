// The sample browser's data, read in one streaming pass over samples.jsonl and the journal's error entries:
// a compact index of every sample (inline), list rows and full texts in chunks. Small runs keep every chunk
// inline; past INLINE_LIMIT (400 KB) the chunks go to files beside the page, loaded by <script> tags (file:// allows
// that, not fetch), so a 26,529-sample run does not put its texts into the page.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readSamplesFile, SAMPLES_FILE } from '../../results/files.ts';
import type { InstanceRecord } from '../../results/instance-schema.ts';
import { journalEntrySchema } from '../../run/journal.ts';
import type { ListRow, SampleDetail, SampleIndex } from './page-data.ts';

export const LIST_CHUNK = 1000;
export const DETAIL_CHUNK = 50;
/** chunk bytes kept inline in the page; above this every chunk but the first of each kind goes to files */
export const INLINE_LIMIT = 400_000;

export type SuiteUsage = { samples: number; prompt_tokens: number; completion_tokens: number; reasoning_tokens: number };

export type SamplesData = {
  index: SampleIndex;
  /** chunk name ("l0", "d3") -> JSON text, for the chunks the page embeds */
  inline: Map<string, string>;
  usage: Map<string, SuiteUsage>;
  /** the first journal message of each error kind, per suite */
  errorExamples: Map<string, Record<string, string>>;
};

const FLAG = { truncated: 1, thinking: 2, filtered: 4 } as const;

/** JSON that is also safe inside a <script> element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function detailOf(row: InstanceRecord): SampleDetail {
  const meta = row.metadata ?? {};
  const pick = (prefix: string) =>
    Object.fromEntries(Object.entries(meta).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  const formatted = row.input.formatted;
  return {
    suite: meta['suite'] ?? row.evaluation_name,
    item: row.sample_id,
    k: Number(meta['sample_index'] ?? '0'),
    verdict: meta['verdict'] ?? (row.evaluation.is_correct ? 'correct' : 'wrong'),
    score: row.evaluation.score,
    extracted: row.answer_attribution[0]?.extracted_value ?? '',
    reference: row.input.reference.join(' | '),
    prompt: formatted === null || formatted === undefined ? row.input.raw : conversation(formatted, row.input.raw),
    reasoning: (row.output?.reasoning_trace ?? []).join('\n'),
    answer: (row.output?.raw ?? []).join('\n'),
    finish: meta['finish_reason'] ?? '',
    error: row.error ?? '',
    groups: pick('group.'),
    details: pick('detail.'),
  };
}

function conversation(formatted: string, raw: string): string {
  try {
    const parsed: unknown = JSON.parse(formatted);
    if (!Array.isArray(parsed)) return raw;
    return parsed
      .map((m: unknown) => (typeof m === 'object' && m !== null && 'role' in m && 'content' in m ? `[${String(m.role)}]\n${String(m.content)}` : ''))
      .join('\n\n');
  } catch {
    return raw;
  }
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Journal lines with no response: samples that are errors, never wrong answers. */
async function* journalErrors(path: string): AsyncGenerator<SampleDetail & { kind: string; message: string }> {
  if (!existsSync(path)) return;
  const ok = new Set<string>();
  const errors = new Map<string, { kind: string; message: string }>();
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // a torn last line: the resume re-does it
    }
    const entry = journalEntrySchema.safeParse(value);
    if (!entry.success) continue;
    if (entry.data.status === 'ok') ok.add(entry.data.key);
    else if (entry.data.error !== null) errors.set(entry.data.key, { kind: entry.data.error.kind, message: entry.data.error.message });
  }
  for (const [key, error] of errors) {
    if (ok.has(key)) continue;
    const first = key.indexOf('/');
    const last = key.lastIndexOf('/');
    yield {
      suite: key.slice(0, first), item: key.slice(first + 1, last), k: Number(key.slice(last + 1)), verdict: 'error', score: null,
      extracted: '', reference: '', prompt: '', reasoning: '', answer: '', finish: '', error: `${error.kind}: ${error.message}`,
      groups: {}, details: {}, kind: error.kind, message: error.message,
    };
  }
}

class Dictionary {
  readonly values: string[] = [];
  code(value: string): number {
    const at = this.values.indexOf(value);
    if (at !== -1) return at;
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** Reads the run's samples; writes chunk files into `<pageDir>/<chunkDir>` only when they do not fit inline. */
export async function buildSamplesData(runDir: string, pageDir: string, chunkDir: string): Promise<SamplesData> {
  const suites = new Dictionary();
  const verdicts = new Dictionary();
  const kinds = new Dictionary();
  kinds.code('');
  const codes: number[] = [];
  const usage = new Map<string, SuiteUsage>();
  const errorExamples = new Map<string, Record<string, string>>();
  const chunks = new Map<string, string>();
  let inlineBytes = 0;
  let external = false;
  const target = join(pageDir, chunkDir);
  await rm(target, { recursive: true, force: true });

  async function emit(name: string, rows: unknown[]): Promise<void> {
    const json = scriptSafeJson(rows);
    const isFirst = name === 'l0' || name === 'd0';
    if (!external && !isFirst && inlineBytes + json.length > INLINE_LIMIT) {
      external = true;
      await mkdir(target, { recursive: true });
      for (const [old, text] of chunks) {
        if (old === 'l0' || old === 'd0') continue;
        await writeChunk(old, text);
        chunks.delete(old);
      }
    }
    if (external && !isFirst) await writeChunk(name, json);
    else {
      chunks.set(name, json);
      inlineBytes += json.length;
    }
  }
  async function writeChunk(name: string, json: string): Promise<void> {
    await writeFile(join(target, `${name}.js`), `window.parityChunk(${JSON.stringify(name)},${json});\n`);
  }

  let list: ListRow[] = [];
  let details: SampleDetail[] = [];
  let n = 0;
  async function add(detail: SampleDetail, kind: string, flags: number): Promise<void> {
    codes.push(suites.code(detail.suite), verdicts.code(detail.verdict), kinds.code(kind), flags);
    list.push([detail.item, detail.k, short(detail.extracted), short(detail.reference), detail.score ?? -1]);
    details.push(detail);
    n += 1;
    if (details.length === DETAIL_CHUNK) {
      await emit(`d${Math.floor((n - 1) / DETAIL_CHUNK)}`, details);
      details = [];
    }
    if (list.length === LIST_CHUNK) {
      await emit(`l${Math.floor((n - 1) / LIST_CHUNK)}`, list);
      list = [];
    }
  }

  const samplesPath = join(runDir, SAMPLES_FILE);
  if (existsSync(samplesPath)) {
    for await (const row of readSamplesFile(samplesPath)) {
      const detail = detailOf(row);
      const u = usage.get(detail.suite) ?? { samples: 0, prompt_tokens: 0, completion_tokens: 0, reasoning_tokens: 0 };
      u.samples += 1;
      u.prompt_tokens += row.token_usage?.input_tokens ?? 0;
      u.completion_tokens += row.token_usage?.output_tokens ?? 0;
      u.reasoning_tokens += row.token_usage?.reasoning_tokens ?? 0;
      usage.set(detail.suite, u);
      const meta = row.metadata ?? {};
      const flags =
        (meta['truncated'] === 'true' ? FLAG.truncated : 0) |
        (meta['truncated_in_thinking'] === 'true' ? FLAG.thinking : 0) |
        (detail.finish === 'content_filter' ? FLAG.filtered : 0);
      await add(detail, '', flags);
    }
  }
  for await (const error of journalErrors(join(runDir, 'journal.jsonl'))) {
    const examples = errorExamples.get(error.suite) ?? {};
    examples[error.kind] ??= error.message;
    errorExamples.set(error.suite, examples);
    const { kind, message: _message, ...detail } = error;
    await add(detail, kind, 0);
  }
  if (details.length > 0) await emit(`d${Math.floor((n - 1) / DETAIL_CHUNK)}`, details);
  if (list.length > 0) await emit(`l${Math.floor((n - 1) / LIST_CHUNK)}`, list);
  return {
    index: {
      count: n,
      suites: suites.values,
      verdicts: verdicts.values,
      error_kinds: kinds.values,
      codes: Buffer.from(codes).toString('base64'),
      list_chunk: LIST_CHUNK,
      detail_chunk: DETAIL_CHUNK,
      chunk_dir: external ? chunkDir : null,
    },
    inline: chunks,
    usage,
    errorExamples,
  };
}
