import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { NotABoxError } from '../../../../suites/livebench/scorers/boxed.ts';
import {
  scoreSpatial,
  scoreWebOfLies,
  scoreZebraPuzzle,
  scoreZebraPuzzleOld,
  spatialScorer,
  webOfLiesScorer,
  zebraPuzzleScorer,
} from '../../../../suites/livebench/scorers/reasoning.ts';

const resources = { signal: new AbortController().signal };

function fixtureQuestions(): LiveBenchQuestion[] {
  const url = new URL('../../../fixtures/livebench/reasoning/question.jsonl', import.meta.url);
  return readFileSync(url, 'utf8').trim().split('\n').map((line) => {
    const row: unknown = JSON.parse(line);
    if (typeof row !== 'object' || row === null) throw new Error('fixture row is not an object');
    const get = (key: string): string => {
      const value: unknown = Object.entries(row).find(([k]) => k === key)?.[1];
      if (typeof value !== 'string') throw new Error(`fixture row lacks ${key}`);
      return value;
    };
    return {
      question_id: get('question_id'), category: get('category'), task: get('task'), subtask: null,
      turns: [],
      livebench_release_date: get('livebench_release_date'), livebench_removal_date: get('livebench_removal_date'),
      ground_truth: get('ground_truth'), raw: {},
    };
  });
}

describe('web_of_lies_v2', () => {
  const gt = 'no, yes, yes';
  it('takes the last three yes/no words across all bold spans', () => {
    expect(scoreWebOfLies(gt, 'First **yes** then **no, yes, yes**').score).toBe(1);
    expect(scoreWebOfLies(gt, '**No.** **Yes,** **YES**').score).toBe(1);
    expect(scoreWebOfLies(gt, '**no, yes, yes** but finally **yes**').score).toBe(0);
  });
  it('does not let a bold span cross a newline (no DOTALL)', () => {
    const result = scoreWebOfLies(gt, '**no, yes,\nyes**');
    expect(result.extracted).toBeNull();
    expect(result.score).toBe(0);
  });
  it('lets "\\r" sit inside a bold span, as Python\'s `.` does', () => {
    expect(scoreWebOfLies(gt, '**no, yes,\ryes**').score).toBe(1);
  });
  it('falls back to the last box, turning \\textbf{ into a box, and does not lowercase it', () => {
    expect(scoreWebOfLies(gt, 'answer: \\boxed{no, yes, yes}').score).toBe(1);
    expect(scoreWebOfLies(gt, 'answer: \\textbf{no, yes, yes}').score).toBe(1);
    expect(scoreWebOfLies(gt, 'answer: \\boxed{No, Yes, Yes}').score).toBe(0);
  });
  it('a bold span without yes/no words sends it to the box', () => {
    expect(scoreWebOfLies(gt, '**Answer:** \\boxed{no, yes, yes}').score).toBe(1);
  });
  it('an empty box is a parsed empty answer: no plain-text fallback, score 0', () => {
    expect(scoreWebOfLies(gt, 'no, yes, yes \\boxed{}').score).toBe(0);
  });
  it('throws where upstream remove_boxed asserts', () => {
    expect(() => scoreWebOfLies(gt, 'no, yes, yes \\boxedx{1}')).toThrow(NotABoxError);
  });
  it('plain text: the triple found latest in the text wins', () => {
    expect(scoreWebOfLies(gt, 'Maybe yes, yes, yes. Final: no, yes, yes').score).toBe(1);
    expect(scoreWebOfLies(gt, 'Final: no, yes, yes. Not yes, no, no').score).toBe(0);
  });
  it('plain text: find() gives the first occurrence of each triple, so an early copy of the right triple loses', () => {
    // "no, yes, yes" first appears at 0; "yes, no, no" first appears later, so it wins although the text ends with the truth
    expect(scoreWebOfLies(gt, 'no, yes, yes or yes, no, no? I say no, yes, yes').score).toBe(0);
  });
  it('accepts a parsed answer of three yes/no that contains the ground truth as a substring', () => {
    expect(scoreWebOfLies('yes, no, no', '\\boxed{yes, no, no.}').score).toBe(1);
    // counts are substring counts: "know" holds a "no"
    expect(scoreWebOfLies('yes, no', '\\boxed{yes, no, know}').score).toBe(1);
    // two yes/no words in bold are a parsed answer, so the box is never read
    expect(scoreWebOfLies('yes, no, no', '**yes, no, nonsense** \\boxed{yes, no, no}').score).toBe(0);
    expect(scoreWebOfLies('yes, yes', '\\boxed{no, yes, yes}').score).toBe(1);
  });
  it('lowercases the ground truth', () => {
    expect(scoreWebOfLies('No, Yes, Yes', '**no, yes, yes**').score).toBe(1);
  });
  it('splits bold text on Python whitespace, which includes \\x1c and \\x85', () => {
    expect(scoreWebOfLies(gt, '**no,\x1cyes,\x85yes**').score).toBe(1);
  });
});

