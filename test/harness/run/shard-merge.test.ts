// Shards and merge through the CLIs: three shards merged equal one single run; merge refuses bad sets.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../../harness/run/shard.ts';
import { ROOT, runCli } from '../../helpers/cli.ts';
import { startFakeEndpoint, type FakeEndpoint, type FakeReply } from '../../helpers/fake-endpoint.ts';

// deterministic: the answer depends on the prompt only, so any split of the work gives the same responses
function reply(req: { prompt: string }): FakeReply {
  const word = /Fixture (\w+)/.exec(req.prompt)?.[1];
  if (word !== undefined) return { kind: 'answer', content: `\\boxed{${word === 'one' ? 7 : word === 'three' ? 100 : 1}}` };
  return { kind: 'answer', content: `Answer: ${'ABCDEFGHIJ'[req.prompt.length % 10] ?? 'A'}` };
}

let endpoint: FakeEndpoint;
let dir: string;
beforeAll(async () => {
  endpoint = await startFakeEndpoint(reply);
  dir = mkdtempSync(join(tmpdir(), 'parity-shards-'));
});
afterAll(async () => {
  await endpoint.close();
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(name: string, temperature: number): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    `model:
  name: Shard Model
  id: test/shard
  endpoint: { base_url: "${endpoint.baseUrl}", model: fake }
  generation: { temperature: ${temperature} }
runner: { concurrency: 4, timeout_s: 5, max_retries: 1 }
suites:
  aime25:
    samples: 3
    dataset: { path: ${join(ROOT, 'test/fixtures/aime25/problems.jsonl')} }
  supergpqa:
    dataset: { path: ${join(ROOT, 'test/fixtures/supergpqa/questions.jsonl')} }
`,
  );
  return file;
}

const onlyRun = (out: string): string => join(out, readdirSync(out)[0] ?? '');
const metrics = (runDir: string): unknown[] => {
  const scores = JSON.parse(readFileSync(join(runDir, 'scores.json'), 'utf8'));
  return scores.evaluation_results.map((r: Record<string, unknown>) => ({ name: r['evaluation_name'], result: r['score_details'], config: r['metric_config'] }));
};
// everything in a row but what names the run that wrote it and the wire latency, which no two runs share
const rows = (runDir: string): unknown[] =>
  readFileSync(join(runDir, 'samples.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.stringify(JSON.parse(line), (key, value) => (['evaluation_id', 'run_id', 'retrieved_timestamp', 'evaluation_timestamp', 'latency_ms'].includes(key) ? undefined : value)));

describe('shards', () => {
  it('parses I/N and refuses what is not a shard', () => {
    expect(parseShard('3/8')).toEqual({ ok: true, shard: { index: 3, count: 8 } });
    expect(parseShard('8/8').ok).toBe(false);
    expect(parseShard('3').ok).toBe(false);
    expect(parseShard('-1/4').ok).toBe(false);
  });

  it('puts every item in exactly one shard, whatever N', () => {
    for (const count of [1, 2, 3, 7]) {
      for (let i = 0; i < 200; i++) {
        const owners = [...Array(count).keys()].filter((index) => inShard({ index, count }, 'suite', `item-${i}`));
        expect(owners).toEqual([shardOf('suite', `item-${i}`, count)]);
      }
    }
  });

  it('--dry-run --shard counts only that shard\'s items, and the shards add up to the whole', async () => {
    const config = writeConfig('dry.yaml', 0.5);
    const items = (text: string): number => Number(/aime25: (\d+) items/.exec(text)?.[1] ?? NaN);
    const whole = await runCli('harness/cli/eval.ts', ['--config', config, '--dry-run']);
    expect(whole.code, whole.stderr).toBe(0);
    const parts = await Promise.all([0, 1, 2].map((i) => runCli('harness/cli/eval.ts', ['--config', config, '--dry-run', '--shard', `${i}/3`])));
    const counts = parts.map((p) => items(p.stdout));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(items(whole.stdout));
    expect(counts.every((n) => n < items(whole.stdout))).toBe(true);
  });

  it('three shards merged give the metrics and sample rows of one run', async () => {
    const config = writeConfig('c.yaml', 0.5);
    const single = join(dir, 'single');
    const one = await runCli('harness/cli/eval.ts', ['--config', config, '--output', single]);
    expect(one.code, one.stderr).toBe(0);
    for (const i of [0, 1, 2]) {
      const shard = await runCli('harness/cli/eval.ts', ['--config', config, '--shard', `${i}/3`, '--output', join(dir, `shard-${i}`)]);
      expect(shard.code, shard.stderr).toBe(0);
    }
    const shardRows = [0, 1, 2].map((i) => rows(onlyRun(join(dir, `shard-${i}`))).length);
    expect(shardRows.reduce((a, b) => a + b, 0)).toBe(rows(onlyRun(single)).length);
    expect(shardRows.filter((n) => n > 0).length).toBeGreaterThan(1);

    const merged = join(dir, 'merged');
    const result = await runCli('harness/cli/merge.ts', [join(dir, 'shard-2'), join(dir, 'shard-0'), join(dir, 'shard-1'), '--output', merged]);
    expect(result.code, result.stderr).toBe(0);
    const mergedRun = onlyRun(merged);
    expect(metrics(mergedRun)).toEqual(metrics(onlyRun(single)));
    expect(rows(mergedRun)).toEqual(rows(onlyRun(single)));
    const spec = JSON.parse(readFileSync(join(mergedRun, 'spec.json'), 'utf8'));
    expect(spec.shards.map((s: { index: number }) => s.index)).toEqual([0, 1, 2]);
    expect(spec.overrides.shard).toBeNull();
    const report = readFileSync(join(mergedRun, 'report.md'), 'utf8');
    expect(report).toMatch(/## Shards/);
  });

  it('refuses a missing shard, a duplicate and a changed config, naming the directory (exit 2)', async () => {
    const missing = await runCli('harness/cli/merge.ts', [join(dir, 'shard-0'), join(dir, 'shard-2'), '--output', join(dir, 'x')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 1 of 3 missing/);

    cpSync(join(dir, 'shard-1'), join(dir, 'shard-1-copy'), { recursive: true });
    const twice = await runCli('harness/cli/merge.ts', [join(dir, 'shard-0'), join(dir, 'shard-1'), join(dir, 'shard-1-copy'), join(dir, 'shard-2'), '--output', join(dir, 'x')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/shard-1-copy.*shard index 1 is given twice/);

    const changed = writeConfig('changed.yaml', 0.9);
    const other = await runCli('harness/cli/eval.ts', ['--config', changed, '--shard', '1/3', '--output', join(dir, 'shard-1-changed')]);
    expect(other.code, other.stderr).toBe(0);
    const mixed = await runCli('harness/cli/merge.ts', [join(dir, 'shard-0'), join(dir, 'shard-1-changed'), join(dir, 'shard-2'), '--output', join(dir, 'x')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/shard-1-changed.*model\.generation\.temperature/);

    const notRun = await runCli('harness/cli/merge.ts', [dir, '--output', join(dir, 'x')]);
    expect(notRun.code).toBe(2);
    expect(readdirSync(dir)).not.toContain('x');
  });
});
