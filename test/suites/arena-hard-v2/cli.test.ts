import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'suites/arena-hard-v2/cli.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const JUDGMENTS = join(ROOT, 'test/fixtures/arena-hard-v2/model_judgment');

describe('npm run arena-hard -- leaderboard', () => {
  it('prints the upstream leaderboard for each category', async () => {
    const { stdout } = await run(TSX, [CLI, 'leaderboard', JUDGMENTS, '--category', 'hard_prompt', '--category', 'creative_writing', '--rounds', '50']);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('Number of null judgments found: 1');
    expect(lines[1]).toBe('##### Category: hard_prompt #####');
    expect(lines[2]).toMatch(/^ +Model  Scores \(%\) +CI \(%\)$/);
    expect(lines[3]).toMatch(/^0 +model-a +\d+\.\d  \(-\d+\.\d \/ \+\d+\.\d\)$/);
    expect(stdout).toContain('##### Category: creative_writing #####');
    expect(stdout).toMatch(/0  gemini-2\.0-flash-001        50\.0  \(-0\.0 \/ \+0\.0\)/);
  }, 30000);

  it('exits 2 with usage on bad arguments', async () => {
    await expect(run(TSX, [CLI, 'leaderboard', JUDGMENTS, '--fit', 'newton'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--fit must be converge or upstream'),
    });
  }, 30000);
});
