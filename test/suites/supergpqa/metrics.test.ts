import { describe, expect, it } from 'vitest';
import type { ScoredSample } from '../../../harness/suite.ts';
import { superGpqaMetrics } from '../../../suites/supergpqa/metrics.ts';

function sample(item_id: string, sample_index: number, verdict: string, groups: Record<string, string>): ScoredSample {
  return { item_id, sample_index, score: { value: verdict === 'correct' ? 1 : 0, verdict, extracted: null, groups } };
}

const G = (discipline: string, field: string, subfield: string, difficulty = 'easy') => ({ difficulty, discipline, field, subfield });

describe('superGpqaMetrics', () => {
  it('keys fields by discipline/field, as eval.py does', () => {
    const metrics = superGpqaMetrics([
      sample('a', 0, 'correct', G('Science', 'General', 'X')),
      sample('b', 0, 'incorrect', G('Law', 'General', 'X')),
      sample('c', 0, 'miss', G('Law', 'General', 'X')),
    ]);
    const byId = (id: string) => metrics.find((m) => m.evaluation_name === 'supergpqa' && m.metric_id === id);
    // Science/General 1, Law/General 0 -> 50 (keying by field name alone would give 1/3)
    expect(byId('accuracy_macro_field')?.value).toBeCloseTo(50, 10);
    expect(byId('accuracy_macro_field')?.details).toEqual({ categories: 2 });
    expect(byId('accuracy_macro_subfield')?.value).toBeCloseTo(50, 10);
    expect(byId('miss_rate')?.value).toBeCloseTo(100 / 3, 10);
  });

  it('clusters the SE by question when there are several samples per question', () => {
    const g = G('Science', 'Physics', 'Optics', 'hard');
    const metrics = superGpqaMetrics([
      sample('a', 0, 'correct', g),
      sample('a', 1, 'correct', g),
      sample('b', 0, 'correct', g),
      sample('b', 1, 'incorrect', g),
    ]);
    const headline = metrics.find((m) => m.headline);
    expect(headline?.value).toBeCloseTo(75, 10);
    // item means 1 and 0.5: sd sqrt(0.125), / sqrt(2) = 0.25
    expect(headline?.uncertainty?.standard_error).toEqual({ value: 25, method: 'clustered_by_item' });
    expect(metrics.map((m) => m.evaluation_name)).toEqual([
      'supergpqa',
      'supergpqa/difficulty=hard',
      'supergpqa/discipline=Science',
      'supergpqa',
      'supergpqa',
      'supergpqa',
      'supergpqa',
    ]);
  });
});
