// What a shard's journal holds, read once for merge's checks and its report: the finished samples, the
// ones left failed, the requests they took and when the last answer came.
import { existsSync, readFileSync } from 'node:fs';
import { journalEntrySchema } from './journal.ts';

export type ShardJournal = {
  /** keys whose last entry is a response */
  keys: string[];
  /** keys whose last entry is a failure (a resume of the shard would retry them) */
  errorSamples: number;
  /** attempts over every entry, retries included */
  requests: number;
  lastAnswerAt: string | null;
};

export function readShardJournal(path: string): ShardJournal {
  const latest = new Map<string, { ok: boolean; at: string }>();
  let requests = 0;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      continue; // a torn last line: the shard's own resume would drop it too
    }
    const entry = journalEntrySchema.safeParse(raw);
    if (!entry.success) continue;
    requests += entry.data.attempts;
    latest.set(entry.data.key, { ok: entry.data.status === 'ok', at: entry.data.at });
  }
  const entries = [...latest.entries()];
  const answered = entries.filter(([, e]) => e.ok);
  return {
    keys: answered.map(([key]) => key),
    errorSamples: entries.length - answered.length,
    requests,
    lastAnswerAt: answered.map(([, e]) => e.at).sort().at(-1) ?? null,
  };
}
