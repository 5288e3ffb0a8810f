// Answer metadata as arena-hard-auto computes it (gen_answer.py, utils/add_markdown_info.py):
// o200k token count of the answer, and markdown counts after the code-block removal quirk.
import { createRequire } from 'node:module';
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import type { AnswerMeta, MarkdownMeta } from './schema.ts';

let encoder: Tiktoken | null = null;

function isBpe(value: unknown): value is TiktokenBPE {
  return typeof value === 'object' && value !== null && 'pat_str' in value && 'bpe_ranks' in value && 'special_tokens' in value;
}

/** The o200k ranks are several MB: read them on first use, not whenever the suite registry is imported. */
function loadO200k(): Tiktoken {
  const ranks: unknown = createRequire(import.meta.url)('js-tiktoken/ranks/o200k_base');
  const bpe = typeof ranks === 'object' && ranks !== null && 'default' in ranks ? ranks.default : ranks;
  if (!isBpe(bpe)) throw new Error('js-tiktoken/ranks/o200k_base has an unexpected shape; reinstall dependencies');
  return new Tiktoken(bpe);
}

/** tiktoken.encoding_for_model("gpt-4o") is o200k_base; disallowed_special=() encodes special tokens as text. */
export function tokenLength(text: string): number {
  encoder ??= loadO200k();
  return encoder.encode(text, [], []).length;
}

// Python's `\s` on str (str.isspace), which differs from JS `\s` (\x1c-\x1f and \x85 yes, \ufeff no).
const PY_SPACE = String.raw`[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;
// Python's MULTILINE `^` matches only at the start and after "\n" (JS `m` also fires after "\r").
const PY_LINE_START = String.raw`(?<![^\n])`;
// Python's `\d` on str is any Unicode decimal digit.
const PY_DIGIT = String.raw`\p{Nd}`;

const headerPatterns = [1, 2, 3, 4, 5, 6].map((n) => new RegExp(`${PY_LINE_START}#{${n}}${PY_SPACE}`, 'gu'));
const orderedPattern = new RegExp(`${PY_LINE_START}${PY_SPACE}*${PY_DIGIT}+\\.${PY_SPACE}`, 'gu');
const unorderedPattern = new RegExp(`${PY_LINE_START}${PY_SPACE}*[-*+]${PY_SPACE}`, 'gu');
const boldStarPattern = /\*\*[^*\n]+\*\*/gu;
const boldUnderscorePattern = /__[^_\n]+__/gu;
const codeBlockPattern = /```([^`]*)```/gu;

function countMatches(pattern: RegExp, text: string): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n += 1;
  return n;
}

/**
 * Upstream's remove_pattern: findall returns the *inner* text of each fenced block, and each inner
 * text is then removed everywhere in the answer (str.replace replaces all occurrences). The fences stay.
 */
export function removeCodeBlocks(answer: string): string {
  const blocks = [...answer.matchAll(codeBlockPattern)].map((m) => m[1] ?? '');
  let text = answer;
  for (const block of blocks) text = block === '' ? text : text.split(block).join('');
  return text;
}

/** count_markdown_elements on already-cleaned text. */
export function countMarkdown(text: string): MarkdownMeta {
  const h = headerPatterns.map((p) => countMatches(p, text));
  return {
    header_count: { h1: h[0] ?? 0, h2: h[1] ?? 0, h3: h[2] ?? 0, h4: h[3] ?? 0, h5: h[4] ?? 0, h6: h[5] ?? 0 },
    list_count: { ordered: countMatches(orderedPattern, text), unordered: countMatches(unorderedPattern, text) },
    bold_count: { '**': countMatches(boldStarPattern, text), '__': countMatches(boldUnderscorePattern, text) },
  };
}

/** The `metadata` object of an answer record, keys in upstream order. */
export function answerMetadata(answer: string): AnswerMeta {
  return { token_len: tokenLength(answer), ...countMarkdown(removeCodeBlocks(answer)) };
}

/** Upstream's raw style vector: ints as is, dicts summed, in metadata key order. */
export function styleVector(meta: AnswerMeta): [number, number, number, number] {
  const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);
  return [meta.token_len, sum(meta.header_count), sum(meta.list_count), sum(meta.bold_count)];
}
