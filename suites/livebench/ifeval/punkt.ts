// NLTK's PunktSentenceTokenizer.tokenize (NLTK 3.8/3.9, `nltk/tokenize/punkt.py`) ported to TypeScript:
// candidate ends found by the period-context regex, each decided on the words around it, then closing
// quotes and brackets realigned onto the sentence before. IFEval's `count_sentences` is the number of pieces.
import { punktEnglish, type PunktParameters } from './punkt-params.ts';
import { annotateTokens, NON_WORD, tokenizeWords } from './punkt-tokens.ts';
import { pyRstrip, PY_NOT_S, PY_S } from './python-text.ts';

const PERIOD_CONTEXT = new RegExp(`[.?!](?=(?<after_tok>${NON_WORD}|${PY_S}+(?<next_tok>${PY_NOT_S}+)))`, 'gu');
// re_boundary_realignment, MULTILINE: Python's `$` there also matches before a newline.
const BOUNDARY_REALIGNMENT = new RegExp(`^["')\\]}]+?(?:${PY_S}+|(?=--)|(?=\\n|$))`, 'u');
/** `string.whitespace`, ASCII only, as `_get_last_whitespace_index` uses it. */
const ASCII_WHITESPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);

type Span = { start: number; stop: number };
type EndContext = { end: number; afterTok: string; nextTokStart: number | null; context: string };

function lastWhitespaceIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (ASCII_WHITESPACE.has(text[i] ?? '')) return i;
  return 0;
}

/** `_match_potential_end_contexts`: each candidate end with the text from the word before it to the token after it. */
function potentialEndContexts(text: string): EndContext[] {
  const out: EndContext[] = [];
  let previousSlice: Span = { start: 0, stop: 0 };
  let previous: RegExpMatchArray | null = null;
  const emit = (match: RegExpMatchArray, slice: Span): void => {
    const index = match.index ?? 0;
    const afterTok = match.groups?.['after_tok'] ?? '';
    const nextTok = match.groups?.['next_tok'];
    out.push({
      end: index + 1,
      afterTok,
      // next_tok is the tail of after_tok (whitespace, then the token)
      nextTokStart: nextTok === undefined ? null : index + 1 + afterTok.length - nextTok.length,
      context: text.slice(slice.start, slice.stop) + match[0] + afterTok,
    });
  };
  for (const match of text.matchAll(PERIOD_CONTEXT)) {
    const start = match.index ?? 0;
    const before = text.slice(previousSlice.stop, start);
    let wordStart = lastWhitespaceIndex(before);
    // NLTK's quirk kept: whitespace at index 0 counts as none found
    wordStart = wordStart !== 0 ? wordStart + previousSlice.stop + 1 : previousSlice.start;
    const wordSlice: Span = { start: wordStart, stop: start };
    if (previous !== null && previousSlice.stop <= wordSlice.start) emit(previous, previousSlice);
    previous = match;
    previousSlice = wordSlice;
  }
  if (previous !== null) emit(previous, previousSlice);
  return out;
}

function containsSentbreak(context: string, params: PunktParameters): boolean {
  const tokens = annotateTokens(tokenizeWords(context), params);
  // a break counts only when some token follows it
  return tokens.slice(0, -1).some((token) => token.sentbreak);
}

function slicesFromText(text: string, params: PunktParameters): Span[] {
  const slices: Span[] = [];
  let lastBreak = 0;
  for (const candidate of potentialEndContexts(text)) {
    if (containsSentbreak(candidate.context, params)) {
      slices.push({ start: lastBreak, stop: candidate.end });
      lastBreak = candidate.nextTokStart ?? candidate.end;
    }
  }
  slices.push({ start: lastBreak, stop: pyRstrip(text).length });
  return slices;
}

function realignBoundaries(text: string, slices: Span[]): Span[] {
  const out: Span[] = [];
  let realign = 0;
  slices.forEach((slice, i) => {
    const sentence1: Span = { start: slice.start + realign, stop: slice.stop };
    const sentence2 = slices[i + 1];
    const nonEmpty = text.slice(sentence1.start, sentence1.stop) !== '';
    if (sentence2 === undefined) {
      if (nonEmpty) out.push(sentence1);
      return;
    }
    const m = BOUNDARY_REALIGNMENT.exec(text.slice(sentence2.start, sentence2.stop));
    if (m !== null) {
      out.push({ start: sentence1.start, stop: sentence2.start + pyRstrip(m[0]).length });
      realign = m[0].length;
    } else {
      realign = 0;
      if (nonEmpty) out.push(sentence1);
    }
  });
  return out;
}

/** `PunktSentenceTokenizer.tokenize(text)` with realigned boundaries (NLTK's default). */
export function punktSentences(text: string, params: PunktParameters = punktEnglish()): string[] {
  return realignBoundaries(text, slicesFromText(text, params)).map((span) => text.slice(span.start, span.stop));
}

/** IFEval `count_sentences`: the number of Punkt English sentences. */
export function countSentences(text: string): number {
  return punktSentences(text).length;
}
