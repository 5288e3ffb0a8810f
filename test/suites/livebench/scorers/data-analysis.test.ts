import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { NotABoxError } from '../../../../suites/livebench/scorers/boxed.ts';
import {
  ctaScorer,
  numpyRound2,
  parseJoinMapping,
  scoreCta,
  scoreTablejoin,
  tablejoinScorer,
} from '../../../../suites/livebench/scorers/data-analysis.ts';

const resources = { signal: new AbortController().signal };

function fixture(task: string): LiveBenchQuestion {
  const url = new URL('../../../fixtures/livebench/data_analysis/question.jsonl', import.meta.url);
  for (const line of readFileSync(url, 'utf8').trim().split('\n')) {
    const row: unknown = JSON.parse(line);
    if (typeof row !== 'object' || row === null) continue;
    const fields = new Map(Object.entries(row));
    const text = (key: string): string => {
      const value: unknown = fields.get(key);
      if (typeof value !== 'string') throw new Error(`fixture lacks ${key}`);
      return value;
    };
    const turns: unknown = fields.get('turns');
    if (text('task') !== task || !Array.isArray(turns)) continue;
    return {
      question_id: text('question_id'), category: text('category'), task, subtask: null,
      turns: turns.filter((t): t is string => typeof t === 'string'),
      livebench_release_date: text('livebench_release_date'), livebench_removal_date: text('livebench_removal_date'),
      ground_truth: text('ground_truth'), raw: {},
    };
  }
  throw new Error(`no fixture for ${task}`);
}

describe('cta', () => {
  it('compares lowercased text with every non-word character removed', () => {
    expect(scoreCta('date_of_sale', ' Date_Of_Sale.\n').score).toBe(1);
    expect(scoreCta('date_of_sale', 'date of sale').score).toBe(0);
  });
  it('accepts an answer that ends with the class name (suffix match)', () => {
    expect(scoreCta('id', 'The class is: ID').score).toBe(1);
    expect(scoreCta('id', 'paid').score).toBe(1);
    expect(scoreCta('id', 'identifier').score).toBe(0);
  });
  it('keeps Unicode letters and digits (Python \\w), drops combining marks', () => {
    expect(scoreCta('année', 'Année').score).toBe(1);
    expect(scoreCta('cafe', 'cafe\u0301').score).toBe(1);
  });
  it('reads the last box with \\text{ and backslashes removed', () => {
    expect(scoreCta('date_of_sale', 'I think \\boxed{\\text{date\\_of\\_sale}}').score).toBe(1);
  });
  it('raises where upstream hands remove_boxed a missing box', () => {
    expect(() => scoreCta('id', 'so \\boxed{id')).toThrow(TypeError);
    expect(() => scoreCta('id', 'so \\boxedx{id} \\boxed{')).toThrow();
  });
  it('an empty class name matches only an answer with no word characters (s[-0:] is the whole string)', () => {
    expect(scoreCta('', '...').score).toBe(1);
    expect(scoreCta('', 'x').score).toBe(0);
  });
});

describe('numpyRound2', () => {
  it('rounds the scaled value half to even, as np.round(x, 2) does', () => {
    expect(numpyRound2(2 / 16)).toBe(0.12);
    expect(numpyRound2(14 / 16)).toBe(0.88);
    expect(numpyRound2(10 / 16)).toBe(0.62);
    expect(numpyRound2(6 / 16)).toBe(0.38);
    expect(numpyRound2(2 / 7)).toBe(0.29);
    expect(numpyRound2(1 / 6)).toBe(0.17);
  });
  it('rounds 0.285 down, because 0.285 * 100 is 28.499999999999996', () => {
    expect(numpyRound2(0.285)).toBe(0.28);
  });
});

describe('tablejoin', () => {
  const gt = '{"a": "x", "b": "y", "c": "z", "d": "w"}';
  it('scores F1 of the mapping, rounded to two decimals', () => {
    expect(scoreTablejoin(gt, "{'a': 'x', 'b': 'y', 'c': 'z', 'd': 'w'}").score).toBe(1);
    expect(scoreTablejoin(gt, "{'a': 'x'}").score).toBe(0.4);
    // 1 right, 1 wrong (an fp and an fn), 4 unknown keys (fp), 2 keys missing (fn): 2 / (2 + 5 + 3)
    expect(scoreTablejoin(gt, "{'a': 'x', 'b': 'q', 'e': 'r', 'f': 's', 'g': 't', 'h': 'u'}")).toMatchObject({ score: 0.2, details: { tp: 1, fp: 5, fn: 3 } });
  });
  it('reads a ```python fence, then any fence, across newlines', () => {
    expect(scoreTablejoin(gt, "Here:\n```python\n{'a': 'x',\n 'b': 'y', 'c': 'z', 'd': 'w'}\n```").score).toBe(1);
    expect(scoreTablejoin(gt, "```\n{'a': 'x', 'b': 'y', 'c': 'z', 'd': 'w'}\n```").score).toBe(1);
  });
  it('reads a box, turning \\text{"..."} into quoted strings and dropping backslashes', () => {
    expect(scoreTablejoin(gt, "\\boxed{\\{\\text{'a'}: \\text{'x'}, 'b': 'y', 'c': 'z', 'd': 'w'\\}}").score).toBe(1);
  });
  it('replaces null with None, also inside strings, and drops None values', () => {
    expect(parseJoinMapping('{"a": "x", "b": null}').map(([k]) => k)).toEqual([{ type: 'str', value: 'a' }]);
    expect(scoreTablejoin('{"nullable": "x"}', '{"nullable": "x"}').score).toBe(1);
    expect(scoreTablejoin('{"nullable": "x"}', 'So {"nullable": "x"}').score).toBe(0);
  });
  it('an answer that is no dict scores 0.0', () => {
    expect(scoreTablejoin(gt, "[('a', 'x')]").score).toBe(0);
    expect(scoreTablejoin(gt, "{'a': 'x'}, {'b': 'y'}").score).toBe(0);
    expect(scoreTablejoin(gt, 'the mapping is a to x').extracted).toBeNull();
  });
  it('an empty-string prediction counts as wrong (fp and fn) and again as missing (fn)', () => {
    expect(scoreTablejoin(gt, "{'a': 'x', 'b': '', 'c': 'z', 'd': 'w'}")).toMatchObject({ score: 0.67, details: { tp: 3, fp: 1, fn: 2 } });
  });
  it('duplicate keys collapse before counting (the last value wins)', () => {
    expect(scoreTablejoin(gt, "{'a': 'q', 'a': 'x', 'b': 'y', 'c': 'z', 'd': 'w'}").score).toBe(1);
  });
  it('propagates remove_boxed failures as upstream does', () => {
    expect(() => scoreTablejoin(gt, 'mapping \\boxedx{1}')).toThrow(NotABoxError);
  });
});

describe('task scorers over native question rows', () => {
  it('cta and tablejoin read the row ground truth', async () => {
    expect((await ctaScorer(fixture('cta'), 'date_of_sale', resources)).score).toBe(1);
    expect((await tablejoinScorer(fixture('tablejoin'), "{'zip': 'eaRWRFfT5Wg'}", resources)).score).toBe(0.67);
  });
});
