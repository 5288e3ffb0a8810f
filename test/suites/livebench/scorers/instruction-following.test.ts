// The instruction_following scorer on hand-written questions in LiveBench's local layout; every score
// below is worked out by hand from IFEval's rules: (all followed + fraction followed) / 2.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../harness/json.ts';
import type { LiveBenchQuestion } from '../../../../suites/livebench/question.ts';
import { questionFromRow } from '../../../../suites/livebench/rows.ts';
import { scoreInstructionFollowing } from '../../../../suites/livebench/scorers/instruction-following.ts';

const resources = { signal: new AbortController().signal };
const path = new URL('../../../fixtures/livebench/ifeval/question.jsonl', import.meta.url);
const questions = readFileSync(path, 'utf8')
  .trim()
  .split('\n')
  .map((line, i) => {
    const row: JsonValue = JSON.parse(line);
    return questionFromRow(row, `question.jsonl line ${i + 1}`);
  });

function question(id: string): LiveBenchQuestion {
  const q = questions.find((x) => x.question_id === id);
  if (q === undefined) throw new Error(`fixture lacks ${id}`);
  return q;
}

async function score(q: LiveBenchQuestion, answer: string): Promise<number> {
  return (await scoreInstructionFollowing(q, answer, resources)).score;
}

describe('scoreInstructionFollowing', () => {
  it('gives 1 when every instruction is followed', async () => {
    expect(await score(question('if-fixture-1'), '<<Park News>>\nThe council approved a park on Tuesday. Any other questions?')).toBe(1);
    expect(await score(question('if-fixture-2'), 'Costs went up in spring.\n***\nShoppers noticed.')).toBe(1);
  });

  it('gives (0 + fraction followed) / 2 when some are missed', async () => {
    // no title, 4 sentences (not less than 3), end phrase kept: 1 of 3
    expect(await score(question('if-fixture-1'), 'The council approved a park. It opened. Residents cheered. Any other questions?')).toBeCloseTo(1 / 6, 12);
    // "Maybe" is not the forbidden word "may" (\b); 3 paragraphs instead of 2: 1 of 2
    expect(await score(question('if-fixture-2'), 'Maybe prices went up.\n***\nShoppers noticed.\n***\nEnd.')).toBe(0.25);
    // a JSON string literal wrapped in quotes: quotation and json_format hold, the repeat does not start the answer
    expect(await score(question('if-fixture-3'), '"Write a story about a lighthouse. The keeper waited."')).toBeCloseTo(1 / 3, 12);
  });

  it('strips the answer as LiveBench does before checking', async () => {
    // the repeat counts once leading whitespace is gone; neither quoted nor JSON: 1 of 3
    expect(await score(question('if-fixture-3'), '  \n Write a story about a lighthouse. The keeper waited.')).toBeCloseTo(1 / 6, 12);
  });

  it('scores an empty answer 0: it follows nothing', async () => {
    const result = await scoreInstructionFollowing(question('if-fixture-2'), ' \n\t', resources);
    expect(result.score).toBe(0);
    expect(result.extracted).toBeNull();
    expect(result.details).toEqual({
      follow_all_instructions: false,
      instructions: [
        { id: 'keywords:forbidden_words', followed: false },
        { id: 'length_constraints:number_paragraphs', followed: false },
      ],
    });
  });

  it('reads kwargs as the HF parquet holds them: only the set keys, or a JSON-encoded list', async () => {
    const base = question('if-fixture-2');
    const answer = 'Prices rose.\n***\nShoppers noticed.';
    const expected = await score(base, answer);
    expect(expected).toBe(0.25);
    const slim = { ...base, raw: { ...base.raw, kwargs: [{ forbidden_words: ['rose', 'may'] }, { num_paragraphs: 2 }] } };
    expect(await score(slim, answer)).toBe(expected);
    const encoded = { ...base, raw: { ...base.raw, kwargs: JSON.stringify(base.raw['kwargs']), instruction_id_list: JSON.stringify(base.raw['instruction_id_list']) } };
    expect(await score(encoded, answer)).toBe(expected);
  });

  it('names the question when kwargs and instruction ids do not pair up', async () => {
    const base = question('if-fixture-1');
    const broken = { ...base, raw: { ...base.raw, kwargs: [{}] } };
    await expect(async () => score(broken, 'x')).rejects.toThrow(/question if-fixture-1 \(paraphrase\): kwargs has 1 entries for 3 instruction ids/);
  });
});
