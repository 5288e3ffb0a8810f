import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { levenshtein, ReferenceScorerError, scoreConnections, scorePlotUnscrambling, scoreTypos, textBetweenDelimiters } from '../../../../suites/livebench/scorers/language.ts';
import type { TaskScore, TaskScorer } from '../../../../suites/livebench/scorers/types.ts';
import { disagreement, readReferenceCases } from '../../../fixtures/livebench/language/reference-cases.ts';

const REFERENCE = fileURLToPath(new URL('../../../fixtures/livebench/language/reference-cases.json', import.meta.url));
const resources = { signal: new AbortController().signal };

function question(task: string, groundTruth: string | null, release = '2024-11-25'): LiveBenchQuestion {
  return {
    question_id: `q-${task}`,
    category: 'language',
    task,
    subtask: null,
    turns: ['prompt'],
    livebench_release_date: release,
    livebench_removal_date: '',
    ground_truth: groundTruth,
    raw: {},
  };
}

async function score(scorer: TaskScorer, q: LiveBenchQuestion, answer: string): Promise<TaskScore> {
  return scorer(q, answer, resources);
}

describe('language scorers against LiveBench a8f61ff', () => {
  it('give the reference scorer’s score on every case of the committed fixture', async () => {
    const cases = readReferenceCases(REFERENCE);
    expect(cases.length).toBe(240);
    const failures: string[] = [];
    for (const [i, c] of cases.entries()) {
      const d = await disagreement(c, i);
      if (d !== null) failures.push(`#${i}: ${d}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('connections, new evaluator (released 2024-11-25 or later)', () => {
  const q = question('connections', 'carp, pike, perch, sole, foot, hand, base, snow');

  it('gives credit per group, ignoring case, spaces and order within a group', async () => {
    expect((await score(scoreConnections, q, '<solution>PIKE, carp, sole , perch, snow, base, hand, foot</solution>')).score).toBe(1);
    expect((await score(scoreConnections, q, 'x <solution>carp, pike, perch, foot, sole, hand, base, snow</solution>')).score).toBe(0);
    expect((await score(scoreConnections, q, '<solution>carp, pike, perch, sole, foot, hand, snow, base</solution>')).score).toBe(1);
  });

  it('reads a solution spread over lines, then "</solution>" used as the opening tag', async () => {
    expect((await score(scoreConnections, q, '<solution>carp, pike, perch, sole,\nfoot, hand, base, snow</solution>')).score).toBe(1);
    expect((await score(scoreConnections, q, '</solution>carp, pike, perch, sole, x, y, z, w</solution>')).score).toBe(0.5);
  });

  it('pools several solution blocks and keeps the last len(ground truth) words', async () => {
    const answer = '<solution>a, b</solution> then <solution>carp, pike, perch, sole</solution><solution>foot, hand, base, snow</solution>';
    const result = await score(scoreConnections, q, answer);
    expect(result.score).toBe(1);
    expect(result.extracted).toBe('carp, pike, perch, sole,foot, hand, base, snow');
  });

  it('falls back to the last \\boxed{...} with \\text{ and braces removed', async () => {
    expect((await score(scoreConnections, q, '\\boxed{\\text{carp, pike, perch, sole, foot, hand, base, snow}}')).score).toBe(1);
  });

  it('throws, naming the Python exception, where the reference raises on a malformed box', async () => {
    await expect(score(scoreConnections, q, 'so \\boxed{carp, pike')).rejects.toThrow(ReferenceScorerError);
    await expect(score(scoreConnections, q, 'so \\boxed{carp, pike')).rejects.toThrow(/raises TypeError/);
    await expect(score(scoreConnections, q, '\\boxedx{carp}')).rejects.toThrow(/raises AssertionError/);
  });

  it('counts a repeated correct group again, as upstream does (the score can pass 1)', async () => {
    const answer = '<solution>carp, pike, perch, sole, carp, pike, perch, sole, carp, pike, perch, sole</solution>';
    expect((await score(scoreConnections, q, answer)).score).toBe(1.5);
  });

  it('merges duplicate words, so a group takes in more than four words', async () => {
    const answer = '<solution>carp, carp, pike, perch, sole, foot, hand, base, snow</solution>';
    expect((await score(scoreConnections, q, answer)).score).toBe(1);
  });

  it('ignores bold text and gives 0 without a solution', async () => {
    expect((await score(scoreConnections, q, '**carp, pike, perch, sole, foot, hand, base, snow**')).score).toBe(0);
  });
});

describe('connections, old evaluator (released before 2024-11-25)', () => {
  const q = question('connections', 'red, blue, green, gold, ace, king, queen, jack', '2024-11-24');

  it('takes the best bold span, a true group counted when an answer group contains it', async () => {
    const answer = 'First **red, ace, blue, king** then, better: **Red, Blue, Green, Gold, ace, king, jack, queen**';
    expect(await score(scoreConnections, q, answer)).toMatchObject({ score: 1, extracted: 'Red, Blue, Green, Gold, ace, king, jack, queen' });
    expect((await score(scoreConnections, q, '**red, blue, green, gold, ace, king, jack, ten**')).score).toBe(0.5);
  });

  it('ignores solution tags', async () => {
    expect((await score(scoreConnections, q, '<solution>red, blue, green, gold, ace, king, queen, jack</solution>')).score).toBe(0);
  });

  it('is chosen by livebench_release_date exactly as upstream compares the strings', async () => {
    const answer = '**red, blue, green, gold, ace, king, queen, jack**';
    expect((await score(scoreConnections, { ...q, livebench_release_date: '2024-11-25' }, answer)).score).toBe(0);
    expect((await score(scoreConnections, q, answer)).score).toBe(1);
  });
});

describe('plot_unscrambling', () => {
  const truth = 'Anna finds a map. She sails to the island. A storm wrecks her boat. She is rescued by a fisherman.';
  const q = question('plot_unscrambling', truth);

  it('scores 1 - edit distance of the order / number of sentences', async () => {
    expect((await score(scorePlotUnscrambling, q, `<PLOT_SUMMARY>${truth}</PLOT_SUMMARY>`)).score).toBe(1);
    const swapped = 'Anna finds a map. A storm wrecks her boat. She sails to the island. She is rescued by a fisherman.';
    expect((await score(scorePlotUnscrambling, q, swapped)).score).toBe(0.5);
  });

  it('reads after the first <PLOT_SUMMARY> and drops closing markers', async () => {
    const answer = 'Reasoning. She is rescued.\n<PLOT_SUMMARY>\n' + truth + '\n</PLOT_SUMMARY>\n\n**End of Plot Summary**.';
    expect((await score(scorePlotUnscrambling, q, answer)).score).toBe(1);
  });

  it('scores 0 for an empty answer and throws for a ground truth without sentences, as the reference does', async () => {
    expect((await score(scorePlotUnscrambling, q, '')).score).toBe(0);
    await expect(score(scorePlotUnscrambling, question('plot_unscrambling', ' . '), 'x')).rejects.toThrow(/raises ZeroDivisionError/);
  });

  it('computes unit-cost edit distance over integer lists', () => {
    expect(levenshtein([0, 1, 2, 3], [0, 2, 1, 3])).toBe(2);
    expect(levenshtein([0, 1, 2], [])).toBe(3);
    expect(levenshtein([], [5])).toBe(1);
  });
});

describe('typos', () => {
  const q = question('typos', 'We study small changes.');

  it('checks containment after joining non-empty lines with spaces', async () => {
    expect((await score(scoreTypos, q, 'Sure:\n\nWe study small changes.\nDone')).score).toBe(1);
    expect((await score(scoreTypos, q, 'We study small\nchanges.')).score).toBe(1);
    expect((await score(scoreTypos, q, 'We study small\r\nchanges.')).score).toBe(0);
    expect((await score(scoreTypos, q, 'We stduy small changes.')).score).toBe(0);
  });

  it('keeps only the text between the last pair of " --- " delimiters', async () => {
    expect(await score(scoreTypos, q, 'x --- We study small changes. --- y')).toMatchObject({ score: 1, extracted: 'We study small changes.' });
    expect((await score(scoreTypos, q, 'We study small changes. --- a --- b')).score).toBe(0);
    expect(textBetweenDelimiters('a --- b --- c --- d')).toBe('c');
    // overlapping delimiters: the second must start after the first ends
    expect(textBetweenDelimiters(' --- --- ')).toBeNull();
    expect(textBetweenDelimiters(' ---  --- ')).toBe('');
    expect(textBetweenDelimiters('a --- b')).toBeNull();
  });

  it('agrees with the backtracking pattern on generated texts', () => {
    const pattern = /[^\n]* --- ([^\n]*?) --- [^\n]*/;
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      const len = next() % 30;
      for (let i = 0; i < len; i += 1) text += [' ', '-', 'a', ' --- '][next() % 4];
      expect(textBetweenDelimiters(text)).toBe(pattern.exec(text)?.[1] ?? null);
    }
  });
});

describe('bad input', () => {
  it('names the question and the field when ground_truth is missing', () => {
    expect(() => scoreTypos(question('typos', null), 'x', resources)).toThrow(/q-typos: field "ground_truth" is missing/);
  });
});

describe('the hand-written question files in LiveBench’s local layout', () => {
  function rows(task: string): LiveBenchQuestion[] {
    const path = fileURLToPath(new URL(`../../../fixtures/livebench/language/live_bench/language/${task}/question.jsonl`, import.meta.url));
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const raw = rowSchema.parse(JSON.parse(line));
        return { ...raw, subtask: null, raw: {} };
      });
  }
  const rowSchema = z.object({
    question_id: z.string().regex(/^[0-9a-f]{64}$/),
    category: z.literal('language'),
    task: z.string(),
    turns: z.array(z.string()).length(1),
    ground_truth: z.string(),
    livebench_release_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    livebench_removal_date: z.string(),
  });

  it('score hand-written answers to hand-computed values', async () => {
    const [eight, twelve, old] = rows('connections');
    if (!eight || !twelve || !old) throw new Error('connections fixture needs 3 rows');
    expect((await score(scoreConnections, eight, 'Thinking...\n<solution>pike, carp, sole, perch, snow, base, hand, foot</solution>')).score).toBe(1);
    // two of three groups right: the planets and the birds; the trees group has "mars" swapped in
    const partial = '<solution>mercury, venus, oak, earth, crane, heron, stork, egret, mars, ash, elm, yew</solution>';
    expect((await score(scoreConnections, twelve, partial)).score).toBe(1 / 3);
    expect((await score(scoreConnections, old, 'So: **ace, king, queen, jack, red, blue, green, gold**')).score).toBe(1);

    const [plot] = rows('plot_unscrambling');
    if (!plot) throw new Error('plot fixture needs a row');
    const sentences = (plot.ground_truth ?? '').split('. ');
    // the last two sentences swapped: order [0,1,2,3,5,4] is 2 edits from [0..5]
    const swapped = [...sentences.slice(0, 4), sentences[5]?.replace(/\.$/, ''), sentences[4]].join('. ');
    expect((await score(scorePlotUnscrambling, plot, `<PLOT_SUMMARY>${swapped}.`)).score).toBeCloseTo(1 - 2 / 6, 15);

    const [typos] = rows('typos');
    if (!typos) throw new Error('typos fixture needs a row');
    expect((await score(scoreTypos, typos, `Here is the corrected text:\n\n${typos.ground_truth ?? ''}`)).score).toBe(1);
    expect((await score(scoreTypos, typos, typos.turns[0] ?? '')).score).toBe(0);
  });
});
