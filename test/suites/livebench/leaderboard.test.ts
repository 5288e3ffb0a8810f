// The leaderboard rebuild: per-task table -> category means -> overall, by the suite's aggregation.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../suites/livebench/cli.ts';
import { parseCsv } from '../../../suites/livebench/leaderboard.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/livebench');
const CSV = join(FIXTURES, 'leaderboard.csv');

function run(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

type Row = { model: string; overall: number | null; categories: Record<string, number>; missing_tasks: string[] };

function rows(args: string[]): Row[] {
  const { code, out } = run([...args, '--json']);
  expect(code).toBe(0);
  const parsed: Row[] = JSON.parse(out);
  return parsed;
}

describe('npm run livebench -- leaderboard', () => {
  it('rebuilds category means and the overall of a hand-made table', () => {
    const [a] = rows(['leaderboard', CSV, '--categories', join(FIXTURES, 'categories.json')]);
    // Reasoning (70+100+40)/3 = 70; Coding (50+70)/2 = 60; Mathematics (60+30+90)/3 = 60;
    // Data Analysis (40+50+60)/3 = 50; Language (30+20+40)/3 = 30; IF (80+70+60+50)/4 = 65
    expect(a?.categories).toEqual({ Reasoning: 70, Coding: 60, Mathematics: 60, 'Data Analysis': 50, Language: 30, IF: 65 });
    expect(a?.overall).toBeCloseTo((70 + 60 + 60 + 50 + 30 + 65) / 6, 12);
  });

  it('knows the 2024-11-25 task map without a categories file', () => {
    const [a] = rows(['leaderboard', CSV, '--model', 'model-a']);
    expect(a?.categories).toEqual({ coding: 60, data_analysis: 50, instruction_following: 65, math: 60, reasoning: 70, language: 30 });
  });

  it('skips an empty cell as the site does, and says so', () => {
    const [, b] = rows(['leaderboard', CSV]);
    expect(b?.model).toBe('model, b');
    expect(b?.categories['coding']).toBe(20);
    expect(b?.missing_tasks).toEqual(['coding_completion']);
    expect(run(['leaderboard', CSV]).out).toMatch(/model, b .*\(no score for coding_completion\)/);
  });

  it('bad input is exit 2 with the file and the fix', () => {
    expect(run(['leaderboard', join(FIXTURES, 'nope.csv')])).toMatchObject({ code: 2, err: expect.stringMatching(/nope\.csv: file not found/) });
    expect(run(['leaderboard', CSV, '--categories', join(FIXTURES, 'leaderboard.csv')])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read a JSON object/) });
    expect(run(['leaderboard', CSV, '--model', 'gpt-9'])).toMatchObject({ code: 2, err: expect.stringMatching(/no row for model gpt-9/) });
    expect(run(['board', CSV]).code).toBe(2);
  });

  it('parses quoted CSV fields', () => {
    expect(parseCsv('a,"b,""c"""\r\n1,2\n')).toEqual([['a', 'b,"c"'], ['1', '2']]);
  });
});
