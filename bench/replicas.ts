// Replicas: the same load against one mock endpoint and against three mock replicas (each its own process),
// at the same total concurrency. Routing across replicas should cost next to nothing: target, efficiency
// with three replicas >= efficiency with one minus 0.05.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../harness/paths.ts';
import { runInProcess } from './in-process.ts';
import { startMock, type MockEndpoint } from './runner.ts';

type Figures = { efficiency: number; cpuPerRequest: number; requests: number; errors: number };

async function measure(urls: string[], requests: number, concurrency: number, latencyMs: number): Promise<Figures> {
  const out = mkdtempSync(join(tmpdir(), 'parity-bench-replicas-'));
  const items = 10;
  try {
    const raw = {
      model: { name: 'Bench mock', id: 'bench/mock', simulated: true, endpoint: { base_url: urls.length === 1 ? urls[0] : urls, model: 'mock' }, generation: { max_tokens: 64 } },
      runner: { concurrency, timeout_s: 60, max_retries: 2 },
      suites: { aime25: { samples: Math.round(requests / items), dataset: { path: projectPath('suites', 'aime25', 'demo', 'problems.jsonl') } } },
      output: out,
    };
    const { summary, seconds, cpuMs } = await runInProcess(raw, out);
    const n = summary.suites.reduce((sum, s) => sum + s.scored_samples + s.error_samples, 0);
    return {
      efficiency: (n * latencyMs) / concurrency / (seconds * 1000),
      cpuPerRequest: cpuMs / n,
      requests: n,
      errors: summary.suites.reduce((sum, s) => sum + s.error_samples, 0),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function runReplicasBench(opts: { requests: number; concurrency: number; latencyMs: number }): Promise<string> {
  const mocks: MockEndpoint[] = [];
  try {
    for (let i = 0; i < 3; i++) mocks.push(await startMock(opts.latencyMs));
    const [first] = mocks;
    if (first === undefined) throw new Error('no mock endpoint');
    const one = await measure([first.url], opts.requests, opts.concurrency, opts.latencyMs);
    const three = await measure(mocks.map((m) => m.url), opts.requests, opts.concurrency, opts.latencyMs);
    const rssMb = process.resourceUsage().maxRSS / 1024;
    return [
      `replicas: ${one.requests} requests, concurrency ${opts.concurrency} in all, mock latency ${opts.latencyMs} ms`,
      `  one endpoint:   efficiency ${one.efficiency.toFixed(3)}, CPU ${one.cpuPerRequest.toFixed(3)} ms/request, errors ${one.errors}`,
      `  three replicas: efficiency ${three.efficiency.toFixed(3)}, CPU ${three.cpuPerRequest.toFixed(3)} ms/request, errors ${three.errors}`,
      `  difference ${(three.efficiency - one.efficiency).toFixed(3)} (target >= -0.05), peak RSS ${rssMb.toFixed(0)} MB`,
    ].join('\n');
  } finally {
    for (const m of mocks) void m.stop();
  }
}
