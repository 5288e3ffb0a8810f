// LiveCodeBench through `npm run eval`'s path: the simulator writes programs, the sandbox grades them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'lcb-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('livecodebench through the runner', () => {
  it('grades simulated programs in the sandbox: half of them right gives pass@1 = 50', async () => {
    const config = join(dir, 'lcb.yaml');
    writeFileSync(
      config,
      `model:
  name: Simulated coder
  id: test/simulated-coder
  simulated: true
  endpoint: { base_url: "http://127.0.0.1/v1", model: sim }
simulator: { accuracy: 0.5, seed: 11 }
runner: { concurrency: 4, timeout_s: 30, max_retries: 1 }
suites:
  livecodebench:
    samples: 2
    dataset: { path: ${join(ROOT, 'test/fixtures/livecodebench/problems.jsonl')} }
output: ${dir}
`,
    );
    const result = await runCli('harness/cli/eval.ts', ['--config', config], {}, 'launcher');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    const runs = readdirSync(dir).filter((d) => d !== 'lcb.yaml');
    const runDir = join(dir, runs[0] ?? '');
    const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
    const headline = scores.evaluation_results.find(
      (r: { evaluation_name: string; metric_config: { metric_id: string } }) => r.evaluation_name === 'livecodebench' && r.metric_config.metric_id === 'pass_at_k',
    );
    // three problems fall in the default window (2025-02-01 .. 2025-05-01 00:00); each gets one right, one wrong
    expect(headline.score_details.score).toBeCloseTo(50, 10);
    const rows = readFileSync(join(runDir, 'samples.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.sample_id))).toEqual(new Set(['fxa001_a', 'fx0002', 'fxa003_c']));
  });
});
