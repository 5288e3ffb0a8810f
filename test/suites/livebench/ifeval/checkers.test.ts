// One table of checker cases per instruction id, aimed at the Python semantics the port must keep.
// Every verdict below was also produced by LiveBench's own instructions.py (a8f61ff) under Python 3.11.
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../../harness/json.ts';
import { InstructionArgsError } from '../../../../suites/livebench/ifeval/kwargs.ts';
import { buildInstruction } from '../../../../suites/livebench/ifeval/registry.ts';

type Case = [id: string, kwargs: Record<string, JsonValue>, response: string, followed: boolean];

const CHECKER_CASES: Case[] = [
  // keywords:existence: each keyword is a case-insensitive regex search, so substrings count
  ['keywords:existence', { keywords: ['sun', 'media'] }, 'SUNNY social Media', true],
  ['keywords:existence', { keywords: ['sun', 'media'] }, 'sunny days', false],
  // keywords:forbidden_words: \b is Unicode-aware, so "suné" is not the word "sun" but "sun-" is
  ['keywords:forbidden_words', { forbidden_words: ['sun'] }, 'sunny and sunés', true],
  ['keywords:forbidden_words', { forbidden_words: ['sun'] }, 'the sun-dial', false],
  ['keywords:forbidden_words', { forbidden_words: ['sun', 'moon'] }, 'MOON', false],
  // keywords:frequency and letter_frequency
  ['keywords:frequency', { keyword: 'cat', frequency: 3, relation: 'at least' }, 'cat Cat CAT', true],
  ['keywords:frequency', { keyword: 'cat', frequency: 3, relation: 'less than' }, 'concatenate cat cat', false],
  ['keywords:letter_frequency', { letter: 'A', let_frequency: 3, let_relation: 'at least' }, 'a A á a', true],
  ['keywords:letter_frequency', { letter: 'z', let_frequency: 1, let_relation: 'less than' }, 'buzz', false],
  // length_constraints:number_words counts Python \w+ runs: accented letters and digits join words, apostrophes split
  ['length_constraints:number_words', { num_words: 4, relation: 'at least' }, "naïve café don't", true],
  ['length_constraints:number_words', { num_words: 4, relation: 'less than' }, 'état-major 2024 ok', false],
  // length_constraints:number_sentences through Punkt
  ['length_constraints:number_sentences', { num_sentences: 3, relation: 'less than' }, 'Mr. Smith met Dr. Jones at 5 p.m. today. They talked.', true],
  ['length_constraints:number_sentences', { num_sentences: 3, relation: 'at least' }, 'One. Two! Three?', true],
  // length_constraints:number_paragraphs: *** dividers, empty ends allowed, empty middles fail
  ['length_constraints:number_paragraphs', { num_paragraphs: 2 }, '***\nfirst\n***\nsecond\n***', true],
  ['length_constraints:number_paragraphs', { num_paragraphs: 2 }, 'first\n***\n***\nsecond', false],
  // length_constraints:nth_paragraph_first_word: leading quotes dropped, stops at punctuation
  ['length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'hand' }, 'one\n\n"Hand, he said.', true],
  ['length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'hand' }, 'one\n\nhands up', false],
  // an empty piece still takes an index: the second piece of "a\n\n\n\nb" is empty
  ['length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 2, first_word: 'b' }, 'a\n\n\n\nb', false],
  // detectable_content:postscript
  ['detectable_content:postscript', { postscript_marker: 'P.S.' }, 'Body.\n\np. s. later', true],
  ['detectable_content:postscript', { postscript_marker: 'P.P.S' }, 'Body. P.S. only', false],
  ['detectable_content:number_placeholders', { num_placeholders: 2 }, '[name] and [address]', true],
  ['detectable_content:number_placeholders', { num_placeholders: 2 }, '[name] and [multi\nline]', false],
  // detectable_format:number_bullet_lists: `^\s*` may run over blank lines; `[^\*]` may be a newline
  ['detectable_format:number_bullet_lists', { num_bullets: 2 }, '* one\n\n- two\n** not a bullet', true],
  ['detectable_format:number_bullet_lists', { num_bullets: 2 }, '*\nfoo\n* bar', true],
  ['detectable_format:number_bullet_lists', { num_bullets: 3 }, '* one\n* two', false],
  ['detectable_format:constrained_response', {}, '  My answer is maybe. ', true],
  ['detectable_format:constrained_response', {}, 'my answer is yes.', false],
  ['detectable_format:number_highlighted_sections', { num_highlights: 2 }, '*one* and **two**', true],
  ['detectable_format:number_highlighted_sections', { num_highlights: 2 }, '* * and *one*', false],
  ['detectable_format:multiple_sections', { section_spliter: 'Section', num_sections: 2 }, 'Section 1\na\nSection 2\nb', true],
  ['detectable_format:multiple_sections', { section_spliter: 'SECTION', num_sections: 2 }, 'SECTION 1\na\nSection 2\nb', false],
  // detectable_format:json_format: json.loads accepts NaN and Infinity, refuses single quotes and trailing commas
  ['detectable_format:json_format', {}, '```json\n{"a": NaN, "b": -Infinity}\n```', true],
  ['detectable_format:json_format', {}, '```JSON\n[1, 2.5e3, "x\\u00e9"]\n```', true],
  ['detectable_format:json_format', {}, "{'a': 1}", false],
  ['detectable_format:json_format', {}, '{"a": 1,}', false],
  ['detectable_format:json_format', {}, '```json\n{"a": 1}\n``` trailing', false],
  ['detectable_format:title', {}, 'x <<My Title>> y', true],
  ['detectable_format:title', {}, '<< >> <<\n>>', false],
  ['combination:two_responses', {}, 'first\n******\nsecond', true],
  ['combination:two_responses', {}, 'same ****** same ', false],
  ['combination:repeat_prompt', { prompt_to_repeat: 'Write a story.' }, '  write a STORY. Once upon a time', true],
  ['combination:repeat_prompt', { prompt_to_repeat: 'Write a story.' }, 'Sure! Write a story.', false],
  ['startend:end_checker', { end_phrase: 'Any other questions?' }, 'Done. any other questions?"', true],
  ['startend:end_checker', { end_phrase: 'Any other questions?' }, 'Any other questions? Bye.', false],
  ['startend:quotation', {}, ' "quoted" ', true],
  ['startend:quotation', {}, '"', false],
  ['change_case:capital_word_frequency', { capital_frequency: 2, capital_relation: 'at least' }, 'The USA and NASA.', true],
  ['change_case:english_capital', {}, 'Not All Capitals', false],
  ['change_case:english_lowercase', {}, 'Has One Capital', false],
  ['punctuation:no_comma', {}, 'no commas here', true],
  ['punctuation:no_comma', {}, 'one, two', false],
];

describe('checkers', () => {
  it.each(CHECKER_CASES)('%s %j on %j → %s', (id, kwargs, response, followed) => {
    expect(buildInstruction(id, kwargs)(response)).toBe(followed);
  });
});

describe('kwargs', () => {
  it('refuses a missing argument IFEval would draw at random', () => {
    expect(() => buildInstruction('length_constraints:number_words', { relation: 'at least' })).toThrow(/kwargs\.num_words.*random/);
  });

  it('refuses an nth_paragraph beyond num_paragraphs (IFEval redraws it)', () => {
    expect(() => buildInstruction('length_constraints:nth_paragraph_first_word', { num_paragraphs: 2, nth_paragraph: 3, first_word: 'a' })).toThrow(InstructionArgsError);
  });

  it('rejects an unknown relation as IFEval does', () => {
    expect(() => buildInstruction('length_constraints:number_sentences', { num_sentences: 2, relation: 'at most' })).toThrow(/at most is given/);
  });

  it('rejects kwargs build_description does not take', () => {
    expect(() => buildInstruction('detectable_format:title', { keywords: ['a'] })).toThrow(/unexpected kwargs keywords/);
  });

  it('names unknown instruction ids', () => {
    expect(() => buildInstruction('keywords:key_sentences', {})).toThrow(/unknown instruction id "keywords:key_sentences"/);
  });

  it('fails where upstream fails: an empty prompt_to_repeat is accepted, then checking raises', () => {
    const check = buildInstruction('combination:repeat_prompt', { prompt_to_repeat: '' });
    expect(() => check('anything')).toThrow(/AttributeError/);
  });
});
