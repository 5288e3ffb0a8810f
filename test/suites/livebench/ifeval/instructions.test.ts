// IFEval's own test cases (instructions_test.py), run through this port's registry.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonValueSchema } from '../../../../harness/json.ts';
import { LanguageDetectionUnavailableError } from '../../../../suites/livebench/ifeval/language.ts';
import { buildInstruction, INSTRUCTION_REGISTRY } from '../../../../suites/livebench/ifeval/registry.ts';

const cases = z
  .array(z.object({ instruction_id: z.string(), kwargs: z.record(z.string(), jsonValueSchema), response: z.string(), followed: z.boolean().nullable() }))
  .parse(JSON.parse(readFileSync(new URL('../../../fixtures/livebench/ifeval/instructions-test-cases.json', import.meta.url), 'utf8')));

describe("IFEval's instructions_test cases", () => {
  const decided = cases.filter((c) => c.followed !== null);
  it.each(decided.map((c, i) => [`${i} ${c.instruction_id}`, c] as const))('%s', (_label, c) => {
    expect(buildInstruction(c.instruction_id, c.kwargs)(c.response)).toBe(c.followed);
  });

  it('covers every instruction id of release 2024-11-25', () => {
    const used = [
      'combination:repeat_prompt', 'combination:two_responses', 'detectable_content:postscript', 'detectable_format:constrained_response',
      'detectable_format:multiple_sections', 'detectable_format:number_bullet_lists', 'detectable_format:title', 'keywords:existence',
      'keywords:forbidden_words', 'length_constraints:nth_paragraph_first_word', 'length_constraints:number_paragraphs',
      'length_constraints:number_sentences', 'length_constraints:number_words', 'startend:end_checker', 'startend:quotation',
    ];
    const covered = new Set(decided.map((c) => c.instruction_id));
    expect(used.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('refuses, with a named deviation, where the verdict needs langdetect', () => {
    const needs = cases.filter((c) => c.followed === null);
    expect(needs.length).toBeGreaterThan(0);
    for (const c of needs) expect(() => buildInstruction(c.instruction_id, c.kwargs)(c.response)).toThrow(LanguageDetectionUnavailableError);
  });

  it('registers all 25 ids of LiveBench\'s INSTRUCTION_DICT', () => {
    expect(INSTRUCTION_REGISTRY.size).toBe(25);
  });
});
