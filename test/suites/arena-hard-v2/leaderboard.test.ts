import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLeaderboard, readJudgments } from '../../../suites/arena-hard-v2/leaderboard.ts';
import { formatLeaderboard, formatTable, pyFloatStr, pyRound1 } from '../../../suites/arena-hard-v2/leaderboard-format.ts';
import { featureColumns } from '../../../suites/arena-hard-v2/style-control.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/arena-hard-v2');
const JUDGMENTS = join(FIXTURES, 'model_judgment');

describe('Python-compatible rounding', () => {
  it('rounds exact binary ties to even and others by their true value', () => {
    expect(pyRound1(0.25)).toBe(0.2); // toFixed(1) gives 0.3
    expect(pyRound1(0.75)).toBe(0.8);
    expect(pyRound1(2.25)).toBe(2.2);
    expect(pyRound1(0.35)).toBe(0.3); // 0.35 is stored below .35
    expect(pyRound1(85.94999)).toBe(85.9);
    expect(pyRound1(-0.04)).toBe(-0);
  });

  it('prints floats as Python str() does', () => {
    expect(pyFloatStr(50)).toBe('50.0');
    expect(pyFloatStr(1.5)).toBe('1.5');
    expect(pyFloatStr(-0)).toBe('-0.0');
  });
});

describe('table format', () => {
  it('matches the layout of the published leaderboard', () => {
    const table = formatTable([
      { model: 'o3-2025-04-16', score: 85.9, ci: '(-0.8 / +0.9)' },
      { model: 'claude-3-7-sonnet-20250219-thinking-16k', score: 59.8, ci: '(-2.0 / +1.8)' },
      { model: 'o3-mini-2025-01-31', score: 50, ci: '(-0.0 / +0.0)' },
    ]);
    expect(table.split('\n')).toEqual([
      '                                     Model  Scores (%)         CI (%)',
      '0                            o3-2025-04-16        85.9  (-0.8 / +0.9)',
      '1  claude-3-7-sonnet-20250219-thinking-16k        59.8  (-2.0 / +1.8)',
      '2                       o3-mini-2025-01-31        50.0  (-0.0 / +0.0)',
    ]);
  });
});

describe('leaderboard from judgment files', () => {
  it('reads every judge file and keeps null games for dropping', async () => {
    const records = await readJudgments(JUDGMENTS, ['gpt-4.1']);
    expect(records).toHaveLength(5);
  });

  it('computes win rates per model, drops null records, cuts model paths and adds the baseline', async () => {
    const board = await computeLeaderboard(JUDGMENTS, {
      judges: ['gpt-4.1'],
      category: 'hard_prompt',
      features: null,
      answersDir: join(FIXTURES, 'model_answer'),
      fit: 'converge',
      rounds: 200,
      seed: 1,
    });
    expect(board.dropped).toBe(1);
    expect(Object.keys(board.summaries).sort()).toEqual(['model-a', 'model-b', 'o3-mini-2025-01-31']);
    // model-a rows: [1] + [1,1,1] and [1] + [0.5]: exact mean 5.5 / 6; model-b: [0] + [0] -> 0
    expect(board.summaries['model-a']?.score).toBeCloseTo(5.5 / 6, 1);
    expect(board.summaries['model-b']).toEqual({ score: 0, lower: 0, upper: 0, rounds: 200 });
    const text = formatLeaderboard('hard_prompt', board.summaries);
    expect(text.split('\n')[0]).toBe('##### Category: hard_prompt #####');
    expect(text.split('\n')[2]).toMatch(/^0 +model-a +9\d\.\d/);
    expect(text.split('\n')[3]).toBe('1  o3-mini-2025-01-31        50.0   (-0.0 / +0.0)');
    expect(text.split('\n')[4]).toBe('2             model-b         0.0   (-0.0 / +0.0)');
  });

  it('asks for the answer files when style metadata is missing', async () => {
    await expect(
      computeLeaderboard(JUDGMENTS, {
        judges: ['gpt-4.1'],
        category: 'hard_prompt',
        features: featureColumns(['markdown', 'length']),
        answersDir: JUDGMENTS,
        fit: 'converge',
        rounds: 5,
        seed: 1,
      }),
    ).rejects.toThrow(/no answer metadata for model-a on uid a1b2c3d4e5f60718/);
  });

  it.each(['converge', 'upstream'] as const)('fits all models jointly with style control (fit: %s)', async (fit) => {
    const board = await computeLeaderboard(JUDGMENTS, {
      judges: ['gpt-4.1'],
      category: 'hard_prompt',
      features: featureColumns(['markdown', 'length']),
      answersDir: join(FIXTURES, 'model_answer'),
      fit,
      rounds: 20,
      seed: 1,
    });
    expect(Object.keys(board.summaries).sort()).toEqual(['model-a', 'model-b', 'o3-mini-2025-01-31']);
    expect(board.summaries['o3-mini-2025-01-31']?.score).toBe(0.5);
    // separable toy data: only the order is meaningful (model-a wins every game, model-b loses every game)
    expect(board.summaries['model-a']?.score).toBeGreaterThan(board.summaries['model-b']?.score ?? 1);
    expect(board.summaries['model-a']?.score).toBeGreaterThan(0.5);
    expect(Object.keys(board.coefficients ?? {})).toEqual(['length', 'header', 'list', 'bold']);
    for (const v of Object.values(board.coefficients ?? {})) expect(Number.isFinite(v)).toBe(true);
  });

  it('selects control features as show_result.py does', () => {
    expect(featureColumns(['markdown', 'length'])).toEqual(['length', 'header', 'list', 'bold']);
    expect(featureColumns(['length'])).toEqual(['length']);
    expect(featureColumns(['markdown'])).toEqual(['header', 'list', 'bold']);
    expect(() => featureColumns(['colour'])).toThrow(/invalid control features/);
  });
});
