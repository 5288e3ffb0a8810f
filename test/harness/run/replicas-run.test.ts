// Three local replicas behind one model; one is stopped in the middle of the run.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../helpers/cli.ts';
import { startFakeEndpoint, type FakeEndpoint, type FakeReply } from '../../helpers/fake-endpoint.ts';

let endpoints: FakeEndpoint[] = [];
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(endpoints.map((e) => e.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  endpoints = [];
  dirs = [];
});

const answer: FakeReply = { kind: 'answer', content: '\\boxed{7}' };

describe('replicas', () => {
  it('a replica stopped mid-run loses no sample: its requests are retried on the other two', async () => {
    const a = await startFakeEndpoint(() => answer);
    const c = await startFakeEndpoint(() => answer);
    let stopped = false;
    let b: FakeEndpoint | null = null;
    b = await startFakeEndpoint((req) => {
      if (req.index < 6) return answer;
      // from the 7th request on, answer nothing and go away: the requests in flight break, later connections
      // are refused (answering the ones that arrive in the last 20 ms would make b's share depend on speed)
      if (!stopped) {
        stopped = true;
        setTimeout(() => void b?.close(), 20);
      }
      return { kind: 'hang' };
    });
    endpoints.push(a, b, c);
    const dir = mkdtempSync(join(tmpdir(), 'parity-replicas-'));
    dirs.push(dir);
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      `model:
  name: Replicated
  id: test/replicated
  endpoint: { base_url: ["${a.baseUrl}", "${b.baseUrl}", "${c.baseUrl}"], model: fake }
runner: { concurrency: 6, concurrency_per_replica: 3, timeout_s: 5, max_retries: 4 }
suites:
  aime25:
    samples: 30
    dataset: { path: ${join(ROOT, 'test/fixtures/aime25/problems.jsonl')} }
output: ${join(dir, 'runs')}
`,
    );
    const result = await runCli('harness/cli/eval.ts', ['--config', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(stopped).toBe(true);
    const runDir = join(dir, 'runs', readdirSync(join(dir, 'runs'))[0] ?? '');
    const journal = readFileSync(join(runDir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(journal).toHaveLength(120);
    expect(journal.every((e) => e.status === 'ok')).toBe(true);
    const served = (url: string): number => journal.filter((e) => e.replica === url).length;
    expect(served(a.baseUrl) + served(b.baseUrl) + served(c.baseUrl)).toBe(120);
    expect(served(b.baseUrl)).toBe(6);
    expect(served(a.baseUrl)).toBeGreaterThan(40);
    expect(served(c.baseUrl)).toBeGreaterThan(40);
    expect(journal.some((e) => e.attempts > 1)).toBe(true);
    const report = readFileSync(join(runDir, 'report.md'), 'utf8');
    expect(report).toMatch(/## Replicas/);
    expect(report).toContain(b.baseUrl);
  });
});
