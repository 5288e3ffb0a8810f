// The suite's metrics from scored samples: a category number only when all its tasks were scored.
import { describe, expect, it } from 'vitest';
import type { ScoredSample } from '../../../harness/suite.ts';
import { liveBenchMetrics, liveBenchNotes } from '../../../suites/livebench/metrics.ts';

function sample(category: string, task: string, item: string, value: number, index = 0): ScoredSample {
  return { item_id: item, sample_index: index, score: { value, verdict: 'x', extracted: null, groups: { category, task, subtask: task } } };
}

const MATH = ['AMPS_Hard', 'math_comp', 'olympiad'];

describe('livebench metrics', () => {
  it('averages several samples of a question first: the question is the unit', () => {
    const samples = [sample('math', 'olympiad', 'q1', 1, 0), sample('math', 'olympiad', 'q1', 0, 1), sample('math', 'olympiad', 'q2', 1, 0), sample('math', 'olympiad', 'q2', 1, 1)];
    const task = liveBenchMetrics(samples, ['olympiad']).find((m) => m.evaluation_name === 'livebench/task=olympiad');
    expect(task?.value).toBeCloseTo(75, 12);
    // question means 0.5 and 1: SE = sd / sqrt(2) = 0.3536 / 1.4142 = 0.25
    expect(task?.uncertainty?.standard_error?.value).toBeCloseTo(25, 10);
    expect(task?.details).toMatchObject({ questions: 2 });
  });

  it('a category whose task got no scored sample has no number, and the notes say why', () => {
    const samples = [sample('math', 'math_comp', 'a', 1), sample('math', 'olympiad', 'b', 0.5)];
    const metrics = liveBenchMetrics(samples, MATH);
    expect(metrics.map((m) => m.evaluation_name)).toEqual(['livebench/task=math_comp', 'livebench/task=olympiad']);
    const notes = liveBenchNotes(samples, MATH);
    expect(notes[0]).toBe('no math number: AMPS_Hard got no scored sample (see the errors), and a category is the mean of all its tasks.');
    expect(notes[1]).toMatch(/no overall LiveBench number: .* coding, data_analysis, instruction_following, math, reasoning, language were not scored/);
  });

  it('a run of chosen tasks gives their category the mean over those tasks', () => {
    const samples = [sample('math', 'math_comp', 'a', 1), sample('math', 'olympiad', 'b', 0.5)];
    const category = liveBenchMetrics(samples, ['math_comp', 'olympiad']).find((m) => m.evaluation_name === 'livebench/category=math');
    expect(category?.value).toBeCloseTo(75, 12);
    expect(category?.details).toEqual({ tasks: ['math_comp', 'olympiad'] });
  });
});
