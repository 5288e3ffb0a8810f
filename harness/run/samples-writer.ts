// Writes samples.jsonl (instance-level rows) to a temp file, hashing as it goes; renamed into place at the end,
// so a crash never leaves a half-written samples.jsonl (the journal keeps every finished sample).
import { createHash } from 'node:crypto';
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { instanceRow } from '../results/instance.ts';
import type { ModelIdentity } from '../results/inputs.ts';
import type { ScoredRow } from './pipeline.ts';

export type SamplesWriter = {
  write(args: { runId: string; suite: string; model: ModelIdentity; extractor: string; row: ScoredRow }): void;
  finish(): { path: string; sha256: string; rows: number };
};

export function createSamplesWriter(runDir: string): SamplesWriter {
  const final = join(runDir, 'samples.jsonl');
  const tmp = `${final}.partial`;
  const fd = openSync(tmp, 'w');
  const hash = createHash('sha256');
  let rows = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    // hashed per megabyte written rather than per row: the same digest, a thousandth of the calls
    const bytes = Buffer.from(pending.join(''), 'utf8');
    hash.update(bytes);
    writeSync(fd, bytes);
    pending = [];
    pendingBytes = 0;
  };
  return {
    write({ runId, suite, model, extractor, row }) {
      const record = instanceRow({
        run_id: runId,
        suite,
        model,
        item_id: row.item.id,
        sample_index: row.sample_index,
        request: row.item.request,
        completion: row.completion,
        reference: row.item.reference,
        score: row.score,
        latency_ms: row.latency_ms,
        attempts: row.attempts,
        extractor,
      });
      const line = `${JSON.stringify(record)}\n`;
      pending.push(line);
      pendingBytes += line.length;
      rows += 1;
      if (pendingBytes > 1 << 20) flush();
    },
    finish() {
      flush();
      closeSync(fd);
      renameSync(tmp, final);
      return { path: 'samples.jsonl', sha256: hash.digest('hex'), rows };
    },
  };
}
