// LiveBench aggregation: task = mean x100, category = unweighted mean of task means, overall = unweighted
// mean of the six category means (never over questions); standard errors propagated through the strata.
import { describe, expect, it } from 'vitest';
import { combineTasks, meanOfStrata, taskEstimate, type TaskResult } from '../../../suites/livebench/aggregate.ts';
import { CATEGORIES } from '../../../suites/livebench/categories.ts';

function task(name: string, category: string, value: number, se: number | null, questions = 50): TaskResult {
  return { task: name, category, value, se, questions };
}

describe('LiveBench aggregation', () => {
  it('a task is the mean score x100 with the standard error of that mean', () => {
    const e = taskEstimate([1, 0, 1, 0.5]);
    expect(e.value).toBeCloseTo(62.5, 12);
    // sample variance of [1, 0, 1, .5] = (0.140625 + 0.390625 + 0.140625 + 0.015625) / 3 = 0.2291666...
    expect(e.se).toBeCloseTo(Math.sqrt(0.6875 / 3 / 4) * 100, 12);
    expect(taskEstimate([1]).se).toBeNull();
  });

  it('a category is the unweighted mean of its task means, whatever their question counts', () => {
    // math: AMPS_Hard 100 questions, math_comp 96, olympiad 36: still (a + b + c) / 3
    const result = combineTasks([task('AMPS_Hard', 'math', 60, 4, 100), task('math_comp', 'math', 30, 3, 96), task('olympiad', 'math', 90, 5, 36)]);
    expect(result.categories).toHaveLength(1);
    expect(result.categories[0]?.value).toBeCloseTo(60, 12);
    expect(result.categories[0]?.se).toBeCloseTo(Math.sqrt(16 + 9 + 25) / 3, 12);
    expect(result.overall).toBeNull();
    expect(result.missing).toEqual(['coding', 'data_analysis', 'instruction_following', 'reasoning', 'language']);
  });

  it('the overall number exists only with all six categories, as the mean of the category means', () => {
    const tasks = CATEGORIES.flatMap((c, i) => [task(`${c}-a`, c, 10 * (i + 1), 2), task(`${c}-b`, c, 10 * (i + 1) + 4, 2)]);
    const result = combineTasks(tasks);
    // category means 12, 22, ..., 62: overall 37
    expect(result.overall?.value).toBeCloseTo(37, 12);
    const categorySe = Math.sqrt(4 + 4) / 2;
    expect(result.overall?.se).toBeCloseTo(Math.sqrt(6 * categorySe ** 2) / 6, 12);
    expect(combineTasks(tasks.filter((t) => t.category !== 'coding')).overall).toBeNull();
  });

  it('a stratum without a standard error leaves the combined one unknown, not zero', () => {
    expect(meanOfStrata([{ value: 10, se: 1 }, { value: 20, se: null }])).toEqual({ value: 15, se: null });
  });
});
