// One sample as the browser shows it: a scored row of samples.jsonl, or a journal line that got no response.
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { InstanceRecord } from '../../results/instance-schema.ts';
import { journalEntrySchema } from '../../run/journal.ts';
import type { SampleDetail } from './page-data.ts';

export function detailOf(row: InstanceRecord): SampleDetail {
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

export function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Journal lines with no response: samples that are errors, never wrong answers. `counts.ok` gets the answered ones. */
export async function* journalErrors(path: string, counts: { ok: number }): AsyncGenerator<SampleDetail & { kind: string; message: string }> {
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
  counts.ok = ok.size;
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
