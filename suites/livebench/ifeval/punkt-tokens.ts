// Punkt's word tokens and their two annotation passes (NLTK `nltk/tokenize/punkt.py`: PunktToken,
// PunktLanguageVars.word_tokenize, _first_pass_annotation, _second_pass_annotation, _ortho_heuristic).
import type { PunktParameters } from './punkt-params.ts';
import { firstCodePoint, pyIsLower, pyIsUpper, pyStrip, PY_NOT_S, PY_S, PY_W_NOT_DIGIT } from './python-text.ts';

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC + ORTHO_MID_UC + ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC + ORTHO_MID_LC + ORTHO_UNK_LC;

// PunktLanguageVars for English, with Python's Unicode `\s`/`\S` spelled out.
export const NON_WORD = `(?:[)";}\\]*:@'({\\[?!])`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${PY_S}){2,}\\.)`;
const WORD_START = '[^("`{\\[:;&#*@)}\\]\\-,]';
const WORD_TOKENIZER = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${PY_NOT_S}+?(?=${PY_S}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${PY_S}|${NON_WORD}|${MULTI_CHAR}))|${PY_NOT_S}`,
  'gu',
);
const RE_ELLIPSIS = /^\.\.+$/u;
const RE_NUMERIC = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const RE_INITIAL = new RegExp(`^${PY_W_NOT_DIGIT}\\.$`, 'u');
const SENT_END_CHARS = new Set(['.', '?', '!']);
const PUNCTUATION = new Set([';', ':', ',', '.', '!', '?']);

export type PunktToken = {
  tok: string;
  type: string;
  periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
};

function makeToken(tok: string): PunktToken {
  const lower = tok.toLowerCase();
  return { tok, type: RE_NUMERIC.test(lower) ? '##number##' : lower, periodFinal: tok.endsWith('.'), sentbreak: false, abbr: false, ellipsis: false };
}

function typeNoPeriod(token: PunktToken): string {
  return token.type.length > 1 && token.type.endsWith('.') ? token.type.slice(0, -1) : token.type;
}

function typeNoSentperiod(token: PunktToken): string {
  return token.sentbreak ? typeNoPeriod(token) : token.type;
}

const firstUpper = (token: PunktToken): boolean => pyIsUpper(firstCodePoint(token.tok));
const firstLower = (token: PunktToken): boolean => pyIsLower(firstCodePoint(token.tok));

/** `_tokenize_words`: the Punkt word tokens of each non-blank line. */
export function tokenizeWords(text: string): PunktToken[] {
  const tokens: PunktToken[] = [];
  for (const line of text.split('\n')) {
    if (pyStrip(line) === '') continue;
    for (const match of line.matchAll(WORD_TOKENIZER)) tokens.push(makeToken(match[0]));
  }
  return tokens;
}

function firstPass(token: PunktToken, params: PunktParameters): void {
  const tok = token.tok;
  if (SENT_END_CHARS.has(tok)) token.sentbreak = true;
  else if (RE_ELLIPSIS.test(tok)) token.ellipsis = true;
  else if (token.periodFinal && !tok.endsWith('..')) {
    const stem = tok.slice(0, -1).toLowerCase();
    const lastPart = stem.split('-').at(-1) ?? '';
    if (params.abbrevTypes.has(stem) || params.abbrevTypes.has(lastPart)) token.abbr = true;
    else token.sentbreak = true;
  }
}

function orthoHeuristic(token: PunktToken, params: PunktParameters): boolean | 'unknown' {
  if (PUNCTUATION.has(token.tok)) return false;
  const ortho = params.orthoContext.get(typeNoSentperiod(token)) ?? 0;
  if (firstUpper(token) && (ortho & ORTHO_LC) !== 0 && (ortho & ORTHO_MID_UC) === 0) return true;
  if (firstLower(token) && ((ortho & ORTHO_UC) !== 0 || (ortho & ORTHO_BEG_LC) === 0)) return false;
  return 'unknown';
}

function secondPass(token1: PunktToken, token2: PunktToken, params: PunktParameters): void {
  if (!token1.periodFinal) return;
  const typ = typeNoPeriod(token1);
  const nextTyp = typeNoSentperiod(token2);
  const isInitial = RE_INITIAL.test(token1.tok);
  if (params.collocations.has(`${typ}\t${nextTyp}`)) {
    token1.sentbreak = false;
    token1.abbr = true;
    return;
  }
  if ((token1.abbr || token1.ellipsis) && !isInitial) {
    if (orthoHeuristic(token2, params) === true) {
      token1.sentbreak = true;
      return;
    }
    if (firstUpper(token2) && params.sentStarters.has(nextTyp)) {
      token1.sentbreak = true;
      return;
    }
  }
  if (isInitial || typ === '##number##') {
    const starter = orthoHeuristic(token2, params);
    if (starter === false) {
      token1.sentbreak = false;
      token1.abbr = true;
      return;
    }
    if (starter === 'unknown' && isInitial && firstUpper(token2) && ((params.orthoContext.get(nextTyp) ?? 0) & ORTHO_LC) === 0) {
      token1.sentbreak = false;
      token1.abbr = true;
    }
  }
}

/** `_annotate_tokens`: both passes. Each token's second pass sees the next token with first-pass marks only, as NLTK's lazy pipeline does. */
export function annotateTokens(tokens: PunktToken[], params: PunktParameters): PunktToken[] {
  for (const token of tokens) firstPass(token, params);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [token1, token2] = [tokens[i], tokens[i + 1]];
    if (token1 !== undefined && token2 !== undefined) secondPass(token1, token2, params);
  }
  return tokens;
}