describe('zebra_puzzle (2024-11-25 evaluator)', () => {
  const gt = '1, filmmaking, police-officer, journalist';
  it('full marks for the exact solution, half credit plus fraction otherwise', () => {
    expect(scoreZebraPuzzle(gt, '<solution>1, filmmaking, police-officer, journalist</solution>').score).toBe(1);
    expect(scoreZebraPuzzle(gt, '<solution>1, filmmaking, police-officer, doctor</solution>').score).toBe(0.375);
    expect(scoreZebraPuzzle(gt, '<solution>2</solution>').score).toBe(0);
  });
  it('treats - as space, strips "position", and accepts the truth as a substring', () => {
    expect(scoreZebraPuzzle(gt, '<solution>position 1, Filmmaking!, police officer, the journalist</solution>').score).toBe(1);
  });
  it('does not match a solution spanning lines, then uses the last line', () => {
    expect(scoreZebraPuzzle(gt, '<solution>1, filmmaking,\npolice-officer, journalist</solution>').score).toBe(0);
    expect(scoreZebraPuzzle(gt, '<solution>\n1, filmmaking, police-officer, journalist\n</solution>').score).toBe(0);
    expect(scoreZebraPuzzle(gt, 'reasoning\n1, filmmaking, police-officer, journalist').score).toBe(1);
  });
  it('joins several solutions and keeps the last len(gt) parts', () => {
    expect(scoreZebraPuzzle(gt, '<solution>9, x</solution> <solution>1, filmmaking</solution><solution>police-officer, journalist</solution>').score).toBe(1);
  });
  it('reads </solution>...</solution> when no opening tag pairs', () => {
    expect(scoreZebraPuzzle(gt, '</solution>1, filmmaking, police-officer, journalist</solution>').score).toBe(1);
  });
  it('reads a box with \\text{} removed', () => {
    expect(scoreZebraPuzzle(gt, '\\boxed{1, \\text{filmmaking}, \\text{police-officer}, \\text{journalist}}').score).toBe(1);
  });
  it('needs exactly len(gt)-1 commas on the last line', () => {
    expect(scoreZebraPuzzle(gt, '1, filmmaking, police-officer, journalist, extra').score).toBe(0);
  });
  it('an empty ground-truth part matches anything (substring of everything)', () => {
    expect(scoreZebraPuzzle('a,,b', '<solution>a, zzz, b</solution>').score).toBe(1);
  });
});

describe('zebra_puzzle (evaluator before 2024-11-25)', () => {
  it('uses the last ***word***, digits spelled out, and "<word> movies"', () => {
    expect(scoreZebraPuzzleOld('chess', '***hiking*** then ***Chess***').score).toBe(1);
    expect(scoreZebraPuzzleOld('three', '***3***').score).toBe(1);
    expect(scoreZebraPuzzleOld('horror movies', '***horror***').score).toBe(1);
  });
  it('without bold, uses the last Unicode word', () => {
    expect(scoreZebraPuzzleOld('café', 'The answer is café.').score).toBe(1);
    expect(scoreZebraPuzzleOld('chess', 'The answer is chess, I think').score).toBe(0);
  });
});

describe('spatial', () => {
  it('an exact reply scores without any bold', () => {
    expect(scoreSpatial('3', '3').score).toBe(1);
  });
  it('checks only the last three bold strings, number words included', () => {
    expect(scoreSpatial('3', '**three** **a** **b**').score).toBe(1);
    expect(scoreSpatial('3', '**3** **a** **b** **c**').score).toBe(0);
  });
  it('bold spans may cross lines ([^*] matches newline)', () => {
    expect(scoreSpatial('3', 'so **\n3\n**').score).toBe(1);
  });
  it('accepts short phrases holding a shape name, rejects long ones (code-point length)', () => {
    expect(scoreSpatial('triangle', '**equilateral triangle**').score).toBe(1);
    expect(scoreSpatial('triangle', '**circle square triangle**').score).toBe(0);
    expect(scoreSpatial('square', '**ééééééé square**').score).toBe(1);
  });
  it('does not read object keys as number words', () => {
    expect(scoreSpatial('3', '**constructor**').score).toBe(0);
  });
  it('falls back to a case-sensitive box with \\textbf/\\mathbf removed', () => {
    expect(scoreSpatial('3', '\\boxed{\\textbf{3}}').score).toBe(1);
    expect(scoreSpatial('triangle', '\\boxed{Triangle}').score).toBe(0);
    expect(scoreSpatial('3', '**wrong** \\boxed{\\mathbf{3}}').score).toBe(1);
  });
});

describe('task scorers over native question rows', () => {
  const questions = fixtureQuestions();
  const byTask = (task: string, date: string): LiveBenchQuestion => {
    const q = questions.find((x) => x.task === task && x.livebench_release_date === date);
    if (q === undefined) throw new Error(`no fixture for ${task} ${date}`);
    return q;
  };
  it('dispatches zebra_puzzle on livebench_release_date', async () => {
    const current = byTask('zebra_puzzle', '2024-11-25');
    const old = byTask('zebra_puzzle', '2024-06-24');
    expect((await zebraPuzzleScorer(current, '<solution>2, chess, nurse</solution>', resources)).score).toBe(1);
    expect((await zebraPuzzleScorer(old, 'So it is ***chess***', resources)).score).toBe(1);
    expect((await zebraPuzzleScorer(old, '<solution>chess</solution>', resources)).score).toBe(0);
  });
  it('scores web_of_lies_v2 and spatial rows', async () => {
    expect((await webOfLiesScorer(byTask('web_of_lies_v2', '2024-06-24'), '**yes, no, no**', resources)).score).toBe(1);
    expect((await spatialScorer(byTask('spatial', '2024-07-26'), '**square**', resources)).score).toBe(0);
  });
  it('a row without ground truth is an error naming the question', () => {
    const q = { ...byTask('spatial', '2024-07-26'), ground_truth: null };
    expect(() => spatialScorer(q, '**3**', resources)).toThrow(/9f8e7d6c.*no ground_truth/);
  });
});
