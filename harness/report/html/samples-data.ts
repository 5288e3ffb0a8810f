// The sample browser's data, read in one streaming pass over samples.jsonl and the journal's error entries:
// a compact index of every sample (inline), list rows and full texts in chunks. Small runs keep every chunk
// inline; past INLINE_LIMIT (400 KB) the chunks go to files beside the page, loaded by <script> tags (file:// allows
// that, not fetch), so a 26,529-sample run does not put its texts into the page.
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSamplesFile, SAMPLES_FILE } from '../../results/files.ts';
import type { ListRow, SampleDetail, SampleIndex } from './page-data.ts';
import { GroupCodes } from './group-codes.ts';
import { detailOf, journalErrors, short } from './sample-records.ts';

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
  /** samples with a response in journal.jsonl (scored or not yet) */
  journalResponses: number;
};

const FLAG = { truncated: 1, thinking: 2, filtered: 4 } as const;

/** JSON that is also safe inside a <script> element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
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
  const groups = new GroupCodes();
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
    groups.add(detail.groups);
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
  const journal = { ok: 0 };
  for await (const error of journalErrors(join(runDir, 'journal.jsonl'), journal)) {
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
      groups: groups.finish(),
    },
    inline: chunks,
    usage,
    errorExamples,
    journalResponses: journal.ok,
  };
}
