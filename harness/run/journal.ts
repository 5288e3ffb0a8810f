// The durable record of every response: one JSON line per sample, appended with a synchronous write when the
// response arrives, so a kill -9 loses at most the requests in flight. Resume reads it back.
import { closeSync, existsSync, openSync, readSync, renameSync, writeSync, fsyncSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { createHash } from 'node:crypto';
import { classifiedErrorSchema } from '../endpoint/errors.ts';
import type { SendResult } from '../endpoint/sender.ts';
import type { GenerationParams } from '../config/schema.ts';
import type { SampleRequest } from '../suite.ts';

export const usageSchema = z.strictObject({
  prompt_tokens: z.number(),
  completion_tokens: z.number(),
  reasoning_tokens: z.number().nullable(),
});

export const completionSchema = z.strictObject({
  content: z.string(),
  reasoning: z.string().nullable(),
  finish_reason: z.string().nullable(),
  truncated: z.boolean(),
  truncated_in_thinking: z.boolean(),
  usage: usageSchema.nullable(),
});

export const journalEntrySchema = z.strictObject({
  key: z.string(),
  request_hash: z.string(),
  status: z.enum(['ok', 'error']),
  completion: completionSchema.nullable(),
  error: classifiedErrorSchema.nullable(),
  attempts: z.number().int(),
  latency_ms: z.number(),
  at: z.string(),
  /** the replica that answered, when the model is served by several */
  replica: z.string().optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** Identifies what was asked: a resumed entry made for another model, prompt or setting is refused. */
export function requestHash(endpointModel: string, request: SampleRequest, generation: GenerationParams): string {
  return createHash('sha256').update(JSON.stringify([endpointModel, request, generation])).digest('hex').slice(0, 32);
}

// Responses come in bursts: those of one millisecond share its timestamp string instead of a Date each.
let isoMs = Number.NaN;
let iso = '';

/** `new Date().toISOString()`, made once per millisecond. */
export function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    iso = new Date(ms).toISOString();
    isoMs = ms;
  }
  return iso;
}

/** The journal line for one send's outcome. */
export function entryFor(key: string, hash: string, sent: SendResult): JournalEntry {
  return {
    key,
    request_hash: hash,
    status: sent.ok ? 'ok' : 'error',
    completion: sent.ok ? sent.completion : null,
    error: sent.ok ? null : sent.error,
    attempts: sent.attempts,
    latency_ms: Math.round(sent.latency_ms),
    at: isoNow(),
    ...(sent.replica === undefined ? {} : { replica: sent.replica }),
  };
}

type Located = { offset: number; length: number };

export type Journal = {
  path: string;
  /** finished (ok) entries by key */
  has(key: string): boolean;
  read(key: string): JournalEntry | null;
  append(entry: JournalEntry): void;
  /** counts found when opening: ok entries kept, error entries dropped for retry, torn lines dropped */
  opened: { kept: number; droppedErrors: number; droppedTorn: number };
  close(): void;
};

export class JournalError extends Error {
  override name = 'JournalError';
}

/**
 * Opens (or creates) a journal. Existing error entries and a torn last line are dropped by rewriting the
 * file atomically (temp + rename), so a retried sample never appears twice.
 */
export async function openJournal(path: string): Promise<Journal> {
  const index = new Map<string, Located>();
  const stats = { kept: 0, droppedErrors: 0, droppedTorn: 0 };
  if (existsSync(path)) {
    // Pass 1: index ok entries by offset; nothing but offsets stays in memory.
    let clean = true;
    await forEachLine(path, (text, offset, complete, lineNo) => {
      const entry = complete ? parseEntry(text) : null;
      if (entry === null) {
        if (complete) throw new JournalError(`${path}:${lineNo}: corrupt journal line before the end of the file. Move the file aside to start over, or repair the line.`);
        stats.droppedTorn += 1;
        clean = false;
      } else if (entry.status !== 'ok') {
        stats.droppedErrors += 1;
        clean = false;
      } else if (index.has(entry.key)) {
        clean = false;
      } else {
        index.set(entry.key, { offset, length: Buffer.byteLength(text) + 1 });
      }
    });
    stats.kept = index.size;
    if (!clean) await compact(path, index);
  }
  const fd = openSync(path, 'a+');
  let size = 0;
  for (const l of index.values()) size = Math.max(size, l.offset + l.length);
  return {
    path,
    opened: stats,
    has: (key) => index.has(key),
    read(key) {
      const at = index.get(key);
      if (!at) return null;
      const buf = Buffer.alloc(at.length - 1);
      readSync(fd, buf, 0, buf.length, at.offset);
      return journalEntrySchema.parse(JSON.parse(buf.toString('utf8')));
    },
    append(entry) {
      const text = `${JSON.stringify(entry)}\n`;
      const bytes = Buffer.byteLength(text);
      writeSync(fd, text);
      if (entry.status === 'ok' && !index.has(entry.key)) index.set(entry.key, { offset: size, length: bytes });
      size += bytes;
    },
    close: () => closeSync(fd),
  };
}

/** Pass 2: rewrite only the indexed lines to a temp file, then rename over the journal; offsets are updated. */
async function compact(path: string, index: Map<string, Located>): Promise<void> {
  const wanted = new Map<number, string>();
  for (const [key, at] of index) wanted.set(at.offset, key);
  const target = `${path}.compact`;
  const out = openSync(target, 'w');
  let written = 0;
  await forEachLine(path, (text, offset, complete) => {
    const key = complete ? wanted.get(offset) : undefined;
    if (key === undefined) return;
    const line = `${text}\n`;
    writeSync(out, line);
    const length = Buffer.byteLength(line);
    index.set(key, { offset: written, length });
    written += length;
  });
  fsyncSync(out);
  closeSync(out);
  renameSync(target, path);
}

async function forEachLine(
  path: string,
  fn: (text: string, offset: number, complete: boolean, lineNo: number) => void,
): Promise<void> {
  let offset = 0;
  let lineNo = 0;
  let pending = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    pending += String(chunk);
    let start = 0;
    let nl = pending.indexOf('\n', start);
    while (nl >= 0) {
      const text = pending.slice(start, nl);
      lineNo += 1;
      fn(text, offset, true, lineNo);
      offset += Buffer.byteLength(text) + 1;
      start = nl + 1;
      nl = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  // A final line without a newline is a torn write, even if it happens to parse.
  if (pending.length > 0) fn(pending, offset, false, lineNo + 1);
}

function parseEntry(text: string): JournalEntry | null {
  try {
    const parsed = journalEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
