// LiveBench's IFEval instruction registry (a8f61ff `instructions_registry.py` INSTRUCTION_DICT): every
// instruction id it scores, with the build_description keywords each accepts.
import * as content from './checkers-content.ts';
import * as format from './checkers-format.ts';
import type { Checker, CheckerBuilder } from './checkers-format.ts';
import { InstructionArgsError, KwargsReader, type Kwargs } from './kwargs.ts';

export const INSTRUCTION_REGISTRY: ReadonlyMap<string, CheckerBuilder> = new Map([
  ['keywords:existence', content.keywordExistence],
  ['keywords:frequency', content.keywordFrequency],
  ['keywords:forbidden_words', content.forbiddenWords],
  ['keywords:letter_frequency', content.letterFrequency],
  ['language:response_language', content.responseLanguage],
  ['length_constraints:number_sentences', content.numberSentences],
  ['length_constraints:number_paragraphs', format.numberParagraphs],
  ['length_constraints:number_words', content.numberWords],
  ['length_constraints:nth_paragraph_first_word', format.nthParagraphFirstWord],
  ['detectable_content:number_placeholders', format.numberPlaceholders],
  ['detectable_content:postscript', format.postscript],
  ['detectable_format:number_bullet_lists', format.numberBulletLists],
  ['detectable_format:constrained_response', format.constrainedResponse],
  ['detectable_format:number_highlighted_sections', format.numberHighlightedSections],
  ['detectable_format:multiple_sections', format.multipleSections],
  ['detectable_format:json_format', format.jsonFormat],
  ['detectable_format:title', format.title],
  ['combination:two_responses', content.twoResponses],
  ['combination:repeat_prompt', content.repeatPrompt],
  ['startend:end_checker', content.endChecker],
  ['change_case:capital_word_frequency', content.capitalWordFrequency],
  ['change_case:english_capital', content.englishCapital],
  ['change_case:english_lowercase', content.englishLowercase],
  ['punctuation:no_comma', content.noComma],
  ['startend:quotation', content.quotation],
]);

/** The checker for one instruction of a question, built from its kwargs (None values already dropped). */
export function buildInstruction(instructionId: string, kwargs: Kwargs): Checker {
  const builder = INSTRUCTION_REGISTRY.get(instructionId);
  if (builder === undefined) {
    throw new InstructionArgsError(`unknown instruction id "${instructionId}": LiveBench's IFEval registry has ${[...INSTRUCTION_REGISTRY.keys()].join(', ')}`);
  }
  const reader = new KwargsReader(instructionId, kwargs);
  const checker = builder(reader);
  reader.done();
  return checker;
}
