// report.md section for a merged run: the shards it was joined from, with their samples, requests and times.
import type { RunSummary } from '../results/inputs.ts';

export function shardSection(summary: RunSummary): string | null {
  const shards = summary.shards;
  if (shards === undefined || shards.length === 0) return null;
  const lines = [
    '## Shards',
    '',
    `Merged from ${shards.length} shard runs; metrics are computed over all of their samples together.`,
    '',
    '| shard | run | samples | errors | requests | started | last answer |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of shards) {
    lines.push(`| ${s.index}/${s.count} | \`${s.run_id}\` | ${s.samples} | ${s.error_samples} | ${s.requests} | ${s.started_at} | ${s.finished_at ?? 'none'} |`);
  }
  const total = shards.reduce((sum, s) => ({ samples: sum.samples + s.samples, errors: sum.errors + s.error_samples, requests: sum.requests + s.requests }), { samples: 0, errors: 0, requests: 0 });
  lines.push(`| all | | ${total.samples} | ${total.errors} | ${total.requests} | | |`);
  return lines.join('\n');
}
