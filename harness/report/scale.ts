// report.md sections for scale-out: the shards a merged run was joined from, and the replicas that served a model.
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

/** A model served by several replicas: requests, failures and latency of each, to spot a slow or broken one. */
export function replicaSection(summary: RunSummary): string | null {
  const replicas = summary.replicas;
  if (replicas === undefined || replicas.length === 0) return null;
  const lines = [
    '## Replicas',
    '',
    'Requests go to the replica with the fewest in flight; one that fails repeatedly is taken out for a cool-down and probed before it serves again. Failed attempts were retried on the others.',
    '',
    '| replica | requests | answered | failed attempts | mean latency | times taken out |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of replicas) {
    lines.push(`| \`${r.url}\` | ${r.requests} | ${r.ok} | ${r.errors} | ${r.mean_latency_ms === null ? 'n/a' : `${r.mean_latency_ms} ms`} | ${r.ejections} |`);
  }
  return lines.join('\n');
}
