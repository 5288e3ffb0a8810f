// --dry-run through the CLI on every config in configs/, with local fixtures in place of the downloads,
// so that no config (judged or not) can crash it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deepMerge, isRecord } from '../../../harness/config/merge.ts';
import { ROOT, runCli } from '../../helpers/cli.ts';

/** Each suite's hand-written fixture in its native format; a new suite in a config needs one here. */
const FIXTURES: Record<string, string> = {
  aime25: 'test/fixtures/aime25/problems.jsonl',
  supergpqa: 'test/fixtures/supergpqa/questions.jsonl',
  livecodebench: 'test/fixtures/livecodebench/problems.jsonl',
  'arena-hard-v2': 'test/fixtures/arena-hard-v2',
  livebench: 'test/fixtures/livebench/local',
};

function merged(file: string): Record<string, unknown> {
  const doc: unknown = parse(readFileSync(file, 'utf8'));
  if (!isRecord(doc)) throw new Error(`${file}: not a mapping`);
  const { extends: base, ...own } = doc;
  return typeof base === 'string' ? deepMerge(merged(join(dirname(file), base)), own) : own;
}

const CONFIGS = readdirSync(join(ROOT, 'configs')).filter((f) => f.endsWith('.yaml')).sort();

describe('--dry-run on every config in configs/', () => {
  it('finds the configs', () => {
    expect(CONFIGS.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of CONFIGS) {
    const source = join(ROOT, 'configs', name);
    const doc = merged(source);
    if (doc['model'] === undefined) {
      it(`${name} names no model (a base for the others) and says so`, () => {
        expect(readFileSync(source, 'utf8')).toMatch(/Not runnable on its own/);
      });
      continue;
    }
    it(`${name}: counts requests (and judge requests) and sends nothing`, { timeout: 60_000 }, async () => {
      const suites = isRecord(doc['suites']) ? Object.entries(doc['suites']) : [];
      expect(suites.length).toBeGreaterThan(0);
      const dir = mkdtempSync(join(tmpdir(), 'parity-dry-'));
      const lines = [`extends: ${JSON.stringify(source)}`, `output: ${JSON.stringify(join(dir, 'runs'))}`];
      const fixtures: string[] = [];
      for (const [id, body] of suites) {
        // a config's own local file (the demo's) stays; every download is replaced by a fixture
        if (isRecord(body) && isRecord(body['dataset'])) continue;
        const fixture = FIXTURES[id];
        if (fixture === undefined) throw new Error(`no fixture for suite ${id}: add one to FIXTURES`);
        fixtures.push(`  ${id}:`, `    dataset: { path: ${JSON.stringify(join(ROOT, fixture))} }`);
      }
      if (fixtures.length > 0) lines.push('suites:', ...fixtures);
      const file = join(dir, 'c.yaml');
      writeFileSync(file, `${lines.join('\n')}\n`);
      const result = await runCli('harness/cli/eval.ts', ['--config', file, '--dry-run'], {});
      expect(result.stderr).not.toMatch(/internal error/);
      expect(result.code).toBe(0);
      for (const [id] of suites) expect(result.stdout).toMatch(new RegExp(`^${id}: \\d+ items, \\d+ requests`, 'm'));
      if (suites.some(([id]) => id === 'arena-hard-v2')) {
        const judge = /^ {2}judge \(([^)]+)\): (\d+) requests, ~(\d+) prompt tokens/m.exec(result.stdout);
        expect(judge?.[1]).toBeTruthy();
        expect(Number(judge?.[2])).toBeGreaterThan(0);
        expect(Number(judge?.[3])).toBeGreaterThan(0);
      }
      expect(readdirSync(dir)).toEqual(['c.yaml']); // no run directory
    });
  }
});
