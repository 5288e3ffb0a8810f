import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../../../harness/paths.ts';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { questionFromRow } from '../../../../suites/livebench/rows.ts';
import { choiceText, scoreMathComp, scoreOlympiad } from '../../../../suites/livebench/scorers/math.ts';
import { ReferenceScorerError } from '../../../../suites/livebench/scorers/language.ts';
import type { TaskScore } from '../../../../suites/livebench/scorers/types.ts';

const FIXTURE = projectPath('test', 'fixtures', 'livebench', 'math', 'question.jsonl');
const questions = new Map(
  readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => questionFromRow(JSON.parse(line), `${FIXTURE}:${i + 1}`))
    .map((q) => [q.question_id, q]),
);

function question(id: string, change: Partial<LiveBenchQuestion> = {}): LiveBenchQuestion {
  const found = questions.get(id);
  if (!found) throw new Error(`no fixture question ${id}`);
  return { ...found, ...change };
}

const resources = { signal: new AbortController().signal };

async function comp(id: string, answer: string, change: Partial<LiveBenchQuestion> = {}): Promise<TaskScore> {
  return scoreMathComp(question(id, change), answer, resources);
}

async function olympiad(answer: string, groundTruth = '3,1,4,2'): Promise<TaskScore> {
  return scoreOlympiad(question('usamo-fixture-1', { ground_truth: groundTruth }), answer, resources);
}

describe('math_comp: AMC and SMC (mathcontest_process_results)', () => {
  it('scores the letter written four or more times anywhere, case-sensitively', async () => {
    expect((await comp('amc-fixture-1', 'CCCCC')).score).toBe(1);
    expect((await comp('amc-fixture-1', 'I first thought CCCC, then changed my mind: AAAAA')).score).toBe(1);
    expect((await comp('amc-fixture-1', 'ccccc')).score).toBe(0);
    expect((await comp('amc-fixture-1', 'CCC')).score).toBe(0);
  });

  it('accepts a boxed letter, with \\text{} and case removed', async () => {
    expect((await comp('amc-fixture-1', 'so $\\boxed{\\text{c}}$')).score).toBe(1);
    expect((await comp('amc-fixture-1', 'so \\fbox{C}')).score).toBe(1);
    expect((await comp('amc-fixture-1', 'so $\\boxed{\\textbf{(C)}}$')).score).toBe(0);
  });

  it('accepts the text of the right choice within the last 20 + len characters', async () => {
    expect((await comp('amc-fixture-1', 'They meet after 27')).score).toBe(1);
    expect((await comp('amc-fixture-1', `They meet after 27 miles${' '.repeat(20)}.`)).score).toBe(0);
  });

  it('falls back to "FAILURE" when the choice text is empty', async () => {
    expect(choiceText(question('smc-fixture-1').turns[0] ?? '', 'E')).toBe('FAILURE');
    expect((await comp('smc-fixture-1', 'this is a FAILURE')).score).toBe(1);
    expect(choiceText(question('smc-fixture-1').turns[0] ?? '', 'C')).toBe('17');
  });

  it('dispatches on the subtask as play_a_match_gt does', async () => {
    expect((await comp('amc-fixture-1', 'CCCCC', { subtask: 'amc_12b_2023' })).score).toBe(1);
    expect((await comp('aime-fixture-1', 'so 025')).score).toBe(1);
    await expect(comp('amc-fixture-1', 'CCCCC', { subtask: 'hmmt_2024' })).rejects.toThrow('has no scorer');
  });

  it('refuses a ground truth that is not one letter A-E, as LiveBench does', async () => {
    await expect(comp('amc-fixture-1', 'FFFFF', { ground_truth: 'F' })).rejects.toThrow('one letter A-E');
  });

  it('raises where remove_boxed would assert (the session records a scoring error)', async () => {
    await expect(comp('amc-fixture-1', 'so \\boxedC {D}')).rejects.toThrow(/AssertionError/);
  });
});

describe('math_comp: AIME (aime_process_results)', () => {
  it('needs the three digits within the last 50 characters', async () => {
    expect((await comp('aime-fixture-1', 'The answer is 025.')).score).toBe(1);
    expect((await comp('aime-fixture-1', `The answer is 025.${'x'.repeat(48)}`)).score).toBe(0);
    expect((await comp('aime-fixture-1', 'The answer is 25.')).score).toBe(0);
  });

  it('counts the digits anywhere in that window, even inside another number', async () => {
    expect((await comp('aime-fixture-1', 'The answer is 1025.')).score).toBe(1);
  });

  it('counts characters as Python does (code points, not UTF-16 units)', async () => {
    expect((await comp('aime-fixture-1', `025${'😀'.repeat(47)}`)).score).toBe(1);
  });
});

describe('olympiad (proof_rearrangement_process_results, edit distance)', () => {
  it('reads the last "Answer:" line and scores the exact order 1', async () => {
    const scored = await olympiad('Reasoning.\nAnswer: 1, 2\nMore reasoning.\n**Answer:** 3, 1, 4, 2.');
    expect(scored.score).toBe(1);
    expect(scored.details?.['path']).toBe('answer-line');
  });

  it('gives partial credit 1 - distance / longer length', async () => {
    expect((await olympiad('Answer: 3, 1, 2, 4')).score).toBe(0.5);
    expect((await olympiad('Answer: 3, 1, 4')).score).toBe(0.75);
    expect((await olympiad('Answer: 3, 1, 4, 2, 5')).score).toBe(0.8);
  });

  it('takes the line after an empty "Answer:" and the last word of each item', async () => {
    expect((await olympiad('Answer:\n$\\boxed{3}$, expression 1, <4>, 2')).score).toBe(1);
  });

  it('removes the characters one after another, so "b\\oxed" loses its backslash and then "boxed"', async () => {
    expect((await olympiad('Answer: 3b\\oxed, 1, 4, 2')).score).toBe(1);
  });

  it('marks unreadable items NO ANSWER, and falls through when all are', async () => {
    expect((await olympiad('Answer: 3, one, 4, 2')).score).toBe(0.75);
    const boxed = await olympiad('Answer: none\nso $\\boxed{3, 1, 4, 2}$');
    expect(boxed.details?.['path']).toBe('boxed');
    expect(boxed.score).toBe(1);
  });

  it('uses the last line when there is neither "Answer:" nor a box', async () => {
    const scored = await olympiad('The order is\n(3), (1), 4, 2.');
    expect(scored.details?.['path']).toBe('last-line');
    expect(scored.score).toBe(1);
  });

  it('reads the text after the last "answer:" when the last line has no digits, stopping after a cleaned item', async () => {
    const scored = await olympiad('answer: none\nfirst 3, 1, 4 then 2\nno digits here');
    expect(scored.details?.['path']).toBe('after-answer');
    expect(scored.details?.['completions']).toEqual([3, 1, 4]);
  });

  it('raises where int() fails on a digit that is not decimal, as LiveBench does', async () => {
    await expect(olympiad('the order is ²')).rejects.toThrow(ReferenceScorerError);
    await expect(olympiad('the order is ²')).rejects.toThrow(/ValueError/);
  });

  it('raises where remove_boxed would assert on the last box', async () => {
    await expect(olympiad('so \\boxedx {3, 1, 4, 2}')).rejects.toThrow(/AssertionError/);
  });

  it('accepts Unicode decimal digits as int() does', async () => {
    expect((await olympiad('Answer: ٣, ١, ٤, ٢')).score).toBe(1);
  });
});
