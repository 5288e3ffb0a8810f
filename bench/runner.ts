// Runner throughput: AIME25 requests at a given concurrency against a mock endpoint with fixed latency.
// efficiency = ideal wall time (N x latency / concurrency) / measured wall time.
// The streamed variant asks for the same answers as server-sent events (stream: true), so its CPU per
// request shows what assembling chunks costs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectPath } from '../harness/paths.ts';
import { runInProcess } from './in-process.ts';

/** null: reported without a target */
export type RunnerTargets = { efficiency: number | null; rssMb: number | null; cpuMs: number | null };
export type RunnerBenchOptions = { requests: number; concurrency: number; latencyMs: number; stream: boolean; targets: RunnerTargets };

/** `stop` ends the mock and resolves with its own CPU line. */
export type MockEndpoint = { url: string; stop(): Promise<string> };

export async function startMock(latencyMs: number): Promise<MockEndpoint> {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('bench', 'mock-server.ts'), String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true || !first.value.startsWith('http')) throw new Error('mock server did not start');
  let stopped: Promise<string> | null = null;
  return {
    url: first.value.trim(),
    stop() {
      stopped ??= (async () => {
        child.kill('SIGTERM');
        const last = await lines.next();
        return last.done === true ? 'mock: no report' : last.value;
      })();
      return stopped;
    },
  };
}

export async function runRunnerBench(opts: RunnerBenchOptions): Promise<string> {
  const mock = await startMock(opts.latencyMs);
  const out = mkdtempSync(join(tmpdir(), 'parity-bench-'));
  const items = 10;
  const samples = Math.round(opts.requests / items);
  try {
    const raw = {
      model: { name: 'Bench mock', id: 'bench/mock', simulated: true, endpoint: { base_url: mock.url, model: 'mock', stream: opts.stream }, generation: { max_tokens: 64 } },
      runner: { concurrency: opts.concurrency, timeout_s: 60, max_retries: 2 },
      suites: { aime25: { samples, dataset: { path: projectPath('suites', 'aime25', 'demo', 'problems.jsonl') } } },
      output: out,
    };
    const { summary, seconds, cpuMs, waitMs } = await runInProcess(raw, out);
    const wallMs = seconds * 1000;
    const n = summary.suites.reduce((sum, s) => sum + s.scored_samples + s.error_samples, 0);
    const ideal = (n * opts.latencyMs) / opts.concurrency;
    const cpuPerRequest = cpuMs / n;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const { targets } = opts;
    return [
      `runner${opts.stream ? ' (streamed)' : ''}: ${n} requests, concurrency ${opts.concurrency}, mock latency ${opts.latencyMs} ms`,
      `  wall ${(wallMs / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s, efficiency ${(ideal / wallMs).toFixed(3)}${targets.efficiency === null ? '' : ` (target >= ${targets.efficiency})`}, ${(n / seconds).toFixed(0)} requests/s`,
      `  peak RSS ${rssMb.toFixed(0)} MB${targets.rssMb === null ? '' : ` (target <= ${targets.rssMb})`}, CPU ${cpuPerRequest.toFixed(3)} ms/request${targets.cpuMs === null ? '' : ` (target <= ${targets.cpuMs})`}`,
      `  errors ${summary.suites.reduce((s, x) => s + x.error_samples, 0)}${waitMs === null ? '' : `, main thread waited ${(waitMs / 1000).toFixed(2)} s for a CPU (load average ${loadavg()[0]?.toFixed(1)})`}`,
      `  ${await mock.stop()}`,
    ].join('\n');
  } finally {
    void mock.stop();
    rmSync(out, { recursive: true, force: true });
  }
}
